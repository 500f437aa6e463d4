// Cheap predictions about an exact odds computation, so the service can decide where to run it.

/** The odds map phones are shown: weight -> probability that one entry of that weight wins. */
export type OddsRecord = Readonly<Record<number, number>>;

/**
 * Past it (K = min(k, n − k) above 32) `oddsByWeight` uses the Fourier form, whose work no longer grows
 * with K (~40 frequencies a point); below, truncated convolutions (classes · K² a point). The same
 * crossover as shared/src/fairness/odds.ts (CONVOLUTION_MAX_TERMS).
 */
const FOURIER_FROM_TERMS = 32;

/**
 * Work units of `oddsByWeight`: classes × min(K, 32)², K = min(k, n − k), because each weight class costs
 * about the same per integration point and K stops mattering once the Fourier form takes over; one class
 * and k ≥ n are O(1). Measured (shared 2-core box, fastest of 7): 2–5 classes ≈ 1 ms whatever k
 * ({1:541, 2:60}, k=300; {1:9000, 3:1000}, k=5000), 10 classes (10^6 entries, k=1000) ≈ 1–2 ms,
 * 20–64 classes with K > 32 ≈ 3–13 ms. The old model (classes × K², no cap) sent every big round
 * to the worker, though the Fourier odds take about a millisecond now.
 */
export function oddsCost(counts: Readonly<Record<number, number>>, k: number): number {
  const sizes = Object.values(counts).filter((count) => count > 0);
  const n = sizes.reduce((sum, count) => sum + count, 0);
  if (sizes.length <= 1 || k >= n) return 0;
  const side = Math.min(k, n - k, FOURIER_FROM_TERMS);
  return sizes.length * side * side;
}

/**
 * Whether exact odds are cheap enough for every lookup, however close together (a join burst): one
 * weight class (k/n, ~1 µs). Measured by `server/bench/odds-instant.ts`: every aggregate with two or
 * more classes costs `oddsByWeight` at least ~0.5 ms, even tiny ones ({1: 3, 2: 2}, k = 2) and even
 * k ≥ n (oddsCost 0, yet ~1.2 ms: the integral still runs), i.e. several times a whole join's
 * event-loop time; those stay throttled and a burst's acks carry the last exact figure, flagged.
 */
export function instantOdds(counts: Readonly<Record<number, number>>): boolean {
  let classes = 0;
  for (const count of Object.values(counts)) if (count > 0) classes += 1;
  return classes <= 1;
}

/** Cost above which a computation leaves the event loop: 16 weight classes past the crossover, ~5–10 ms (see oddsCost). */
export const EXPENSIVE_ODDS_COST = 16 * FOURIER_FROM_TERMS * FOURIER_FROM_TERMS;

/** Identity of an odds question (counts by ascending weight, plus k), so equal aggregates hit the cache. */
export function oddsKey(counts: Readonly<Record<number, number>>, k: number): string {
  const classes = Object.entries(counts)
    .map(([weight, count]) => [Number(weight), count] as const)
    .sort((a, b) => a[0] - b[0]);
  return JSON.stringify({ k, classes });
}
