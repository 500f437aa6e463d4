// Timing of a landing: the animation starts when round:drawn arrives and ends exactly at revealAt
// (server time converted to the local clock with shared/'s clock offset).

/** A planned animation: local start and end times (ms) and the value it moves between. */
export interface Motion {
  startAt: number;
  endAt: number;
  from: number;
  to: number;
}

/** Why: a fast start and a long, readable slow-down; exactly 0 at 0 and 1 at 1, monotonic. */
export function easeOutQuart(p: number): number {
  const c = Math.min(1, Math.max(0, p));
  return 1 - Math.pow(1 - c, 4);
}

/** Derivative of easeOutQuart (speed as a share of the mean speed), for pacing the tick sound. */
export function easeOutQuartSpeed(p: number): number {
  const c = Math.min(1, Math.max(0, p));
  return 4 * Math.pow(1 - c, 3);
}

/** Why: every motion (wheel, reels, fade) lands on its target exactly at endAt, never before. */
export function valueAt(m: Motion, now: number, ease: (p: number) => number = easeOutQuart): number {
  if (now >= m.endAt) return m.to;
  if (now <= m.startAt) return m.from;
  return m.from + (m.to - m.from) * ease((now - m.startAt) / (m.endAt - m.startAt));
}

/** Progress 0..1 of a motion at `now`. */
export function progressAt(m: Motion, now: number): number {
  if (m.endAt <= m.startAt) return now >= m.endAt ? 1 : 0;
  return Math.min(1, Math.max(0, (now - m.startAt) / (m.endAt - m.startAt)));
}

/**
 * Why: the number of whole turns should fit the time left (a 5 s lead spins for real; a draw that arrives
 * late still lands at revealAt, with fewer turns). About 1.2 turns a second, 1..12.
 */
export function turnsForDuration(durationMs: number): number {
  return Math.max(1, Math.min(12, Math.round((durationMs / 1000) * 1.2)));
}

/** The local time at which a server instant happens, given the clock offset (server − local). */
export function serverToLocalMs(serverTime: number, offsetMs: number): number {
  return serverTime - offsetMs;
}

/**
 * When each of `reels` reels stops: the last one exactly at endAt, the others `gapMs` apart before it,
 * but never before startAt + a quarter of the time left.
 */
export function reelStopTimes(startAt: number, endAt: number, reels: number, gapMs = 600): number[] {
  const span = Math.max(0, endAt - startAt);
  const gap = reels > 1 ? Math.min(gapMs, (span * 0.75) / (reels - 1)) : 0;
  return Array.from({ length: reels }, (_, i) => endAt - (reels - 1 - i) * gap);
}
