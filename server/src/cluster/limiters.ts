// Rate limiters in this process's memory (one node) or in Redis (several nodes share one budget).
import type { Redis } from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, type RateLimiterAbstract } from 'rate-limiter-flexible';

/** What a limiter is built from: the same for memory and Redis. */
export interface LimiterOptions {
  keyPrefix: string;
  points: number;
  /** Seconds. */
  duration: number;
}

/** Builds a limiter; join limits and host lockouts take one, so both can be shared across nodes. */
export type LimiterFactory = (options: LimiterOptions) => RateLimiterAbstract;

/** One process: the limits live in memory (SQLite default, exactly as before). */
export const memoryLimiters: LimiterFactory = (options) => new RateLimiterMemory(options);

/**
 * Several nodes: counters in Redis, so a phone or an attacker gets one budget whichever node it reaches.
 * While Redis is down each node falls back to its own memory limiter (insuranceLimiter): limits stay on,
 * only per node, and nothing waits for Redis.
 */
export function redisLimiters(client: Redis): LimiterFactory {
  return (options) =>
    new RateLimiterRedis({
      ...options,
      keyPrefix: `drawcast:${options.keyPrefix}`,
      storeClient: client,
      insuranceLimiter: new RateLimiterMemory(options),
    });
}
