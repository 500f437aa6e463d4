import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { seededRng } from './random';
import { buildReelStrip, itemAtOffset, reelCount, reelFinalOffset } from './reels';
import { reelStopTimes, valueAt } from './timing';

const same = (a: string, b: string) => a === b;

describe('reels', () => {
  it('each reel stops on its winner, in draw order, for thousands of random cases', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 5 }),
        fc.integer({ min: 1, max: 80 }),
        fc.integer({ min: 2, max: 60 }),
        fc.double({ min: 0, max: 1e4, noNaN: true }),
        fc.integer(),
        (k, poolSize, length, start, seed) => {
          const rng = seededRng(seed);
          const pool = Array.from({ length: poolSize }, (_, i) => `n${i}`);
          const winners = Array.from({ length: k }, (_, i) => `w${i}`);
          const reels = winners.map((w) => buildReelStrip(pool, w, length, rng, same));
          const stops = reelStopTimes(0, 5000, k);
          const motions = reels.map((r, i) => ({
            startAt: 0,
            endAt: stops[i]!,
            from: start,
            to: reelFinalOffset(r.items.length, r.winnerIndex, start, 3),
          }));
          // At the reveal every reel shows its own winner, reel i = winner i.
          const shown = reels.map(
            (r, i) => r.items[itemAtOffset(valueAt(motions[i]!, 5000), r.items.length)],
          );
          expect(shown).toEqual(winners);
          for (const r of reels) {
            expect(r.items.filter((x) => x.startsWith('w'))).toHaveLength(1);
            expect(Number.isInteger(motions[0]!.to)).toBe(true);
          }
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('a reel from a pool that already holds the winner contains it once', () => {
    const strip = buildReelStrip(['a', 'b', 'c'], 'b', 10, seededRng(3), same);
    expect(strip.items.filter((x) => x === 'b')).toHaveLength(1);
    expect(strip.items[strip.winnerIndex]).toBe('b');
    expect(strip.items).toHaveLength(10);
  });

  it('final offsets are ≥ the minimum loops and land on the index', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1000 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.integer({ min: -1e8, max: 1e8 }),
        fc.integer({ min: 0, max: 10 }),
        (len, w, startMilli, loops) => {
          const start = startMilli / 1000;
          const idx = Math.min(len - 1, Math.floor(w * len));
          const end = reelFinalOffset(len, idx, start, loops);
          expect(itemAtOffset(end, len)).toBe(idx);
          expect(end).toBeGreaterThanOrEqual(start + loops * len);
          expect(end).toBeLessThan(start + (loops + 1) * len + 1);
        },
      ),
      { numRuns: 3000 },
    );
    expect(() => reelFinalOffset(3, 3, 0, 1)).toThrow(RangeError);
  });

  it('shows at most five reels', () => {
    expect(reelCount(1)).toBe(1);
    expect(reelCount(3)).toBe(3);
    expect(reelCount(500)).toBe(5);
  });
});
