// Space-saving heavy hitters (Metwally et al. 2005): the top sources of a stream in bounded memory.

/** One tracked key: its estimated count and the most it can be overcounted by. */
export interface HeavyHitter {
  key: string;
  /** Estimated count: never below the true count, at most `error` above it. */
  count: number;
  /** Overestimate bound inherited from the key it replaced (0 while the table never filled). */
  error: number;
}

/**
 * Why: 10,000 fake devices may come from 10,000 addresses; counting every one would let an attacker grow
 * the server's memory. Space-saving keeps `capacity` counters, and any key seen more than total/capacity
 * times is guaranteed to be among them.
 */
export class HeavyHitters {
  private readonly counters = new Map<string, HeavyHitter>();
  private seen = 0;

  constructor(readonly capacity: number) {
    if (!Number.isInteger(capacity) || capacity < 1)
      throw new RangeError('capacity must be a positive integer');
  }

  /** Counts one occurrence of `key` (or `weight` of them). */
  add(key: string, weight = 1): void {
    this.seen += weight;
    const known = this.counters.get(key);
    if (known) {
      known.count += weight;
      return;
    }
    if (this.counters.size < this.capacity) {
      this.counters.set(key, { key, count: weight, error: 0 });
      return;
    }
    // Replace the smallest counter: the newcomer inherits its count as the possible overestimate.
    let min: HeavyHitter | undefined;
    for (const c of this.counters.values()) if (!min || c.count < min.count) min = c;
    const floor = min!.count;
    this.counters.delete(min!.key);
    this.counters.set(key, { key, count: floor + weight, error: floor });
  }

  /** The `n` largest counters, largest first (ties by key, so the order is stable). */
  top(n: number): HeavyHitter[] {
    return [...this.counters.values()]
      .sort((a, b) => b.count - a.count || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
      .slice(0, n)
      .map((c) => ({ ...c }));
  }

  /** Everything counted so far. */
  get total(): number {
    return this.seen;
  }

  /** Keys currently tracked (never more than capacity). */
  get size(): number {
    return this.counters.size;
  }
}
