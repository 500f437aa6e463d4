// NTP-style clock offset estimation: pure arithmetic over ping samples, so any client can run it.

/**
 * One ping exchange, all in milliseconds: t0 client send, t1 server receive, t2 server send,
 * t3 client receive (t0/t3 on the client clock, t1/t2 on the server clock).
 */
export interface ClockSample {
  t0: number;
  t1: number;
  t2: number;
  t3: number;
}

/** The result of a sync: add `offsetMs` to a local time to get server time. */
export interface ClockEstimate {
  offsetMs: number;
  roundTripMs: number;
  samplesUsed: number;
}

/** The offset (server minus client) one sample implies, assuming symmetric network paths. */
export function sampleOffset(s: ClockSample): number {
  return (s.t1 - s.t0 + (s.t2 - s.t3)) / 2;
}

/** Network time of one sample; the smaller it is, the less its offset can be wrong (error ≤ rtt/2). */
export function sampleRoundTrip(s: ClockSample): number {
  return s.t3 - s.t0 - (s.t2 - s.t1);
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

function isUsable(s: ClockSample): boolean {
  return [s.t0, s.t1, s.t2, s.t3].every(Number.isFinite) && s.t3 >= s.t0 && s.t2 >= s.t1;
}

/**
 * Keeps the `best` samples with the smallest round trip and takes the median of their offsets,
 * so one slow or asymmetric exchange cannot drag the estimate.
 */
export function estimateOffset(samples: readonly ClockSample[], best = 3): ClockEstimate {
  const usable = samples.filter(isUsable);
  if (usable.length === 0) throw new RangeError('estimateOffset: no usable clock sample');
  const chosen = [...usable]
    .sort((a, b) => sampleRoundTrip(a) - sampleRoundTrip(b))
    .slice(0, Math.max(1, Math.floor(best)));
  return {
    offsetMs: median(chosen.map(sampleOffset)),
    roundTripMs: median(chosen.map(sampleRoundTrip)),
    samplesUsed: chosen.length,
  };
}

/** Converts a server instant (e.g. a revealAt) to the local clock, where timers run. */
export function serverToLocal(serverTime: number, estimate: Pick<ClockEstimate, 'offsetMs'>): number {
  return serverTime - estimate.offsetMs;
}

/** Converts a local instant to server time, e.g. to show a server-synchronized countdown. */
export function localToServer(localTime: number, estimate: Pick<ClockEstimate, 'offsetMs'>): number {
  return localTime + estimate.offsetMs;
}
