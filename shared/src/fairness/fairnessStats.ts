// Statistical checks that a sampler is fair, as pure functions so tests can run them on any sampler.

/** Two-sided 99.9% normal quantile: a fair sampler fails one class check about once in 1,000 runs. */
export const Z_999 = 3.2905;

/** Upper 0.001 quantile of the standard normal, for the chi-square critical value. */
const Z_UPPER_001 = 3.0902;

/** What one weight class did over many draws, next to what the odds say it should do. */
export interface ClassFrequency {
  weight: number;
  entries: number;
  expected: number;
  observed: number;
  z: number;
}

/**
 * Per weight class, the observed inclusion frequency (wins / (draws · entries)) and its z-score
 * against the exact odds, using the binomial standard error of the aggregated frequency.
 */
export function classFrequencies(
  winsByWeight: Readonly<Record<number, number>>,
  countsByWeight: Readonly<Record<number, number>>,
  draws: number,
  expectedByWeight: Readonly<Record<number, number>>,
): ClassFrequency[] {
  return Object.keys(countsByWeight).map((key) => {
    const weight = Number(key);
    const entries = countsByWeight[weight];
    const trials = draws * entries;
    const expected = expectedByWeight[weight];
    const observed = (winsByWeight[weight] ?? 0) / trials;
    const standardError = Math.sqrt((expected * (1 - expected)) / trials);
    return { weight, entries, expected, observed, z: (observed - expected) / standardError };
  });
}

/** True when every class lies inside the 99.9% band around its exact odds. */
export function classFrequenciesFit(frequencies: readonly ClassFrequency[], zCritical = Z_999): boolean {
  return frequencies.every((f) => Math.abs(f.z) <= zCritical);
}

/** Pearson's statistic for observed counts against equal expected counts in every cell. */
export function chiSquareUniform(observed: readonly number[]): number {
  const total = observed.reduce((sum, o) => sum + o, 0);
  const expected = total / observed.length;
  return observed.reduce((sum, o) => sum + (o - expected) ** 2 / expected, 0);
}

/** Chi-square critical value at p = 0.001 (Wilson–Hilferty: within 1% from 10 degrees of freedom, 0.1% from 49). */
export function chiSquareCritical001(degreesOfFreedom: number): number {
  const a = 2 / (9 * degreesOfFreedom);
  return degreesOfFreedom * (1 - a + Z_UPPER_001 * Math.sqrt(a)) ** 3;
}
