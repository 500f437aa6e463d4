// Rate limiters behind one factory: this process's memory by default; several nodes pass Redis ones.
import { RateLimiterMemory, type RateLimiterAbstract } from 'rate-limiter-flexible';

/** What a limiter is built from: the same for memory and Redis. */
export interface LimiterOptions {
  keyPrefix: string;
  points: number;
  /** Seconds. */
  duration: number;
}

/** Builds a limiter; join limits and host lockouts take one, so both can be shared across nodes. */
export type LimiterFactory = (options: LimiterOptions) => RateLimiterAbstract;

/** One process: the limits live in memory (SQLite default). */
export const memoryLimiters: LimiterFactory = (options) => new RateLimiterMemory(options);
