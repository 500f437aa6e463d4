// Rate limiters in Redis: several nodes share one budget (the memory ones are in commands/rateLimiters.ts).
import type { Redis } from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis } from 'rate-limiter-flexible';
import type { LimiterFactory } from '../commands/rateLimiters';

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
