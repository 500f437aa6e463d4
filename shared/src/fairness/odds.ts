// Exact inclusion odds per weight class: the spec's integral, evaluated to ~1e-10 relative.
import { DrawErrorCode, DrawInputError } from './errors';
import { integrateAdaptive } from './gaussKronrod';
import { OthersBelowFourier } from './oddsFourier';
import { OthersBelowCdf } from './oddsIntegrand';
import type { WeightClass } from './oddsIntegrand';
import { MAX_WEIGHT, isValidWeight } from './validate';

/** Odds shown to participants: weight -> probability that ONE entry of that weight is among k winners. */
export function oddsByWeight(counts: Readonly<Record<number, number>>, k: number): Record<number, number> {
  return oddsByWeightUsing(counts, k, 'auto');
}

/**
 * The first implementation (truncated convolutions, O(classes · min(k, n − k)²) per point), kept as
 * an independent second opinion for property tests and as the benchmark's "before".
 */
export function oddsByWeightByConvolution(
  counts: Readonly<Record<number, number>>,
  k: number,
): Record<number, number> {
  return oddsByWeightUsing(counts, k, 'convolution');
}

/**
 * How G_i(t) is evaluated: 'fourier' (characteristic function, ~40 frequencies per point whatever
 * k is), 'convolution' (truncated pmfs, O(classes · K²) per point, K = min(k, n − k)), or 'auto':
 * convolution while K is tiny, where it is the cheaper of the two, else Fourier.
 */
export type OddsMethod = 'auto' | 'fourier' | 'convolution';

// Measured crossover (shared bench machine): convolutions win below K ≈ 32–64, Fourier above.
const CONVOLUTION_MAX_TERMS = 32;

/**
 * Work units of `oddsByWeight`: classes × min(K, 32)², K = min(k, n − k), because each weight class costs
 * about the same per integration point and K stops mattering once the Fourier form takes over (past the
 * crossover); one class and k ≥ n are O(1). Server and phone both decide from it where odds are computed.
 */
export function oddsCost(counts: Readonly<Record<number, number>>, k: number): number {
  const sizes = Object.values(counts).filter((count) => count > 0);
  const n = sizes.reduce((sum, count) => sum + count, 0);
  if (sizes.length <= 1 || k >= n) return 0;
  const side = Math.min(k, n - k, CONVOLUTION_MAX_TERMS);
  return sizes.length * side * side;
}

/** One weight class's share of the largest oddsCost: classes × this = the cost past the crossover. */
export const ODDS_COST_PER_CLASS = CONVOLUTION_MAX_TERMS * CONVOLUTION_MAX_TERMS;

/** oddsByWeight with the integrand chosen by the caller: for tests and benchmarks. */
export function oddsByWeightUsing(
  counts: Readonly<Record<number, number>>,
  k: number,
  method: OddsMethod,
): Record<number, number> {
  const classes = parseCounts(counts);
  if (typeof k !== 'number' || !Number.isInteger(k) || k < 1) {
    throw new DrawInputError(DrawErrorCode.INVALID_K, 'k', 'k must be a positive integer');
  }
  const n = classes.reduce((sum, c) => sum + c.count, 0);
  const result: Record<number, number> = {};
  if (k >= n) {
    for (const c of classes) result[c.weight] = 1;
  } else if (classes.length === 1) {
    result[classes[0].weight] = k / n;
  } else {
    const byConvolution =
      method === 'convolution' || (method === 'auto' && Math.min(k, n - k) <= CONVOLUTION_MAX_TERMS);
    const cdf = byConvolution ? new OthersBelowCdf(classes, k) : new OthersBelowFourier(classes, k);
    const inclusion = inclusionByIntegral(classes, k, cdf);
    classes.forEach((c, i) => (result[c.weight] = Math.min(1, Math.max(0, inclusion[i]))));
  }
  return result;
}

/** What the integral needs at each t: G_i(t) = P(fewer than k OTHER entries below t), per class. */
export interface OthersBelow {
  evaluate(t: number, out: Float64Array): void;
}

/** Validates a {weight: count} map from an untrusted caller and returns its classes by weight. */
export function parseCounts(counts: unknown): WeightClass[] {
  if (typeof counts !== 'object' || counts === null || Array.isArray(counts)) {
    throw new DrawInputError(
      DrawErrorCode.INVALID_COUNTS,
      'counts',
      'counts must be an object {weight: count}',
    );
  }
  const classes: WeightClass[] = [];
  let n = 0;
  for (const [key, count] of Object.entries(counts)) {
    const weight = Number(key);
    if (!isValidWeight(weight) || String(weight) !== key) {
      throw new DrawInputError(
        DrawErrorCode.INVALID_COUNTS,
        `counts.${key}`,
        `counts key ${JSON.stringify(key)} must be an integer weight from 1 to ${MAX_WEIGHT}`,
      );
    }
    if (typeof count !== 'number' || !Number.isSafeInteger(count) || count < 1) {
      throw new DrawInputError(
        DrawErrorCode.INVALID_COUNTS,
        `counts.${key}`,
        `counts.${key} must be a positive integer (entries of weight ${key})`,
      );
    }
    n += count;
    classes.push({ weight, count });
  }
  if (n > Number.MAX_SAFE_INTEGER / MAX_WEIGHT) {
    throw new DrawInputError(
      DrawErrorCode.INVALID_COUNTS,
      'counts',
      'counts add up to more entries than supported',
    );
  }
  return classes.sort((a, b) => a.weight - b.weight);
}

