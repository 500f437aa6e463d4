// Per-round odds cache: exact answers are reused, recomputation is throttled, and expensive work is
// handed to a background computation, so joins and reconnects never block the event loop on odds.
import { EXPENSIVE_ODDS_COST, instantOdds, oddsCost, oddsKey, type OddsRecord } from './oddsCost';

/** What a caller may show: the latest odds of the round (null before the first answer) and whether they
 * belong to the aggregate it asked about. */
export interface OddsLookup {
  odds: OddsRecord | null;
  exact: boolean;
}

/** Seams and limits of the cache (the compute functions are injectable so tests can count calls). */
export interface RoundOddsCacheOptions {
  clock: { now(): number };
  /** Exact odds on the calling thread (cheap questions). */
  compute: (counts: Readonly<Record<number, number>>, k: number) => OddsRecord;
  /** Exact odds off the event loop (expensive questions). */
  computeInBackground: (counts: Readonly<Record<number, number>>, k: number) => Promise<OddsRecord>;
  /** Stops whatever runs the background computations (the worker thread). */
  stopBackground?: () => Promise<void>;
  /** Minimum time between two computations for one round (default 250 ms). */
  throttleMs?: number;
  /** Rounds kept (least recently used evicted; default 300). */
  capacity?: number;
  /** Cost (see oddsCost) above which computeInBackground is used (default EXPENSIVE_ODDS_COST). */
  expensiveCost?: number;
}

interface RoundEntry {
  key: string | null;
  odds: OddsRecord | null;
  startedAt: number;
  pending: Promise<void> | null;
}

/** Why: odds of a round with bonus tickets cost up to seconds; each join must not pay that. */
export class RoundOddsCache {
  private readonly rounds = new Map<string, RoundEntry>();
  private readonly throttleMs: number;
  private readonly capacity: number;
  private readonly expensiveCost: number;

  constructor(private readonly options: RoundOddsCacheOptions) {
    this.throttleMs = options.throttleMs ?? 250;
    this.capacity = options.capacity ?? 300;
    this.expensiveCost = options.expensiveCost ?? EXPENSIVE_ODDS_COST;
    if (!Number.isInteger(this.capacity) || this.capacity < 1) {
      throw new RangeError('capacity must be a positive integer');
    }
  }
  /** Stops the background computations (server shutdown); lookups still work on the event loop. */
  async close(): Promise<void> {
    await this.options.stopBackground?.();
  }

  /** The round's odds for this aggregate: exact when cached, single-class, or cheap and due; else the latest known. */
  lookup(roundId: string, counts: Readonly<Record<number, number>>, k: number): OddsLookup {
    const key = oddsKey(counts, k);
    const entry = this.touch(roundId);
    if (entry.key === key && entry.odds) return { odds: entry.odds, exact: true };
    if (instantOdds(counts)) {
      // One weight class: cheap enough for every join of a burst, so exact for this very aggregate.
      entry.key = key;
      entry.odds = this.options.compute(counts, k);
      return { odds: entry.odds, exact: true };
    }
    const now = this.options.clock.now();
    if (entry.pending || now - entry.startedAt < this.throttleMs) return { odds: entry.odds, exact: false };
    entry.startedAt = now;
    if (oddsCost(counts, k) <= this.expensiveCost) {
      const odds = this.options.compute(counts, k);
      entry.key = key;
      entry.odds = odds;
      return { odds, exact: true };
    }
    entry.pending = this.options.computeInBackground(counts, k).then(
      (odds) => {
        entry.key = key;
        entry.odds = odds;
        entry.pending = null;
      },
      () => {
        // Counts come from the store, so this is a crashed worker: keep the last odds; the next
        // lookup after the throttle interval tries again.
        entry.pending = null;
      },
    );
    return { odds: entry.odds, exact: false };
  }

  /** Drops a round (drawn or cancelled: its odds are never asked for again). */
  forget(roundId: string): void {
    this.rounds.delete(roundId);
  }

  /** Resolves when every background computation started so far has landed in the cache. */
  async settled(): Promise<void> {
    const pending = [...this.rounds.values()].map((entry) => entry.pending);
    await Promise.all(pending);
  }

  /** Number of rounds cached. */
  get size(): number {
    return this.rounds.size;
  }

  private touch(roundId: string): RoundEntry {
    const existing = this.rounds.get(roundId);
    const entry = existing ?? { key: null, odds: null, startedAt: -Infinity, pending: null };
    this.rounds.delete(roundId);
    this.rounds.set(roundId, entry);
    if (this.rounds.size > this.capacity) {
      const oldest = this.rounds.keys().next();
      if (!oldest.done) this.rounds.delete(oldest.value);
    }
    return entry;
  }
}
