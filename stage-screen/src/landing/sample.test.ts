import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { seededRng } from './random';
import type { NameEntry } from './sample';
import { fairSample, sampleIndices } from './sample';

const entriesOf = (n: number): NameEntry[] =>
  Array.from({ length: n }, (_, i) => ({ id: `p${i}`, name: `name ${i}` }));
const big = entriesOf(100_000);

describe('fairSample', () => {
  it('always contains every winner at its reported position, and distinct entries, 2..100,000 entries', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 100_000 }),
        fc.integer({ min: 1, max: 120 }),
        fc.integer({ min: 1, max: 8 }),
        fc.integer(),
        (n, size, k, seed) => {
          const entries = n === big.length ? big : big.slice(0, n);
          const rng = seededRng(seed);
          const winners = Array.from(
            { length: Math.min(k, n) },
            () => entries[Math.floor(rng() * n)]!,
          ).filter((w, i, a) => a.findIndex((x) => x.id === w.id) === i);
          const s = fairSample(entries, winners, size, rng);
          winners.forEach((w, i) => expect(s.items[s.winnerPositions[i]!]!.id).toBe(w.id));
          expect(new Set(s.items.map((e) => e.id)).size).toBe(s.items.length);
          expect(s.items.length).toBe(Math.max(winners.length, Math.min(size, n)));
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('places a winner missing from the entry list anyway (the server result is the truth)', () => {
    const s = fairSample(entriesOf(10), [{ id: 'late', name: 'Late joiner' }], 5, seededRng(9));
    expect(s.items[s.winnerPositions[0]!]!.id).toBe('late');
    expect(s.items).toHaveLength(5);
  });

  it('gives every non-winner about the same chance', () => {
    const entries = entriesOf(20);
    const counts = new Map<string, number>();
    const rng = seededRng(7);
    const trials = 20_000;
    for (let t = 0; t < trials; t++) {
      for (const e of fairSample(entries, [entries[0]!], 6, rng).items)
        counts.set(e.id, (counts.get(e.id) ?? 0) + 1);
    }
    expect(counts.get('p0')).toBe(trials);
    // 5 of the 19 others each time: expected 5/19 × trials each, within 5 %.
    const expected = (5 / 19) * trials;
    for (let i = 1; i < 20; i++)
      expect(Math.abs(counts.get(`p${i}`)! - expected) / expected).toBeLessThan(0.05);
  });

  it('sampleIndices draws distinct in-range indices', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 100_000 }),
        fc.integer({ min: 0, max: 300 }),
        fc.integer(),
        (n, c, seed) => {
          const idx = sampleIndices(n, c, seededRng(seed));
          expect(idx).toHaveLength(Math.min(n, c));
          expect(new Set(idx).size).toBe(idx.length);
          for (const i of idx) expect(i >= 0 && i < n).toBe(true);
        },
      ),
      { numRuns: 600 },
    );
  });
});
