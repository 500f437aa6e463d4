// The Fourier odds (what oddsByWeight uses) against the first, convolution-based implementation,
// exact enumeration and the published vectors.
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { oddsByWeight, oddsByWeightByConvolution, oddsByWeightUsing } from './odds';
import { exactInclusion } from './oddsExact';

interface Vectors {
  odds: Array<{ weights: number[]; k: number; inclusion: number[] }>;
  oddsByClass: Array<{
    counts: Record<string, number>;
    k: number;
    inclusionByWeight: Record<string, number>;
  }>;
}
const vectors = JSON.parse(
  readFileSync(new URL('./fixtures/drawcast-v1-vectors.json', import.meta.url), 'utf8'),
) as Vectors;

const fourier = (counts: Record<number, number>, k: number) => oddsByWeightUsing(counts, k, 'fourier');

function expectRelativelyClose(
  actual: Record<number, number>,
  expected: Record<number, number>,
  tolerance: number,
) {
  expect(Object.keys(actual).sort()).toEqual(Object.keys(expected).sort());
  for (const [w, e] of Object.entries(expected)) {
    expect(Math.abs(actual[Number(w)] - e) / e).toBeLessThan(tolerance);
  }
}

// 2 to 6 weight classes (light and heavy weights mixed) and any k, both sides of n/2.
const roundArb = (maxCount: number) =>
  fc
    .uniqueArray(fc.oneof(fc.integer({ min: 1, max: 10 }), fc.integer({ min: 1, max: 1000 })), {
      minLength: 2,
      maxLength: 6,
    })
    .chain((weights) =>
      fc.tuple(
        fc.constant(weights),
        fc.array(fc.integer({ min: 1, max: maxCount }), {
          minLength: weights.length,
          maxLength: weights.length,
        }),
        fc.nat(),
      ),
    )
    .map(([weights, counts, kSeed]) => {
      const classCounts: Record<number, number> = {};
      weights.forEach((w, i) => (classCounts[w] = counts[i]));
      const n = counts.reduce((a, b) => a + b, 0);
      return { counts: classCounts, n, k: 1 + (kSeed % (n - 1)) };
    });

describe('oddsByWeight by Fourier', () => {
  it('matches the convolution implementation on random small rounds (1e-9 relative)', () => {
    fc.assert(
      fc.property(roundArb(60), ({ counts, k }) => {
        expectRelativelyClose(fourier(counts, k), oddsByWeightByConvolution(counts, k), 1e-9);
      }),
      { numRuns: 200 },
    );
  });

  it('matches exact enumeration over draw orders (1e-10 absolute)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 1000 }), { minLength: 2, maxLength: 9 }),
        fc.nat(),
        (weights, kSeed) => {
          const k = 1 + (kSeed % weights.length);
          const exact = exactInclusion(weights, k);
          const counts: Record<number, number> = {};
          for (const w of weights) counts[w] = (counts[w] ?? 0) + 1;
          const odds = fourier(counts, k);
          weights.forEach((w, i) => expect(Math.abs(odds[w] - exact[i])).toBeLessThan(1e-10));
        },
      ),
      { numRuns: 150 },
    );
  });

  it('sums to k over all entries for rounds up to 10^5 entries and k in the thousands (1e-9 relative)', () => {
    fc.assert(
      fc.property(roundArb(20_000), ({ counts, k }) => {
        const odds = fourier(counts, k);
        const sum = Object.entries(counts).reduce((s, [w, c]) => s + c * odds[Number(w)], 0);
        expect(Math.abs(sum - k) / k).toBeLessThan(1e-9);
        const weights = Object.keys(counts)
          .map(Number)
          .sort((a, b) => a - b);
        for (let i = 1; i < weights.length; i++)
          expect(odds[weights[i]]).toBeGreaterThanOrEqual(odds[weights[i - 1]]);
      }),
      { numRuns: 60 },
    );
  });

  it('matches the convolution implementation on a benchmark-sized round (5 × 10,000, k = 500)', () => {
    const counts = { 1: 10_000, 2: 10_000, 3: 10_000, 5: 10_000, 10: 10_000 };
    expectRelativelyClose(fourier(counts, 500), oddsByWeightByConvolution(counts, 500), 1e-9);
  });

  it.each(vectors.odds.map((v) => [JSON.stringify(v.weights), v.k, v] as const))(
    'matches the vector for weights %s, k = %i (1e-9)',
    (_w, _k, v) => {
      const counts: Record<number, number> = {};
      for (const w of v.weights) counts[w] = (counts[w] ?? 0) + 1;
      const odds = fourier(counts, v.k);
      v.weights.forEach((w, i) => expect(Math.abs(odds[w] - v.inclusion[i])).toBeLessThan(1e-9));
    },
  );

  it.each(vectors.oddsByClass.map((v) => [JSON.stringify(v.counts), v.k, v] as const))(
    'matches the vector for classes %s, k = %i (1e-9 absolute, 1e-8 relative)',
    (_c, _k, v) => {
      const counts: Record<number, number> = {};
      for (const [w, c] of Object.entries(v.counts)) counts[Number(w)] = c;
      const odds = fourier(counts, v.k);
      for (const [w, expected] of Object.entries(v.inclusionByWeight)) {
        expect(Math.abs(odds[Number(w)] - expected)).toBeLessThan(1e-9);
        expect(Math.abs(odds[Number(w)] - expected) / expected).toBeLessThan(1e-8);
      }
    },
  );

  it('is what oddsByWeight returns once min(k, n − k) passes 32, and convolution below', () => {
    const counts = { 1: 300, 4: 150, 9: 50 };
    for (const k of [33, 100, 250, 467]) expect(oddsByWeight(counts, k)).toEqual(fourier(counts, k));
    for (const k of [1, 32, 468, 499])
      expect(oddsByWeight(counts, k)).toEqual(oddsByWeightByConvolution(counts, k));
  });
});
