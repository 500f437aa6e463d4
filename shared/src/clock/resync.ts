// Re-syncing the clock in a quiet moment: the best samples kept over time, and a jittered schedule so a
// crowd of phones does not ping at once. Pure, so the phone app and the load probe share it.
import { estimateOffset, sampleRoundTrip } from './offset';
import type { ClockEstimate, ClockSample } from './offset';

/** How many samples a phone keeps, how old they may be, and how many of the best it estimates from. */
export interface SamplePoolOptions {
  keep?: number;
  maxAgeMs?: number;
  best?: number;
}

/** Defaults: 10 minutes of samples keeps a phone clock's drift (≤ ~50 ppm) to ~30 ms at worst. */
export const SAMPLE_POOL_DEFAULTS = { keep: 8, maxAgeMs: 10 * 60_000, best: 3 } as const;

/**
 * Why: a sync taken while the server is busy (the join ramp) has slow, lopsided round trips; a later one
 * in a quiet moment is better, but a later busy one must not make it worse. Keeps the `keep` samples with
 * the smallest round trip among those not older than `maxAgeMs` (ages on the local clock, `now`). If the
 * fresh samples disagree with the kept ones by more than both their error bounds (the phone's clock was
 * set, or slept), only the fresh ones are kept.
 */
export function mergeSamples(
  kept: readonly ClockSample[],
  fresh: readonly ClockSample[],
  now: number,
  options: SamplePoolOptions = {},
): ClockSample[] {
  const { keep, maxAgeMs, best } = { ...SAMPLE_POOL_DEFAULTS, ...options };
  const usable = (s: ClockSample) => {
    try {
      estimateOffset([s], 1);
      return true;
    } catch {
      return false;
    }
  };
  const freshOk = fresh.filter(usable);
  let old = kept.filter((s) => usable(s) && now - s.t3 <= maxAgeMs && s.t3 <= now);
  if (freshOk.length > 0 && old.length > 0) {
    const a = estimateOffset(freshOk, best);
    const b = estimateOffset(old, best);
    if (Math.abs(a.offsetMs - b.offsetMs) > (a.roundTripMs + b.roundTripMs) / 2) old = [];
  }
  return [...old, ...freshOk]
    .sort((x, y) => sampleRoundTrip(x) - sampleRoundTrip(y))
    .slice(0, Math.max(1, Math.floor(keep)));
}

/** The estimate from a pool of samples (the median offset of its `best` fastest). */
export function estimateFromPool(
  pool: readonly ClockSample[],
  best: number = SAMPLE_POOL_DEFAULTS.best,
): ClockEstimate {
  return estimateOffset(pool, best);
}

/** When to re-sync: one ping at each of a few random moments in a window, not again soon after the last. */
export interface ResyncPlan {
  /** Local clock now, and when the last quiet re-sync finished (null: never; the connect sync, taken
   * at a busy moment by nature, does not count). */
  now: number;
  lastResyncAt: number | null;
  /** A re-sync is already scheduled or running. */
  pending: boolean;
  /** Uniform random numbers in [0, 1), one per ping (RESYNC_DEFAULTS.samples of them). */
  randoms: readonly number[];
  /** The crowd's pings are spread evenly over this window. */
  windowMs?: number;
  /** No re-sync within this long after the last re-sync (the next rounds' cues). */
  minGapMs?: number;
}

/** Defaults: 10,000 phones × 3 pings over 10 s is ~3,000 cheap pings a second, before the draw. */
export const RESYNC_DEFAULTS = { windowMs: 10_000, minGapMs: 30_000, samples: 3 } as const;

/**
 * Why: on a quiet cue (a round committed) every phone would ping at once; each ping waits its own random
 * delay instead, so the crowd's pings are spread evenly, and one phone's samples do not all fall into the
 * same busy moment. Returns the delays (ms, ascending), or null when no re-sync is due.
 */
export function resyncDelays(plan: ResyncPlan): number[] | null {
  const windowMs = plan.windowMs ?? RESYNC_DEFAULTS.windowMs;
  const minGapMs = plan.minGapMs ?? RESYNC_DEFAULTS.minGapMs;
  if (plan.pending) return null;
  if (plan.lastResyncAt !== null && plan.now - plan.lastResyncAt < minGapMs) return null;
  return plan.randoms.map((r) => Math.floor(Math.min(Math.max(r, 0), 1) * windowMs)).sort((a, b) => a - b);
}
