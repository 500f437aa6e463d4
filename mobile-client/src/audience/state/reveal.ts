// When a phone shows a result: the suspense runs from now until revealAt on the server clock.

/** What to do with a reveal: when (local clock) to show the result, and how long the suspense lasts. */
export interface RevealPlan {
  /** Local `Date.now()` instant at which the result appears. */
  showAtLocal: number;
  /** Suspense animation length in ms (0 = show at once: the phone was late or offline). */
  suspenseMs: number;
  late: boolean;
}

/**
 * Maps the server's revealAt onto this phone's clock with the offset measured by clock:ping
 * (server = local + offset), so phones with wrong clocks still reveal together.
 */
export function planReveal(revealAtServer: number, offsetMs: number, nowLocal: number): RevealPlan {
  const showAtLocal = revealAtServer - offsetMs;
  const remaining = showAtLocal - nowLocal;
  if (remaining <= 0) return { showAtLocal: nowLocal, suspenseMs: 0, late: true };
  return { showAtLocal, suspenseMs: remaining, late: false };
}

/** Progress (0..1) of the suspense at local time `now`, for the animation. */
export function suspenseProgress(plan: RevealPlan, now: number): number {
  if (plan.suspenseMs <= 0) return 1;
  const started = plan.showAtLocal - plan.suspenseMs;
  return Math.min(1, Math.max(0, (now - started) / plan.suspenseMs));
}

/**
 * Why: a phone that joins after a round was revealed was never in it; telling it "you did not win" is wrong.
 * True for a result revealed before this phone joined (server clock) that does not name it as a winner.
 */
export function revealedBeforeJoining(
  result: { revealAt: number; winners: readonly { participantId: string }[] },
  joinedAtServer: number | null,
  meId: string,
): boolean {
  if (joinedAtServer === null || result.revealAt >= joinedAtServer) return false;
  return !result.winners.some((w) => w.participantId === meId);
}

/** Why: the entry screen's "Last result" follows the reveal rule; null when no result is this phone's to see. */
export function lastVisibleResult<
  R extends { revealAt: number; winners: readonly { participantId: string }[] },
>(results: readonly R[], joinedAtServer: number | null, meId: string): R | null {
  const visible = results.filter((r) => !revealedBeforeJoining(r, joinedAtServer, meId));
  return visible[visible.length - 1] ?? null;
}
