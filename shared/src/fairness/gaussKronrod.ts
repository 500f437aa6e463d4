// Adaptive Gauss–Kronrod (G7/K15) quadrature of a vector-valued integrand over a finite interval.

// QUADPACK qk15 abscissae (the non-negative half; the rule is symmetric) and weights.
const XGK = [
  0.9914553711208126, 0.9491079123427585, 0.8648644233597691, 0.7415311855993945, 0.5860872354676911,
  0.4058451513773972, 0.20778495500789848, 0,
];
const WGK = [
  0.022935322010529224, 0.06309209262997856, 0.10479001032225019, 0.14065325971552592, 0.1690047266392679,
  0.19035057806478542, 0.20443294007529889, 0.20948214108472782,
];
// 7-point Gauss weights, for the Kronrod nodes with odd index (1, 3, 5, 7).
const WG = [0.1294849661688697, 0.27970539148927664, 0.3818300505051189, 0.4179591836734694];

/** Fills `out` with the integrand's components at x; lets one evaluation serve every weight class. */
export type VectorIntegrand = (x: number, out: Float64Array) => void;

/** Accuracy and effort limits for integrateAdaptive. */
export interface QuadratureOptions {
  /** Relative tolerance on each component's error estimate. */
  relTol: number;
  /** Absolute tolerance floor on each component's error estimate. */
  absTol: number;
  /** Number of equal panels to start from. */
  initialPanels: number;
  /** Hard stop on panels, so a pathological integrand still returns promptly. */
  maxPanels: number;
}

interface Panel {
  a: number;
  b: number;
  value: Float64Array;
  error: Float64Array;
}

/** The integral of every component plus the number of panels it took (for tests and benchmarks). */
export interface QuadratureResult {
  value: Float64Array;
  error: Float64Array;
  panels: number;
}

/** Integrates all components at once, bisecting the panel whose error is worst until all meet tolerance. */
export function integrateAdaptive(
  f: VectorIntegrand,
  dimension: number,
  a: number,
  b: number,
  options: QuadratureOptions,
): QuadratureResult {
  const scratch = new Float64Array(dimension);
  const panels: Panel[] = [];
  const width = (b - a) / options.initialPanels;
  for (let i = 0; i < options.initialPanels; i++) {
    const left = a + i * width;
    const right = i === options.initialPanels - 1 ? b : left + width;
    panels.push(kronrod15(f, dimension, left, right, scratch));
  }
  for (;;) {
    const value = new Float64Array(dimension);
    const error = new Float64Array(dimension);
    for (const p of panels) {
      for (let d = 0; d < dimension; d++) {
        value[d] += p.value[d];
        error[d] += p.error[d];
      }
    }
    const tolerance = new Float64Array(dimension);
    let converged = true;
    for (let d = 0; d < dimension; d++) {
      tolerance[d] = Math.max(options.absTol, options.relTol * Math.abs(value[d]));
      if (error[d] > tolerance[d]) converged = false;
    }
    if (converged || panels.length >= options.maxPanels) return { value, error, panels: panels.length };
    let worst = 0;
    let worstScore = -1;
    panels.forEach((p, i) => {
      let score = 0;
      for (let d = 0; d < dimension; d++) score = Math.max(score, p.error[d] / tolerance[d]);
      if (score > worstScore) {
        worstScore = score;
        worst = i;
      }
    });
    const split = panels[worst];
    const middle = (split.a + split.b) / 2;
    panels.splice(
      worst,
      1,
      kronrod15(f, dimension, split.a, middle, scratch),
      kronrod15(f, dimension, middle, split.b, scratch),
    );
  }
}

function kronrod15(
  f: VectorIntegrand,
  dimension: number,
  a: number,
  b: number,
  scratch: Float64Array,
): Panel {
  const center = (a + b) / 2;
  const half = (b - a) / 2;
  const samples = new Float64Array(2 * XGK.length * dimension);
  const kronrod = new Float64Array(dimension);
  const gauss = new Float64Array(dimension);
  const absolute = new Float64Array(dimension);
  let sample = 0;
  for (let j = 0; j < XGK.length; j++) {
    const offsets = XGK[j] === 0 ? [0] : [-XGK[j], XGK[j]];
    for (const u of offsets) {
      f(center + half * u, scratch);
      for (let d = 0; d < dimension; d++) {
        const value = scratch[d];
        samples[sample * dimension + d] = value;
        kronrod[d] += WGK[j] * value;
        absolute[d] += WGK[j] * Math.abs(value);
        if (j % 2 === 1) gauss[d] += WG[(j - 1) / 2] * value;
      }
      sample++;
    }
  }
  // QUADPACK's error estimate: |K15 − G7| scaled by the integrand's variation on the panel, which
  // tracks the true error of K15 far more closely than the raw difference does.
  const error = new Float64Array(dimension);
  for (let d = 0; d < dimension; d++) {
    const mean = kronrod[d] / 2;
    let variation = 0;
    sample = 0;
    for (let j = 0; j < XGK.length; j++) {
      const count = XGK[j] === 0 ? 1 : 2;
      for (let c = 0; c < count; c++)
        variation += WGK[j] * Math.abs(samples[sample++ * dimension + d] - mean);
    }
    const resasc = variation * Math.abs(half);
    const raw = Math.abs((kronrod[d] - gauss[d]) * half);
    let estimate = raw;
    if (resasc !== 0 && raw !== 0) estimate = resasc * Math.min(1, Math.pow((200 * raw) / resasc, 1.5));
    error[d] = Math.max(estimate, 50 * Number.EPSILON * absolute[d] * Math.abs(half));
    kronrod[d] *= half;
  }
  return { a, b, value: kronrod, error };
}
