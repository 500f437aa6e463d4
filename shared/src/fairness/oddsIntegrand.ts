// The integrand of the odds integral: for each weight class, the chance that fewer than k of the
// OTHER entries have E_j / w_j below t, from truncated binomial pmfs.
import { seriesScratch, sumOfBinomialsPmf } from './binomialSumSeries';
import type { SeriesScratch } from './binomialSumSeries';
import { binomialPmf, convolveTruncated, emptyPmf, logChooseRow, setPointMassAtZero } from './truncatedPmf';
import type { TruncatedPmf } from './truncatedPmf';

/** 'auto' uses the log-series where it is well conditioned; 'convolution' forces the chain (tests). */
export type CdfStrategy = 'auto' | 'convolution';

/** One weight class of a round: `count` entries of weight `weight`. */
export interface WeightClass {
  weight: number;
  count: number;
}

/**
 * Evaluates G_i(t) = P(fewer than k other entries below t) for every class i at once.
 * When k is more than half of n it counts entries ABOVE t instead (n − k < k), so every pmf is
 * truncated at min(k, n − k) terms. The count over all entries comes from the log-series of its
 * generating function when that is well conditioned (large classes), else from a chain of convolutions; the
 * "others" of class i (one entry of that class left out) come from dividing one Bernoulli trial
 * back out of it, which is stable while hit ≤ miss; otherwise from prefix · (class i less one) · suffix.
 */
export class OthersBelowCdf {
  private readonly classes: readonly WeightClass[];
  private readonly countAbove: boolean;
  private readonly terms: number;
  private readonly logChooseAll: Float64Array[];
  private readonly logChooseOthers: Float64Array[];
  private readonly pmfAll: TruncatedPmf[];
  private readonly pmfOthers: TruncatedPmf;
  private readonly prefix: TruncatedPmf[];
  private readonly suffix: TruncatedPmf[];
  private readonly joined: TruncatedPmf;
  private readonly logHit: Float64Array;
  private readonly logMiss: Float64Array;

  private readonly strategy: CdfStrategy;
  private readonly counts: Float64Array;
  private readonly scratch: SeriesScratch;

  constructor(classes: readonly WeightClass[], k: number, strategy: CdfStrategy = 'auto') {
    this.strategy = strategy;
    this.counts = Float64Array.from(classes, (c) => c.count);
    const n = classes.reduce((sum, c) => sum + c.count, 0);
    const m = classes.length;
    this.classes = classes;
    this.countAbove = n - k < k;
    this.terms = this.countAbove ? n - k : k;
    this.logChooseAll = classes.map((c) => logChooseRow(c.count, this.terms));
    this.logChooseOthers = classes.map((c) => logChooseRow(c.count - 1, this.terms));
    const pmf = () => emptyPmf(this.terms);
    this.pmfAll = classes.map(pmf);
    this.pmfOthers = pmf();
    this.prefix = Array.from({ length: m + 1 }, pmf);
    this.suffix = Array.from({ length: m + 1 }, pmf);
    this.joined = pmf();
    this.logHit = new Float64Array(m);
    this.logMiss = new Float64Array(m);
    this.scratch = seriesScratch(this.terms);
  }

  /** Writes G_i(t) for each class i into out (t > 0). */
  evaluate(t: number, out: Float64Array): void {
    const m = this.classes.length;
    for (let i = 0; i < m; i++) {
      const weight = this.classes[i].weight;
      // log P(entry below t) and log P(entry above t), without cancellation for tiny w·t.
      const logBelow = Math.log(-Math.expm1(-weight * t));
      const logAbove = -weight * t;
      this.logHit[i] = this.countAbove ? logAbove : logBelow;
      this.logMiss[i] = this.countAbove ? logBelow : logAbove;
    }
    const bySeries =
      this.strategy === 'auto' &&
      sumOfBinomialsPmf(this.counts, this.logHit, this.logMiss, this.prefix[m], this.scratch);
    if (!bySeries) {
      setPointMassAtZero(this.prefix[0]);
      for (let i = 0; i < m; i++) {
        binomialPmf(
          this.logChooseAll[i],
          this.classes[i].count,
          this.logHit[i],
          this.logMiss[i],
          this.pmfAll[i],
        );
        convolveTruncated(this.prefix[i], this.pmfAll[i], this.prefix[i + 1]);
      }
    }
    let suffixFrom = m;
    setPointMassAtZero(this.suffix[m]);
    for (let i = m - 1; i >= 0; i--) {
      if (this.logHit[i] <= this.logMiss[i]) {
        out[i] = removeOneTrial(this.prefix[m], Math.exp(this.logHit[i]), Math.exp(this.logMiss[i]));
        continue;
      }
      while (suffixFrom > i + 1) {
        suffixFrom--;
        convolveTruncated(this.pmfAll[suffixFrom], this.suffix[suffixFrom + 1], this.suffix[suffixFrom]);
      }
      out[i] = this.othersByProducts(i);
    }
    // out[i] = P(others' count < terms). Counting above t: fewer than k below <=> at least n − k above.
    if (this.countAbove) for (let i = 0; i < m; i++) out[i] = 1 - out[i];
  }

  // P(others < terms) as (classes before i) * (class i less one entry) * (classes after i).
  private othersByProducts(i: number): number {
    const { count } = this.classes[i];
    binomialPmf(this.logChooseOthers[i], count - 1, this.logHit[i], this.logMiss[i], this.pmfOthers);
    convolveTruncated(this.prefix[i], this.pmfOthers, this.joined);
    const after = this.suffix[i + 1];
    const capacity = this.terms;
    // P(A + B < capacity) = Σ_a P(A = a) · P(B ≤ capacity − 1 − a), with B's CDF built on the fly.
    let fewer = 0;
    let cdf = 0;
    let b = 0;
    for (let a = capacity - 1; a >= 0; a--) {
      const limit = capacity - 1 - a;
      while (b <= limit && b < after.length) cdf += after.values[b++];
      if (a < this.joined.length) fewer += this.joined.values[a] * cdf;
    }
    return fewer;
  }
}

// P(others < capacity) from the all-entries pmf by dividing out one Bernoulli(hit) trial:
// total[r] = others[r]·miss + others[r−1]·hit. Errors shrink each step when hit <= miss.
function removeOneTrial(total: TruncatedPmf, hit: number, miss: number): number {
  let previous = 0;
  let sum = 0;
  for (let r = 0; r < total.length; r++) {
    const current = Math.max(0, (total.values[r] - hit * previous) / miss);
    sum += current;
    previous = current;
  }
  return sum;
}
