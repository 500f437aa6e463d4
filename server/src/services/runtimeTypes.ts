// What the service needs from outside: injected clock and randomness, the store, secrets.
import type { Store } from '../store/store';
import type { RoundOddsCache } from './odds/roundOddsCache';

/** Time is injected so tests (and reveal scheduling) control it. */
export interface Clock {
  /** Milliseconds since the epoch. */
  now(): number;
}

/** Randomness is injected so tests are deterministic; production uses a CSPRNG. */
export interface Random {
  bytes(n: number): Uint8Array;
}

/** Everything the service needs from the outside world. */
export interface ServiceDeps {
  store: Store;
  clock: Clock;
  random: Random;
  /** Pepper for HMAC hashing of phone numbers and device tokens. */
  secret: string;
  /**
   * AES-256 key for winners' shipping contacts (loadOrCreateContactKey(dataDir)); without it, events
   * that collect shipping contacts refuse submissions with INTERNAL.
   */
  contactKey?: Uint8Array | null;
  /** Per-round odds cache to use instead of the default one (tests inject compute seams through it). */
  oddsCache?: RoundOddsCache;
}
