// Production implementations of the injected Clock and Random.
import { randomBytes } from 'node:crypto';
import type { Clock, Random } from './types';

/** Wall-clock time for production; tests pass their own Clock. */
export const systemClock: Clock = { now: () => Date.now() };

/** Bytes fetched from the OS per refill: one call serves a few hundred joins' ids and share codes. */
const POOL_BYTES = 8 * 1024;
let pool = Buffer.alloc(0);
let used = 0;

/**
 * The operating system's CSPRNG, as drawcast-v1 requires for server seeds; small requests are served
 * from a pooled block (the bytes are the CSPRNG's own, each handed out once), large ones directly.
 */
export const cryptoRandom: Random = {
  bytes(n) {
    if (n > POOL_BYTES / 4) return new Uint8Array(randomBytes(n));
    if (used + n > pool.length) {
      pool = randomBytes(POOL_BYTES);
      used = 0;
    }
    const out = new Uint8Array(pool.subarray(used, used + n));
    pool.fill(0, used, used + n);
    used += n;
    return out;
  },
};
