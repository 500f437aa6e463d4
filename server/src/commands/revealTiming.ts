// When each part of a drawn round's reveal is due: pure rules shared by the schedule and state reads.

/** The timing fields of a drawn round. */
export interface RevealTiming {
  drawnAt: number;
  revealAt: number;
  phoneRevealAt: number;
}

/**
 * When the audience may receive the result: the phones' reveal minus the same animation lead the
 * stage gets (revealAt − drawnAt). With no stream delay that is the draw instant itself; with a
 * delay, nothing about the result crosses the network before the livestream viewer could see it coming.
 */
export function audienceReleaseAt(t: RevealTiming): number {
  const lead = Math.max(0, t.revealAt - t.drawnAt);
  return Math.max(t.drawnAt, t.phoneRevealAt - lead);
}

/** True once the audience may know this round's result (reconnecting phones get it directly then). */
export function isReleased(t: RevealTiming, now: number): boolean {
  return now >= audienceReleaseAt(t);
}