// Below LOG_EPSILON the neglected probability mass (e^-46 ≈ 1e-20) is far under double precision.
const LOG_EPSILON = Math.log(1e-20);

/**
 * P_i = ∫₀^∞ w_i e^(−w_i t) G_i(t) dt for each class, where G_i(t) = P(fewer than k others below t).
 * Chernoff bounds give a window [tLow, tHigh] outside which G is 1 or 0 to 1e-20; below tLow the
 * integral is done in closed form, and the window is integrated in x = ln t by adaptive Gauss–Kronrod.
 */
export function inclusionByIntegral(classes: readonly WeightClass[], k: number, cdf: OthersBelow): number[] {
  const m = classes.length;
  const n = classes.reduce((sum, c) => sum + c.count, 0);
  const totalWeight = classes.reduce((sum, c) => sum + c.weight * c.count, 0);
  const meanBelow = (t: number) => classes.reduce((sum, c) => sum - c.count * Math.expm1(-c.weight * t), 0);
  const meanAbove = (t: number) => classes.reduce((sum, c) => sum + c.count * Math.exp(-c.weight * t), 0);
  // log of a bound on P(G < 1) at t: all entries' below-count reaching k (mean under k).
  const headBound = (t: number) => {
    const mu = meanBelow(t);
    return mu < k ? logChernoff(mu, k) : 0;
  };
  // log of a bound on G at t: at most k below (mean over k), or at least n-k above (mean under n-k).
  const tailBound = (t: number) => {
    const mu = meanBelow(t);
    const nu = meanAbove(t);
    return Math.min(mu > k ? logChernoff(mu, k) : 0, nu < n - k ? logChernoff(nu, n - k) : 0);
  };
  const floor = 1e-8 / totalWeight;
  const tLow = Math.max(floor, lastTimeBelow(headBound, floor));
  const tHigh = firstTimeBelow(tailBound, tLow);
  const others = new Float64Array(m);
  const xLow = Math.log(tLow);
  const xHigh = Math.log(tHigh);
  const integral = integrateAdaptive(
    (x, out) => {
      const t = Math.exp(x);
      cdf.evaluate(t, others);
      for (let i = 0; i < m; i++) {
        const wt = classes[i].weight * t;
        out[i] = wt * Math.exp(-wt) * others[i];
      }
    },
    m,
    xLow,
    xHigh,
    { relTol: 1e-10, absTol: 1e-16, initialPanels: initialPanels(xHigh - xLow), maxPanels: 400 },
  );
  return classes.map((c, i) => -Math.expm1(-c.weight * tLow) + integral.value[i]);
}

// Chernoff: for a sum of independent Bernoullis with mean mu, P(S >= a) (mu < a) and P(S <= a) (mu > a)
// are both at most e^(−mu) (e·mu/a)^a.
function logChernoff(mu: number, a: number): number {
  return a === 0 ? -mu : -mu + a * (1 + Math.log(mu / a));
}

// Largest t (searched in ln t, from `start`) where the increasing bound stays under LOG_EPSILON.
function lastTimeBelow(bound: (t: number) => number, start: number): number {
  if (bound(start) > LOG_EPSILON) return start;
  let low = start;
  let high = start * 2;
  while (bound(high) <= LOG_EPSILON) {
    low = high;
    high *= 2;
  }
  return bisectLog(bound, low, high, true);
}

// Smallest t at or after `start` where the decreasing bound falls under LOG_EPSILON.
function firstTimeBelow(bound: (t: number) => number, start: number): number {
  let low = start;
  let high = start * 2;
  while (bound(high) > LOG_EPSILON) {
    low = high;
    high *= 2;
  }
  return bisectLog(bound, low, high, false);
}

function bisectLog(bound: (t: number) => number, low: number, high: number, keepLow: boolean): number {
  for (let i = 0; i < 60; i++) {
    const mid = Math.sqrt(low * high);
    const under = bound(mid) <= LOG_EPSILON;
    if (under === keepLow) low = mid;
    else high = mid;
  }
  return keepLow ? low : high;
}

// Starting panels per unit of ln t: enough that the sigmoid drop of G rarely needs bisection.
// Beyond a few panels, bisection where needed is cheaper than a finer grid everywhere.
const PANELS_PER_UNIT = 2;
const MAX_INITIAL_PANELS = 8;
function initialPanels(width: number): number {
  return Math.min(MAX_INITIAL_PANELS, Math.max(2, Math.ceil(PANELS_PER_UNIT * width)));
}
