import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { seededRng } from './random';
import {
  EDGE_MARGIN,
  TAU,
  boundariesCrossed,
  fractionInSegment,
  segmentAtPointer,
  wheelFinalRotation,
} from './wheel';

const RUNS = 5000;

describe('wheelFinalRotation', () => {
  it('lands inside the winner segment, away from both edges, for thousands of random cases', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 100_000 }),
        fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true }),
        fc.double({ min: -1000, max: 1000, noNaN: true }),
        fc.integer({ min: 0, max: 12 }),
        fc.integer(),
        (segments, w, start, turns, seed) => {
          const winner = Math.floor(w * segments);
          const end = wheelFinalRotation({
            segments,
            winnerSegment: winner,
            startRotation: start,
            minTurns: turns,
            rng: seededRng(seed),
          });
          expect(segmentAtPointer(end, segments)).toBe(winner);
          const f = fractionInSegment(end, segments);
          // Never on a boundary: a clear margin on both sides (a little float slack).
          expect(f).toBeGreaterThan(EDGE_MARGIN * 0.99);
          expect(f).toBeLessThan(1 - EDGE_MARGIN * 0.99);
          expect(end).toBeGreaterThanOrEqual(start + turns * TAU);
          expect(end).toBeLessThan(start + (turns + 1) * TAU + 1e-9);
        },
      ),
      { numRuns: RUNS },
    );
  });

  it('lands at varied points inside the segment, not always the middle', () => {
    const rng = seededRng(42);
    const fractions = Array.from({ length: 400 }, () =>
      fractionInSegment(
        wheelFinalRotation({ segments: 12, winnerSegment: 3, startRotation: 0, minTurns: 3, rng }),
        12,
      ),
    );
    const min = Math.min(...fractions);
    const max = Math.max(...fractions);
    expect(max - min).toBeGreaterThan(0.6);
    expect(new Set(fractions.map((f) => f.toFixed(3))).size).toBeGreaterThan(300);
  });

  it('refuses a winner outside the wheel', () => {
    const rng = seededRng(1);
    expect(() =>
      wheelFinalRotation({ segments: 5, winnerSegment: 5, startRotation: 0, minTurns: 1, rng }),
    ).toThrow(RangeError);
    expect(() =>
      wheelFinalRotation({ segments: 0, winnerSegment: 0, startRotation: 0, minTurns: 1, rng }),
    ).toThrow(RangeError);
    expect(() =>
      wheelFinalRotation({ segments: 5, winnerSegment: 1.5, startRotation: 0, minTurns: 1, rng }),
    ).toThrow(RangeError);
  });
});

describe('boundariesCrossed', () => {
  it('counts one boundary per segment width turned', () => {
    expect(boundariesCrossed(0, TAU, 10)).toBe(10);
    expect(boundariesCrossed(0.0001, 0.0002, 10)).toBe(0);
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 500 }),
        fc.double({ min: 0, max: 100, noNaN: true }),
        fc.integer({ min: 0, max: 20 }),
        (n, a, turns) => {
          // Float rounding may put the end a hair either side of a boundary.
          expect(Math.abs(boundariesCrossed(a, a + turns * TAU, n) - turns * n)).toBeLessThanOrEqual(1);
        },
      ),
      { numRuns: 1000 },
    );
  });
});
