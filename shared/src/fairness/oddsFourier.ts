// The odds integrand from the characteristic function of the count below t: O(classes · J) per point,
// J ≈ 40 frequencies whatever k is, instead of O(classes · min(k, n − k)²) truncated convolutions.
import type { WeightClass } from './oddsIntegrand';

// Tail mass left outside the counting window: e^-58 ≈ 6e-26 on each side, far below double precision.
const LOG_TAIL = 58;
// Frequencies where |φ| < e^-55 (≈ 1e-24) add nothing a double can hold; |φ| only falls beyond them.
const LOG_NEGLIGIBLE = -55;
// Largest 4·p·q·sin² a log1p may see: rounding can push 4pq a hair above 1.
const ALMOST_ONE = 1 - 2 ** -52;
// A class whose odds ratio ρ = min(p, q) / max(p, q) is at most this joins the power series of
// log φ (≤ 35 terms, fewer the smaller ρ is) instead of costing a log1p and an atan2 per frequency.
const SERIES_MAX_RATIO = 0.1;
// Series terms are dropped once what is left is below this (absolute, in log φ).
const SERIES_TOLERANCE = 1e-17;
const SERIES_MAX_TERMS = 64;

/**
 * Evaluates G_i(t) = P(fewer than k of the OTHER entries are below t) for every class i at once.
 * The count S below t is a sum of binomials whose characteristic function φ(θ) = Π (q + p·e^(iθ))^c
 * has a closed form. Bernstein's inequality puts all but 1e-25 of S in a window [lo, lo + N); the
 * N-point inverse DFT of φ is then S's pmf on that window, and summing it over lo..k−1 has a closed
 * form (a Dirichlet kernel), so P(S < k) = (1/N) Σ_θ φ(θ)·D(θ). |φ(θ)| ≤ e^(−2σ² sin²(θ/2)) so only
 * the ~40 frequencies nearest 0 matter, whatever k, n or the class sizes are. The others of class i
 * divide one factor back out of φ. Classes with p > 1/2 are written e^(iθ)·(p + q·e^(−iθ)), so every
 * phase stays of the order of the spread σ, never of n, and rounding stays near 1e-14 absolute.
 */
export class OthersBelowFourier {
  private readonly classes: readonly WeightClass[];
  private readonly k: number;
  private readonly n: number;
  private readonly hit: Float64Array;
  private readonly miss: Float64Array;
  private readonly flipped: Uint8Array;
  private readonly direct: Int32Array;
  private directCount = 0;
  // Σ over series classes of c·(∓1)^(s+1)·ρ^s/s, split by the sign of the frequency they turn with.
  private readonly seriesSum = new Float64Array(SERIES_MAX_TERMS + 1);
  private readonly seriesDiff = new Float64Array(SERIES_MAX_TERMS + 1);
  private seriesTerms = 0;
  private readonly sums: Float64Array;

  constructor(classes: readonly WeightClass[], k: number) {
    const m = classes.length;
    this.classes = classes;
    this.k = k;
    this.n = classes.reduce((sum, c) => sum + c.count, 0);
    this.hit = new Float64Array(m);
    this.miss = new Float64Array(m);
    this.flipped = new Uint8Array(m);
    this.direct = new Int32Array(m);
    this.sums = new Float64Array(m);
  }

  /** Writes G_i(t) for each class i into out (t > 0). */
  evaluate(t: number, out: Float64Array): void {
    const { classes, k, hit, miss, flipped } = this;
    const m = classes.length;
    let mean = 0;
    let variance = 0;
    let flippedCount = 0;
    for (let j = 0; j < m; j++) {
      const wt = classes[j].weight * t;
      hit[j] = -Math.expm1(-wt); // P(entry below t), full precision for tiny w·t
      miss[j] = Math.exp(-wt);
      flipped[j] = hit[j] > 0.5 ? 1 : 0;
      const c = classes[j].count;
      mean += c * hit[j];
      variance += c * hit[j] * miss[j];
      if (flipped[j]) flippedCount += c;
    }
    // Bernstein: P(|S − mean| ≥ a) ≤ 2·exp(−a² / (2(σ² + a/3))), solved for the tail e^−LOG_TAIL.
    const spread = LOG_TAIL / 3 + Math.sqrt((LOG_TAIL / 3) ** 2 + 2 * LOG_TAIL * variance);
    // S_{−i} lies in [S − 1, S], so one more on the low side covers every class's others.
    const lo = Math.max(0, Math.floor(mean - spread) - 1);
    const hi = Math.min(this.n - 1, Math.ceil(mean + spread));
    if (k <= lo || k > hi) {
      out.fill(k <= lo ? 0 : 1, 0, m); // all but e^−58 of every S_{−i} is at or above k, or below it
      return;
    }
    this.splitClasses();
    const size = (hi - lo + 1) | 1; // odd, so no frequency sits exactly at θ = π
    const terms = k - lo; // counts lo..k−1 make up the event S < k (below lo has no mass)
    const sums = this.sums;
    sums.fill(terms); // the θ = 0 term: φ(0) = 1 and D(0) = terms
    // z = φ(θ)·e^(−iθ(lo + (terms−1)/2)); flipped classes' e^(iθc) join this exact half-integer shift.
    const shift = flippedCount - lo - (terms - 1) / 2;
    const step = (2 * Math.PI) / size;
    // θ/2 and θ·terms/2 advance by fixed angles: rotations instead of sin/cos calls (error ~f·1e-16).
    const halfStep = new Rotation(step / 2);
    const kernelStep = new Rotation((step * terms) / 2);
    for (let f = 1; 2 * f < size; f++) {
      const theta = f * step;
      halfStep.advance();
      kernelStep.advance();
      const sinHalf = halfStep.sin;
      const cosTheta = 1 - 2 * sinHalf * sinHalf;
      const sinTheta = 2 * sinHalf * halfStep.cos;
      let logModulus = this.seriesLogModulus(sinHalf, sinTheta);
      let angle = this.seriesAngle + theta * shift;
      for (let d = 0; d < this.directCount; d++) {
        const j = this.direct[d];
        const p = hit[j];
        const q = miss[j];
        const c = classes[j].count;
        // |q + p·e^(iθ)|² = 1 − 4pq·sin²(θ/2); its argument, less θ for flipped classes.
        logModulus += 0.5 * c * Math.log1p(-Math.min(ALMOST_ONE, 4 * p * q * sinHalf * sinHalf));
        angle +=
          c *
          (flipped[j]
            ? -Math.atan2(q * sinTheta, p + q * cosTheta)
            : Math.atan2(p * sinTheta, q + p * cosTheta));
      }
      // The others of class i have |φ / g_i| ≤ |φ| / |g|min; once that is negligible, so is every later θ.
      let smallest = 1;
      for (let i = 0; i < m; i++) smallest = Math.min(smallest, 1 - 4 * hit[i] * miss[i] * sinHalf * sinHalf);
      if (logModulus - 0.5 * Math.log(Math.max(smallest, Number.MIN_VALUE)) < LOG_NEGLIGIBLE) break;
      // D(θ) = Σ_{r=lo}^{k−1} e^(−iθr) = e^(−iθ(lo + (terms−1)/2)) · sin(θ·terms/2) / sin(θ/2).
      const kernel = (2 * kernelStep.sin) / sinHalf; // 2×: θ and −θ give conjugates
      const modulus = Math.exp(logModulus) * kernel;
      const zRe = modulus * Math.cos(angle);
      const zIm = modulus * Math.sin(angle);
      for (let i = 0; i < m; i++) {
        const gRe = miss[i] + hit[i] * cosTheta; // g_i = q + p·e^(iθ), divided back out: Re(z / g_i)
        const gIm = hit[i] * sinTheta;
        sums[i] += (zRe * gRe + zIm * gIm) / (gRe * gRe + gIm * gIm);
      }
    }
    for (let i = 0; i < m; i++) out[i] = Math.min(1, Math.max(0, sums[i] / size));
  }

