// The dashboard's series, as pure functions over what the server and the socket send.

/** uPlot's data shape for one line: x in seconds, y values. */
export type Series = [number[], number[]];

/**
 * Cumulative joins over time: one point per bucket from the first join to `now` (empty buckets repeat
 * the running total, so the line is flat there rather than missing).
 */
export function joinSeries(
  buckets: ReadonlyArray<{ at: number; joins: number }>,
  bucketMs: number,
  now: number,
): Series {
  if (buckets.length === 0) return [[Math.floor(now / 1000)], [0]];
  const byAt = new Map(buckets.map((b) => [b.at, b.joins]));
  const first = buckets[0]!.at;
  const last = Math.max(buckets[buckets.length - 1]!.at, Math.floor(now / bucketMs) * bucketMs);
  const xs: number[] = [first / 1000 - bucketMs / 1000];
  const ys: number[] = [0];
  let total = 0;
  // At most 2,000 points: wider buckets are the server's job (bucketMs).
  for (let at = first; at <= last && xs.length < 2000; at += bucketMs) {
    total += byAt.get(at) ?? 0;
    xs.push((at + bucketMs) / 1000);
    ys.push(total);
  }
  return [xs, ys];
}

/** Appends a sample (e.g. connected phones) keeping the last `max`; a same-second sample replaces the last. */
export function pushSample(series: Series, atMs: number, value: number, max = 720): Series {
  const x = Math.floor(atMs / 1000);
  const xs = [...series[0]];
  const ys = [...series[1]];
  if (xs.length > 0 && xs[xs.length - 1] === x) ys[ys.length - 1] = value;
  else {
    xs.push(x);
    ys.push(value);
  }
  return [xs.slice(-max), ys.slice(-max)];
}

/** Joins per join-page view in percent (one decimal), null before any view. */
export function conversion(views: number, joins: number): number | null {
  if (views <= 0) return null;
  return Math.round((joins / views) * 1000) / 10;
}

/**
 * Why: imported people never saw the join page, so only phone joins count against its views (an event with
 * 1,000 imported people and 60 views read "1733.3 %"). An older server without `phoneJoins` shows no rate.
 */
export function joinConversion(stats: { views: number; phoneJoins?: number }): number | null {
  return stats.phoneJoins === undefined ? null : conversion(stats.views, stats.phoneJoins);
}

/** A bucket width that keeps an event's whole history readable (1 min up to a few hours, then wider). */
export function bucketFor(eventAgeMs: number): number {
  const minute = 60_000;
  if (eventAgeMs <= 3 * 3_600_000) return minute;
  if (eventAgeMs <= 24 * 3_600_000) return 10 * minute;
  return 60 * minute;
}
