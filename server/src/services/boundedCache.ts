// A small LRU map for immutable results (drawn rounds' winners, revealed proofs), so hot reads skip the store.

/** Least-recently-used map with a fixed capacity; only for values that never change once computed. */
export class BoundedCache<K, V> {
  private readonly entries = new Map<K, V>();

  constructor(private readonly capacity: number) {
    if (!Number.isInteger(capacity) || capacity < 1)
      throw new RangeError('capacity must be a positive integer');
  }

  /** The value, marked as recently used; undefined if absent. */
  get(key: K): V | undefined {
    const value = this.entries.get(key);
    if (value === undefined) return undefined;
    this.entries.delete(key);
    this.entries.set(key, value);
    return value;
  }

  /** Stores a value, evicting the least recently used one when full. */
  set(key: K, value: V): void {
    this.entries.delete(key);
    this.entries.set(key, value);
    if (this.entries.size > this.capacity) {
      const oldest = this.entries.keys().next();
      if (!oldest.done) this.entries.delete(oldest.value);
    }
  }

  /** Drops a value (a failed load must not stay cached). */
  delete(key: K): void {
    this.entries.delete(key);
  }

  /** Number of cached values. */
  get size(): number {
    return this.entries.size;
  }
}
