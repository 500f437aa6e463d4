// The pmf of a sum of binomials from the power series of its log-generating function: one O(K·S)
// recurrence instead of one O(K²) convolution per weight class, used when it is well conditioned.
import type { TruncatedPmf } from './truncatedPmf';

// q = (largest odds ratio) · max(1, K / mean) bounds how fast later series terms shrink relative to
// the first; rounding errors can grow by about e^(2·q·K) over the recurrence, so q·K ≤ 4 keeps
// results within ~1e-12 relative. Beyond either limit the caller convolves instead.
const CONDITION_LIMIT = 4;
const MAX_TERM_RATIO = 0.5;
// A series term this far below the first can no longer change a double (ratio^s < 1e-25).
const LOG_NEGLIGIBLE = Math.log(1e-25);
const RESCALE_ABOVE = 1e200;

/** Reusable buffers for sumOfBinomialsPmf, sized by the number of terms K. */
export interface SeriesScratch {
  weightedLog: Float64Array;
  scaled: Float64Array;
}

/** Allocates scratch for K terms. */
export function seriesScratch(terms: number): SeriesScratch {
  return { weightedLog: new Float64Array(terms), scaled: new Float64Array(terms) };
}

/**
 * Writes P(S = r), r < K, for S = Σ_j Binomial(counts[j], hit_j) into out, where
 * log Σ P(S = r) z^r = Σ_j counts[j] · (log miss_j + log(1 + ρ_j z)), ρ_j = hit_j / miss_j, and
 * r·P_r = Σ_s s·ℓ_s·P_(r−s) with ℓ_s = Σ_j counts[j] (−1)^(s+1) ρ_j^s / s.
 * Returns false, leaving out untouched, when the alternating series would lose precision.
 */
export function sumOfBinomialsPmf(
  counts: ArrayLike<number>,
  logHit: Float64Array,
  logMiss: Float64Array,
  out: TruncatedPmf,
  scratch: SeriesScratch,
): boolean {
  const terms = out.values.length;
  const m = counts.length;
  let maxOdds = 0;
  let mean = 0;
  let logFirst = 0;
  for (let j = 0; j < m; j++) {
    maxOdds = Math.max(maxOdds, Math.exp(logHit[j] - logMiss[j]));
    mean += counts[j] * Math.exp(logHit[j]);
    logFirst += counts[j] * logMiss[j];
  }
  const ratio = maxOdds * Math.max(1, terms / mean);
  if (!(ratio <= MAX_TERM_RATIO) || ratio * terms > CONDITION_LIMIT) return false;
  // Terms beyond `reach` are below 1e-25 of the first at every r < K, so they are left out.
  const reach =
    ratio > 0 ? Math.max(1, Math.min(terms - 1, Math.ceil(1 + LOG_NEGLIGIBLE / Math.log(ratio)))) : 1;
  const weightedLog = scratch.weightedLog;
  weightedLog.fill(0);
  for (let j = 0; j < m; j++) {
    const odds = Math.exp(logHit[j] - logMiss[j]);
    let power = counts[j];
    for (let s = 1; s <= reach; s++) {
      power *= odds;
      weightedLog[s] += s % 2 === 1 ? power : -power; // s·ℓ_s contribution: counts·(−1)^(s+1)·ρ^s
    }
  }
  const scaled = scratch.scaled;
  scaled[0] = 1;
  let logScale = 0;
  for (let r = 1; r < terms; r++) {
    let sum = 0;
    const top = Math.min(r, reach);
    for (let s = 1; s <= top; s++) sum += weightedLog[s] * scaled[r - s];
    scaled[r] = Math.max(0, sum / r);
    if (scaled[r] > RESCALE_ABOVE) {
      for (let q = 0; q <= r; q++) scaled[q] /= RESCALE_ABOVE;
      logScale += Math.log(RESCALE_ABOVE);
    }
  }
  const base = logFirst + logScale;
  for (let r = 0; r < terms; r++) out.values[r] = scaled[r] > 0 ? Math.exp(Math.log(scaled[r]) + base) : 0;
  out.length = terms;
  return true;
}
