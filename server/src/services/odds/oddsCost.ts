// Cheap predictions about an exact odds computation, so the service can decide where to run it.
import { ODDS_COST_PER_CLASS, oddsCost } from '@drawcast/shared';

/** The odds map phones are shown: weight -> probability that one entry of that weight wins. */
export type OddsRecord = Readonly<Record<number, number>>;

/**
 * Measured (shared 2-core box, fastest of 7) for shared's `oddsCost` (classes × min(K, 32)²): 2–5 classes
 * ≈ 1 ms whatever k ({1:541, 2:60}, k=300; {1:9000, 3:1000}, k=5000), 10 classes (10^6 entries, k=1000)
 * ≈ 1–2 ms, 20–64 classes with K > 32 ≈ 3–13 ms.
 */
export { oddsCost };

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
export const EXPENSIVE_ODDS_COST = 16 * ODDS_COST_PER_CLASS;

/** Identity of an odds question (counts by ascending weight, plus k), so equal aggregates hit the cache. */
export function oddsKey(counts: Readonly<Record<number, number>>, k: number): string {
  const classes = Object.entries(counts)
    .map(([weight, count]) => [Number(weight), count] as const)
    .sort((a, b) => a[0] - b[0]);
  return JSON.stringify({ k, classes });
}
