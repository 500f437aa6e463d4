import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { BoundedCache } from './boundedCache';

describe('BoundedCache', () => {
  it('evicts the least recently used entry', () => {
    const cache = new BoundedCache<string, number>(2);
    cache.set('a', 1);
    cache.set('b', 2);
    expect(cache.get('a')).toBe(1);
    cache.set('c', 3);
    expect(cache.get('b')).toBeUndefined();
    expect(cache.get('a')).toBe(1);
    expect(cache.get('c')).toBe(3);
  });

  it('never holds more than its capacity and always returns the last value set', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 5 }),
        fc.array(fc.tuple(fc.nat(8), fc.nat())),
        (capacity, ops) => {
          const cache = new BoundedCache<number, number>(capacity);
          for (const [key, value] of ops) {
            cache.set(key, value);
            expect(cache.size).toBeLessThanOrEqual(capacity);
            expect(cache.get(key)).toBe(value);
          }
        },
      ),
    );
    expect(() => new BoundedCache(0)).toThrow(RangeError);
  });
});
