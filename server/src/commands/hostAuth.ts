// Host token check in constant time, with a per-IP lockout after repeated failures (REST and sockets).
import { createHash, timingSafeEqual } from 'node:crypto';
import type { RateLimiterAbstract } from 'rate-limiter-flexible';
import { ErrorCode } from '@drawcast/shared';
import { memoryLimiters, type LimiterFactory } from './rateLimiters';

/** Outcome of one authentication attempt. */
export type HostAuthResult =
  | { ok: true }
  | {
      ok: false;
      code: typeof ErrorCode.UNAUTHORIZED | typeof ErrorCode.LOCKED_OUT | typeof ErrorCode.FORBIDDEN;
      retryAfterMs: number;
    };

/** A staff credential as the auth layer needs it: its event and label. */
export interface StaffIdentity {
  id: string;
  eventId: string;
  label: string;
}

/** Who presented a credential: the host, or staff of one event. */
export type CredentialResult =
  | { ok: true; role: 'host' }
  | { ok: true; role: 'staff'; staff: StaffIdentity }
  | { ok: false; code: typeof ErrorCode.UNAUTHORIZED | typeof ErrorCode.LOCKED_OUT; retryAfterMs: number };

/** Looks a staff credential up (live ones only); set by createServer once the console service exists. */
export type StaffLookup = (token: string) => Promise<StaffIdentity | null>;

const digest = (s: string) => createHash('sha256').update(s, 'utf8').digest();

/**
 * Why: one guard for both transports, so a locked-out IP cannot retry through the other one. After
 * `maxFailures` failed attempts (docs/API.md: 10 in 5 minutes) every attempt from that IP is LOCKED_OUT.
 */
export class HostAuthenticator {
  private readonly expected: Buffer;
  private readonly failures: RateLimiterAbstract;
  private readonly maxFailures: number;
  private readonly staffLookup: StaffLookup | undefined;

  /** `limiters`: memory (one node) or Redis (a lockout holds on every node). */
  constructor(
    token: string,
    options: { maxFailures: number; windowMs: number; staffLookup?: StaffLookup },
    limiters: LimiterFactory = memoryLimiters,
  ) {
    this.expected = digest(token);
    this.staffLookup = options.staffLookup;
    this.maxFailures = options.maxFailures;
    this.failures = limiters({
      keyPrefix: 'host-auth',
      points: options.maxFailures,
      duration: Math.max(1, Math.ceil(options.windowMs / 1000)),
    });
  }

  /**
   * Host-only guard. A live staff credential is refused with FORBIDDEN and is not counted as a failed
   * login (the desk must not lock its own IP out by pressing a host-only button).
   */
  async check(ip: string, presented: string | undefined): Promise<HostAuthResult> {
    const who = await this.identify(ip, presented);
    if (!who.ok) return who;
    if (who.role === 'host') return { ok: true };
    return { ok: false, code: ErrorCode.FORBIDDEN, retryAfterMs: 0 };
  }

  /** Host token or live staff credential; compares equal-length hashes in constant time; counts failures per IP. */
  async identify(ip: string, presented: string | undefined): Promise<CredentialResult> {
    const seen = await this.failures.get(ip);
    if (seen && seen.consumedPoints >= this.maxFailures) {
      return { ok: false, code: ErrorCode.LOCKED_OUT, retryAfterMs: seen.msBeforeNext };
    }
    if (presented !== undefined && timingSafeEqual(digest(presented), this.expected))
      return { ok: true, role: 'host' };
    const staff = presented !== undefined && this.staffLookup ? await this.staffLookup(presented) : null;
    if (staff) return { ok: true, role: 'staff', staff };
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
