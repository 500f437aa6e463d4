// What of a drawn round's reveal is due when: the one list the reveal scheduler works from.

/** The parts of a reveal, in the order they fall due. */
export type RevealKind = 'stage' | 'audience' | 'winners';

/** One part of a drawn round's reveal; `sentAt` is set once (by whichever node sent it). */
export interface RevealDue {
  roundId: string;
  eventId: string;
  kind: RevealKind;
  /** Server time the part may go out. */
  dueAt: number;
  sentAt: number | null;
}

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

/**
 * Why: one list per round. The trusted stage and the host get the result at the draw (they animate
 * towards revealAt); the audience and public stages at the release instant; each winner's own notice
 * (with its redemption code) at the phones' reveal instant, never earlier.
 */
export function revealDuesOf(round: RevealTiming & { id: string; eventId: string }): RevealDue[] {
  const due = (kind: RevealKind, dueAt: number): RevealDue => ({
    roundId: round.id,
    eventId: round.eventId,
    kind,
    dueAt,
    sentAt: null,
  });
  return [
    due('stage', round.drawnAt),
    due('audience', audienceReleaseAt(round)),
    due('winners', round.phoneRevealAt),
  ];
}
