// Join rate limits per IP and per device (memory now; a Redis limiter fits the same interface later).
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import { DrawcastError, ErrorCode } from '@drawcast/shared';

/** Why: a shop's phones share one Wi-Fi IP, so the IP limit is generous and the device limit tight. */
export class JoinLimits {
  private readonly perIp: RateLimiterMemory;
  private readonly perDevice: RateLimiterMemory;

  constructor(options: { perIpPerMinute: number; perDevicePerMinute: number }) {
    this.perIp = new RateLimiterMemory({
      keyPrefix: 'join-ip',
      points: options.perIpPerMinute,
      duration: 60,
    });
    this.perDevice = new RateLimiterMemory({
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
