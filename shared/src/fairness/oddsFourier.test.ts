// The characteristic-function integrand against brute force and against the convolution integrand.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { OthersBelowFourier } from './oddsFourier';
import { OthersBelowCdf } from './oddsIntegrand';
import type { WeightClass } from './oddsIntegrand';

// P(fewer than k of the others are below t), over all 2^(n−1) subsets: tiny rounds only.
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
        p *= set & (1 << j) ? pBelow : 1 - pBelow;
        if (set & (1 << j)) below++;
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

describe('OthersBelowFourier', () => {
  it('matches brute-force enumeration for tiny rounds, at any t', () => {
    fc.assert(
      fc.property(
        classesArb(3),
        fc.nat(),
        fc.double({ min: -9, max: 3, noNaN: true }),
        (classes, kSeed, logT) => {
          const n = classes.reduce((s, c) => s + c.count, 0);
          const k = 1 + (kSeed % (n - 1));
          const t = Math.exp(logT);
          const expected = bruteForce(classes, k, t);
          const out = new Float64Array(classes.length);
          new OthersBelowFourier(classes, k).evaluate(t, out);
          expected.forEach((e, i) => expect(Math.abs(out[i] - e)).toBeLessThan(1e-13));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('matches the convolution integrand for large rounds, on both sides of n/2, around the drop of G', () => {
    fc.assert(
      fc.property(
        classesArb(20_000),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: -2, max: 2, noNaN: true }),
        (classes, kFraction, spread) => {
          const n = classes.reduce((s, c) => s + c.count, 0);
          // Keep min(k, n − k) small enough for the O(K²) convolutions to stay quick.
          const side = 1 + Math.floor(kFraction * Math.min(600, n - 2));
          const k = kFraction < 0.5 ? side : n - side;
          // t where the expected count below t is about k: where G_i falls from 1 to 0.
          let low = 1e-12;
          let high = 1e3;
          const below = (t: number) => classes.reduce((s, c) => s - c.count * Math.expm1(-c.weight * t), 0);
          for (let i = 0; i < 200; i++) {
            const mid = Math.sqrt(low * high);
            if (below(mid) < k) low = mid;
            else high = mid;
          }
          const t = low * Math.exp(spread / Math.sqrt(Math.min(k, n - k)));
          const fourier = new Float64Array(classes.length);
          const convolution = new Float64Array(classes.length);
          new OthersBelowFourier(classes, k).evaluate(t, fourier);
          new OthersBelowCdf(classes, k, 'convolution').evaluate(t, convolution);
          // 1e-11: the long convolution chains themselves drift by ~1e-12 at K ≈ 600 (checked against
          // 40-digit mpmath on a counterexample, where the Fourier value was the one within 1e-15).
          convolution.forEach((c, i) => expect(Math.abs(fourier[i] - c)).toBeLessThan(1e-11));
        },
      ),
      { numRuns: 150 },
    );
  });

  it('is 1 far below the drop and 0 far above it, and never leaves [0, 1]', () => {
    const classes = [
      { weight: 1, count: 1_000_000 },
      { weight: 1000, count: 10 },
    ];
    const out = new Float64Array(2);
    const evaluator = new OthersBelowFourier(classes, 5000);
    evaluator.evaluate(1e-9, out);
    expect([...out]).toEqual([1, 1]);
    evaluator.evaluate(10, out);
    expect([...out]).toEqual([0, 0]);
    for (const t of [1e-4, 3e-3, 5e-3, 6e-3, 1e-2]) {
      evaluator.evaluate(t, out);
      for (const g of out) expect(g >= 0 && g <= 1).toBe(true);
    }
  });
});
