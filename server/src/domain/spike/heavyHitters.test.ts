import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { HeavyHitters } from './heavyHitters';

describe('HeavyHitters (space-saving)', () => {
  it('counts exactly while there is room', () => {
    const h = new HeavyHitters(4);
    for (const k of ['a', 'b', 'a', 'c', 'a', 'b']) h.add(k);
    expect(h.top(2)).toEqual([
      { key: 'a', count: 3, error: 0 },
      { key: 'b', count: 2, error: 0 },
    ]);
    expect(h.total).toBe(6);
  });

  it('keeps bounded memory, never undercounts, and always holds any key above total/capacity', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 8 }),
        fc.array(fc.integer({ min: 0, max: 40 }), { maxLength: 400 }),
        (capacity, stream) => {
          const h = new HeavyHitters(capacity);
          const truth = new Map<string, number>();
          for (const v of stream) {
            const key = `ip-${v}`;
            h.add(key);
            truth.set(key, (truth.get(key) ?? 0) + 1);
          }
          expect(h.size).toBeLessThanOrEqual(capacity);
          const tracked = new Map(h.top(capacity).map((c) => [c.key, c]));
          for (const c of tracked.values()) {
            const real = truth.get(c.key) ?? 0;
            expect(c.count).toBeGreaterThanOrEqual(real);
            expect(c.count - c.error).toBeLessThanOrEqual(real);
          }
          for (const [key, real] of truth)
            if (real > stream.length / capacity) expect(tracked.has(key)).toBe(true);
        },
      ),
    );
  });

  it('puts a flood from one source on top even after many one-off sources', () => {
    const h = new HeavyHitters(16);
    for (let i = 0; i < 5000; i += 1) h.add(`spread-${i}`);
    for (let i = 0; i < 2000; i += 1) h.add('203.0.113.9');
    expect(h.top(1)[0]?.key).toBe('203.0.113.9');
    expect(h.size).toBe(16);
  });

  it('refuses a capacity that is not a positive integer', () => {
    expect(() => new HeavyHitters(0)).toThrow(RangeError);
  });
});
