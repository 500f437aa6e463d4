import { describe, expect, it } from 'vitest';
import { integrateAdaptive } from './gaussKronrod';

const options = { relTol: 1e-12, absTol: 1e-15, initialPanels: 1, maxPanels: 200 };

describe('integrateAdaptive', () => {
  it('integrates polynomials up to degree 22 exactly on one panel (Kronrod 15-point degree)', () => {
    for (let degree = 0; degree <= 22; degree++) {
      const result = integrateAdaptive((x, out) => (out[0] = x ** degree), 1, 0, 1, {
        ...options,
        maxPanels: 1,
      });
      expect(result.value[0]).toBeCloseTo(1 / (degree + 1), 14);
    }
  });

  it('refines panels until a sharp integrand meets tolerance, for every component at once', () => {
    const result = integrateAdaptive(
      (x, out) => {
        out[0] = Math.exp(-x);
        out[1] = 1 / (1 + Math.exp(-200 * (x - 3)));
      },
      2,
      0,
      10,
      options,
    );
    expect(result.value[0]).toBeCloseTo(1 - Math.exp(-10), 12);
    // exact: ∫ logistic(200(x-3)) dx over [0,10] = 7 + (ln(1+e^{-1400}) - ln(1+e^{-600}))/200
    expect(result.value[1]).toBeCloseTo(7, 11);
    expect(result.panels).toBeGreaterThan(1);
  });
});

describe('integrateAdaptive error estimate', () => {
  it('is at rounding level where the embedded 7-point Gauss rule is exact (degree 13), and not beyond', () => {
    const single = { ...options, maxPanels: 1 };
    const exact = integrateAdaptive((x, out) => (out[0] = x ** 13), 1, 0, 1, single);
    const inexact = integrateAdaptive((x, out) => (out[0] = Math.exp(40 * x)), 1, 0, 1, single);
    expect(exact.error[0]).toBeLessThan(1e-13);
    expect(inexact.error[0] / inexact.value[0]).toBeGreaterThan(1e-10);
  });
});
