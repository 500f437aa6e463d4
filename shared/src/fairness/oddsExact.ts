// Exact inclusion probabilities by enumerating every draw order: the oracle for the odds integral.
import { DrawErrorCode, DrawInputError } from './errors';
import { MAX_WEIGHT, isValidWeight } from './validate';

/** Subset enumeration is 2^n · n work, so the oracle stops at this many entries. */
export const MAX_EXACT_ENTRIES = 20;

/**
 * P(entry i is among the k winners) for each entry, by summing over every subset of drawn entries
 * the probability that successive weighted sampling reaches it. Exact up to float rounding.
 */
export function exactInclusion(weights: readonly number[], k: number): number[] {
  if (!Array.isArray(weights) || weights.length > MAX_EXACT_ENTRIES) {
    throw new DrawInputError(
      DrawErrorCode.INVALID_COUNTS,
      'weights',
      `weights must be an array of at most ${MAX_EXACT_ENTRIES} entry weights`,
    );
  }
  weights.forEach((w, i) => {
    if (!isValidWeight(w)) {
      throw new DrawInputError(
        DrawErrorCode.INVALID_WEIGHT,
        `weights[${i}]`,
        `weights[${i}] must be an integer from 1 to ${MAX_WEIGHT}`,
      );
    }
  });
  const n = weights.length;
  if (typeof k !== 'number' || !Number.isInteger(k) || k < 1 || k > n) {
    throw new DrawInputError(DrawErrorCode.INVALID_K, 'k', `k must be an integer from 1 to ${n}`);
  }
  const total = weights.reduce((sum, w) => sum + w, 0);
  const reach = new Float64Array(1 << n);
  const drawnWeight = new Float64Array(1 << n);
  reach[0] = 1;
  const inclusion = new Array<number>(n).fill(0);
  // Subsets in order of size, so every subset is complete before it is extended.
  const bySize: number[][] = Array.from({ length: n + 1 }, () => []);
  for (let set = 0; set < 1 << n; set++) bySize[popcount(set)].push(set);
  for (let size = 0; size < k; size++) {
    for (const set of bySize[size]) {
      const p = reach[set];
      if (p === 0) continue;
      const remaining = total - drawnWeight[set];
      for (let i = 0; i < n; i++) {
        const bit = 1 << i;
        if (set & bit) continue;
        reach[set | bit] += (p * weights[i]) / remaining;
        drawnWeight[set | bit] = drawnWeight[set] + weights[i];
      }
    }
  }
  for (const set of bySize[k]) {
    for (let i = 0; i < n; i++) if (set & (1 << i)) inclusion[i] += reach[set];
  }
  return inclusion;
}

function popcount(x: number): number {
  let count = 0;
  for (let v = x; v !== 0; v &= v - 1) count++;
  return count;
}
