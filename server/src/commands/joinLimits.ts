// Join rate limits per IP and per device (memory now; a Redis limiter fits the same interface later).
import { RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import { DrawcastError, ErrorCode } from '@drawcast/shared';
import { memoryLimiters, type LimiterFactory } from './rateLimiters';

/** Why: a shop's phones share one Wi-Fi IP, so the IP limit is generous and the device limit tight. */
export class JoinLimits {
  private readonly perIp: RateLimiterAbstract;
  private readonly perDevice: RateLimiterAbstract;

  /** `limiters`: memory (one node) or Redis (several nodes share the budget). */
  constructor(
    options: { perIpPerMinute: number; perDevicePerMinute: number },
    limiters: LimiterFactory = memoryLimiters,
  ) {
    this.perIp = limiters({
      keyPrefix: 'join-ip',
      points: options.perIpPerMinute,
      duration: 60,
    });
    this.perDevice = limiters({
      keyPrefix: 'join-device',
      points: options.perDevicePerMinute,
      duration: 60,
    });
  }

  /** Throws RATE_LIMITED when either budget is spent (keys live in this process's memory only, for 60 s). */
  async consume(ip: string, deviceToken: string): Promise<void> {
    try {
      await this.perDevice.consume(deviceToken);
      await this.perIp.consume(ip);
    } catch (err) {
      if (err instanceof RateLimiterRes) {
        const seconds = Math.ceil(err.msBeforeNext / 1000);
        throw new DrawcastError(ErrorCode.RATE_LIMITED, `too many joins, retry in ${seconds} s`);
      }
      throw err;
    }
  }
}
