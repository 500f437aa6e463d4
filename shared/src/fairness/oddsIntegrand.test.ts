// The integrand's two ways of building the count distribution must agree, and match brute force.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { OthersBelowCdf } from './oddsIntegrand';
import type { WeightClass } from './oddsIntegrand';

// Brute force for tiny rounds: P(fewer than k of the others are below t), over all 2^(n−1) subsets.
function bruteForce(classes: readonly WeightClass[], k: number, t: number): number[] {
  const weights = classes.flatMap((c) => new Array<number>(c.count).fill(c.weight));
  return classes.map((c) => {
    const others = [...weights];
    others.splice(others.indexOf(c.weight), 1);
    let fewer = 0;
    for (let set = 0; set < 1 << others.length; set++) {
      let p = 1;
      let below = 0;
      others.forEach((w, j) => {
        const pBelow = -Math.expm1(-w * t);
        if (set & (1 << j)) {
          p *= pBelow;
          below++;
        } else {
          p *= 1 - pBelow;
        }
      });
      if (below < k) fewer += p;
    }
    return fewer;
  });
}

const classesArb = (maxCount: number) =>
  fc.uniqueArray(fc.integer({ min: 1, max: 1000 }), { minLength: 2, maxLength: 5 }).chain((weights) =>
    fc
      .array(fc.integer({ min: 1, max: maxCount }), {
        minLength: weights.length,
        maxLength: weights.length,
      })
      .map((counts) => weights.map((weight, i) => ({ weight, count: counts[i] }))),
  );

describe('OthersBelowCdf', () => {
  it('matches brute-force enumeration for tiny rounds, in both strategies', () => {
    fc.assert(
      fc.property(
        classesArb(3),
        fc.nat(),
        fc.double({ min: -8, max: 2, noNaN: true }),
        (classes, kSeed, logT) => {
          const n = classes.reduce((s, c) => s + c.count, 0);
          const k = 1 + (kSeed % (n - 1));
          const t = Math.exp(logT);
          const expected = bruteForce(classes, k, t);
          for (const strategy of ['auto', 'convolution'] as const) {
            const out = new Float64Array(classes.length);
            new OthersBelowCdf(classes, k, strategy).evaluate(t, out);
            expected.forEach((e, i) => expect(Math.abs(out[i] - e)).toBeLessThan(1e-12));
          }
        },
      ),
      { numRuns: 200 },
    );
  });

  it('gives the same values from the log-series and from convolutions, for large rounds', () => {
    fc.assert(
      fc.property(
        classesArb(200_000),
        fc.integer({ min: 1, max: 300 }),
        fc.double({ min: -3, max: 3, noNaN: true }),
        (classes, kWanted, spread) => {
          const n = classes.reduce((s, c) => s + c.count, 0);
          const k = Math.min(kWanted, n - 1);
          const totalWeight = classes.reduce((s, c) => s + c.weight * c.count, 0);
          // t around where k entries are expected below it, where the integrand lives.
          const t = (k / totalWeight) * Math.exp(spread);
          const auto = new Float64Array(classes.length);
          const convolution = new Float64Array(classes.length);
          new OthersBelowCdf(classes, k, 'auto').evaluate(t, auto);
          new OthersBelowCdf(classes, k, 'convolution').evaluate(t, convolution);
          convolution.forEach((c, i) => expect(Math.abs(auto[i] - c)).toBeLessThanOrEqual(1e-12 * c + 1e-15));
        },
      ),
      { numRuns: 150 },
    );
  });
});
