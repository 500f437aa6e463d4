// Cheap predictions about an exact odds computation, so the service can decide where to run it.

/** The odds map phones are shown: weight -> probability that one entry of that weight wins. */
export type OddsRecord = Readonly<Record<number, number>>;

/**
 * Work units of `oddsByWeight` (classes × min(k, n−k)²), because the exact integral grows with the number
 * of weight classes and the square of the smaller side of the draw; single-class and k ≥ n are O(1).
 * Measured (2-core box, warm JIT): 5,000 units ≈ 3 ms, 45,000 ≈ 12 ms, 750,000 ({1:1800, 2:150, 5:50},
 * k=500) ≈ 90 ms, 50,000,000 ({1:9000, 3:1000}, k=5000) ≈ 5 s: ~100 ns a unit for large inputs, more for small.
 */
export function oddsCost(counts: Readonly<Record<number, number>>, k: number): number {
  const sizes = Object.values(counts).filter((count) => count > 0);
  const n = sizes.reduce((sum, count) => sum + count, 0);
  if (sizes.length <= 1 || k >= n) return 0;
  const side = Math.min(k, n - k);
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

/** Cost above which a computation leaves the event loop: about 10 ms of `oddsByWeight` (see oddsCost). */
export const EXPENSIVE_ODDS_COST = 30_000;

/** Identity of an odds question (counts by ascending weight, plus k), so equal aggregates hit the cache. */
export function oddsKey(counts: Readonly<Record<number, number>>, k: number): string {
  const classes = Object.entries(counts)
    .map(([weight, count]) => [Number(weight), count] as const)
    .sort((a, b) => a[0] - b[0]);
  return JSON.stringify({ k, classes });
}
