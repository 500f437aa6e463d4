// Exact inclusion odds per weight class (first version: validation and closed-form cases only).
import { DrawErrorCode, DrawInputError } from './errors';
import { isValidWeight } from './validate';

/** Odds shown to participants: weight -> probability that ONE entry of that weight is among k winners. */
export function oddsByWeight(counts: Readonly<Record<number, number>>, k: number): Record<number, number> {
  if (typeof counts !== 'object' || counts === null || Array.isArray(counts)) {
    throw new DrawInputError(
      DrawErrorCode.INVALID_COUNTS,
      'counts',
      'counts must be an object {weight: count}',
    );
  }
  if (typeof k !== 'number' || !Number.isInteger(k) || k < 1) {
    throw new DrawInputError(DrawErrorCode.INVALID_K, 'k', 'k must be a positive integer');
  }
  const weights: number[] = [];
  let n = 0;
  for (const [key, count] of Object.entries(counts)) {
    const weight = Number(key);
    if (!isValidWeight(weight) || String(weight) !== key) {
      throw new DrawInputError(
        DrawErrorCode.INVALID_COUNTS,
        `counts.${key}`,
        `counts key ${JSON.stringify(key)} must be a weight from 1 to 1000`,
      );
    }
    if (typeof count !== 'number' || !Number.isInteger(count) || count < 1) {
      throw new DrawInputError(
        DrawErrorCode.INVALID_COUNTS,
        `counts.${key}`,
        `counts.${key} must be a positive integer`,
      );
    }
    weights.push(weight);
    n += count;
  }
  const result: Record<number, number> = {};
  if (k >= n) {
    for (const w of weights) result[w] = 1;
    return result;
  }
  if (weights.length === 1) {
    result[weights[0]] = k / n;
    return result;
  }
  throw new Error('oddsByWeight: unequal weights not implemented yet');
}
