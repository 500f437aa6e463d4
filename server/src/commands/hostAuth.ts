// Host token check in constant time, with a per-IP lockout after repeated failures (REST and sockets).
import { createHash, timingSafeEqual } from 'node:crypto';
import type { RateLimiterAbstract } from 'rate-limiter-flexible';
import { ErrorCode } from '@drawcast/shared';
import { memoryLimiters, type LimiterFactory } from './rateLimiters';

/** Outcome of one authentication attempt. */
export type HostAuthResult =
  | { ok: true }
  | { ok: false; code: typeof ErrorCode.UNAUTHORIZED | typeof ErrorCode.LOCKED_OUT; retryAfterMs: number };

const digest = (s: string) => createHash('sha256').update(s, 'utf8').digest();

/**
 * Why: one guard for both transports, so a locked-out IP cannot retry through the other one. After
 * `maxFailures` failed attempts (docs/API.md: 10 in 5 minutes) every attempt from that IP is LOCKED_OUT.
 */
export class HostAuthenticator {
  private readonly expected: Buffer;
  private readonly failures: RateLimiterAbstract;
  private readonly maxFailures: number;

  /** `limiters`: memory (one node) or Redis (a lockout holds on every node). */
  constructor(
    token: string,
    options: { maxFailures: number; windowMs: number },
    limiters: LimiterFactory = memoryLimiters,
  ) {
    this.expected = digest(token);
    this.maxFailures = options.maxFailures;
    this.failures = limiters({
      keyPrefix: 'host-auth',
      points: options.maxFailures,
      duration: Math.max(1, Math.ceil(options.windowMs / 1000)),
    });
  }

  /** Compares equal-length hashes with timingSafeEqual; counts failures per IP. */
  async check(ip: string, presented: string | undefined): Promise<HostAuthResult> {
    const seen = await this.failures.get(ip);
    if (seen && seen.consumedPoints >= this.maxFailures) {
      return { ok: false, code: ErrorCode.LOCKED_OUT, retryAfterMs: seen.msBeforeNext };
    }
    if (presented !== undefined && timingSafeEqual(digest(presented), this.expected)) return { ok: true };
    // The maxFailures-th failure is still answered UNAUTHORIZED; the attempt after it is LOCKED_OUT.
    const after = await this.failures.penalty(ip, 1);
    return { ok: false, code: ErrorCode.UNAUTHORIZED, retryAfterMs: after.msBeforeNext };
  }
}

/** Extracts the token of an `Authorization: Bearer <token>` header; undefined when absent or malformed. */
export function bearerToken(header: string | undefined): string | undefined {
  if (!header) return undefined;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  return match?.[1];
}