  private seriesAngle = 0;

  // log|Π_series g^c| at θ, its phase left in seriesAngle: log(1 + ρe^(±iθ)) = Σ (−1)^(s+1) ρ^s e^(±isθ)/s.
  // The real part is taken as Σ ℓ_s·(cos sθ − 1), since |φ(0)| = 1 makes the constants cancel; the
  // versines cos sθ − 1 are carried by their own recurrence, so small θ loses nothing to cancellation.
  private seriesLogModulus(sinHalf: number, sinTheta: number): number {
    const versine1 = -2 * sinHalf * sinHalf;
    let re = 0;
    let im = 0;
    let versine = 0; // cos(sθ) − 1, for s = 0
    let sine = 0; // sin(sθ)
    for (let s = 1; s <= this.seriesTerms; s++) {
      const nextVersine = versine + versine1 + versine * versine1 - sine * sinTheta;
      sine = sine * (1 + versine1) + (1 + versine) * sinTheta;
      versine = nextVersine;
      re += this.seriesSum[s] * versine;
      im += this.seriesDiff[s] * sine;
    }
    this.seriesAngle = im;
    return re;
  }

  // Sorts the classes of this t into the power series (small odds ratio) or the direct form.
  private splitClasses(): void {
    const { classes, hit, miss, flipped } = this;
    this.directCount = 0;
    this.seriesTerms = 0;
    let mass = 0;
    let worstRatio = 0;
    const ratios: number[] = [];
    for (let j = 0; j < classes.length; j++) {
      const ratio = flipped[j] ? miss[j] / hit[j] : hit[j] / miss[j];
      const c = classes[j].count;
      if (ratio <= SERIES_MAX_RATIO) {
        mass += c * ratio;
        worstRatio = Math.max(worstRatio, ratio);
        ratios.push(j);
      } else {
        this.direct[this.directCount++] = j;
      }
    }
    if (ratios.length === 0) return;
    // Left after S terms: at most Σ c·ρ^(S+1) / (1 − ρ) ≤ mass · ρmax^S / (1 − ρmax).
    let left = mass / (1 - worstRatio);
    let terms = 0;
    while (left > SERIES_TOLERANCE && terms < SERIES_MAX_TERMS) {
      left *= worstRatio;
      terms++;
    }
    this.seriesTerms = terms;
    this.seriesSum.fill(0, 0, terms + 1);
    this.seriesDiff.fill(0, 0, terms + 1);
    for (const j of ratios) {
      const ratio = flipped[j] ? miss[j] / hit[j] : hit[j] / miss[j];
      // Flipped classes turn with e^(−iθ): same real part, opposite imaginary part.
      const sign = flipped[j] ? -1 : 1;
      let power = classes[j].count;
      for (let s = 1; s <= terms; s++) {
        power *= ratio;
        const term = s % 2 === 1 ? power / s : -power / s;
        this.seriesSum[s] += term;
        this.seriesDiff[s] += sign * term;
      }
    }
  }
}

// cos and sin of f·angle for f = 1, 2, …, one complex multiplication per step.
class Rotation {
  cos = 1;
  sin = 0;
  private readonly stepCos: number;
  private readonly stepSin: number;

  constructor(angle: number) {
    this.stepCos = Math.cos(angle);
    this.stepSin = Math.sin(angle);
  }

  advance(): void {
    const cos = this.cos * this.stepCos - this.sin * this.stepSin;
    this.sin = this.sin * this.stepCos + this.cos * this.stepSin;
    this.cos = cos;
  }
}
