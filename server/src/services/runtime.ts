// Production implementations of the injected Clock and Random.
import { randomBytes } from 'node:crypto';
import type { Clock, Random } from './types';

/** Wall-clock time for production; tests pass their own Clock. */
export const systemClock: Clock = { now: () => Date.now() };

/** The operating system's CSPRNG, as drawcast-v1 requires for server seeds. */
export const cryptoRandom: Random = { bytes: (n) => new Uint8Array(randomBytes(n)) };
