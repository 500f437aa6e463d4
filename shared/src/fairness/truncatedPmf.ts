// Truncated probability mass functions of counts: binomial rows and their truncated convolution.

/** A pmf over 0..capacity-1 whose entries at and beyond `length` are zero (or negligible and dropped). */
export interface TruncatedPmf {
  values: Float64Array;
  length: number;
}

/** Allocates a reusable pmf buffer of the given capacity. */
export function emptyPmf(capacity: number): TruncatedPmf {
  return { values: new Float64Array(capacity), length: 0 };
}

/** Makes `pmf` the point mass at 0: the count of an empty set of entries. */
export function setPointMassAtZero(pmf: TruncatedPmf): void {
  pmf.values[0] = 1;
  pmf.length = 1;
}

/** log C(trials, r) for r below `terms` (−∞ beyond trials), by recurrence since JS has no lgamma. */
export function logChooseRow(trials: number, terms: number): Float64Array {
  const row = new Float64Array(terms).fill(-Infinity);
  let value = 0;
  for (let r = 0; r < terms && r <= trials; r++) {
    row[r] = value;
    value += Math.log(trials - r) - Math.log(r + 1);
  }
  return row;
}

// A tail entry this far below the pmf's peak cannot change any double-precision sum it enters.
const NEGLIGIBLE_TAIL = 1e-40;
// Below this the first term may underflow, so the log-space path is used instead of the recurrence.
const SMALLEST_START = 1e-250;

/**
 * Binomial(trials, hit) pmf, truncated to pmf.values.length terms, with negligible right tail dropped.
 * hit = e^logHit and miss = e^logMiss are passed as logs, so 1 − e^(−wt) keeps full precision.
 */
export function binomialPmf(
  logChoose: Float64Array,
  trials: number,
  logHit: number,
  logMiss: number,
  pmf: TruncatedPmf,
): void {
  const values = pmf.values;
  const terms = Math.min(values.length, trials + 1);
  const first = trials === 0 ? 1 : Math.exp(trials * logMiss);
  if (first >= SMALLEST_START && logHit - logMiss < 700) {
    // Ratio recurrence: P(r+1) = P(r) · (trials − r)/(r + 1) · hit/miss; one exp instead of `terms`.
    const odds = Math.exp(logHit - logMiss);
    let value = first;
    values[0] = value;
    for (let r = 0; r + 1 < terms; r++) {
      value *= ((trials - r) / (r + 1)) * odds;
      values[r + 1] = value;
    }
  } else {
    for (let r = 0; r < terms; r++) {
      const hits = r === 0 ? 0 : r * logHit;
      const misses = r === trials ? 0 : (trials - r) * logMiss;
      values[r] = Math.exp(logChoose[r] + hits + misses);
    }
  }
  pmf.length = significantLength(values, terms);
}

// Length once the right tail falls below NEGLIGIBLE_TAIL of the peak (binomial pmfs are unimodal).
function significantLength(values: Float64Array, terms: number): number {
  let peak = 0;
  for (let r = 0; r < terms; r++) if (values[r] > peak) peak = values[r];
  const cutoff = peak * NEGLIGIBLE_TAIL;
  let length = terms;
  while (length > 1 && values[length - 1] < cutoff) length--;
  return length;
}

/** out = x * y restricted to counts below out's capacity: all a truncated CDF ever needs. */
export function convolveTruncated(x: TruncatedPmf, y: TruncatedPmf, out: TruncatedPmf): void {
  const capacity = out.values.length;
  const length = Math.min(capacity, x.length + y.length - 1);
  const o = out.values;
  const xv = x.values;
  const yv = y.values;
  for (let r = 0; r < length; r++) {
    const aLow = Math.max(0, r - y.length + 1);
    const aHigh = Math.min(r, x.length - 1);
    let sum = 0;
    for (let a = aLow; a <= aHigh; a++) sum += xv[a] * yv[r - a];
    o[r] = sum;
  }
  out.length = length;
}
