// Re-awarding one forfeited slot: a NEW drawcast-v1 round of k=1, with its own commitment and proof,
// among the people who are still eligible.
import { DrawcastError, ErrorCode } from '@drawcast/shared';
import type { Claim } from './claim';
import { isCheckinEligible } from './checkin';

/** What the service needs to commit the replacement round. */
export interface RedrawPlan {
  /** The forfeited claim this round replaces (mark it with markRedrawn once the round is committed). */
  replacesClaimCode: string;
  eventId: string;
  prizeId: string;
  /** The place of the forfeited slot, kept by the replacement winner. */
  place: number;
  k: 1;
  /** Ids of the eligible participants; the service freezes their weights when the round's entries freeze. */
  eligibleIds: string[];
}

/** Someone who could enter a redraw: whether they checked in matters for check-in-only rounds. */
export interface RedrawCandidate {
  id: string;
  checkedInAt: number | null;
}

/** Refuses to redraw anything but a forfeited slot that has not been redrawn yet. */
export function assertRedrawable<C extends Claim>(claim: C | null | undefined, code: string): C {
  if (!claim) throw new DrawcastError(ErrorCode.CLAIM_NOT_FOUND, `no claim has the code ${code}`, 'code');
  if (claim.status !== 'forfeited') {
    throw new DrawcastError(
      ErrorCode.NOT_FORFEITED,
      `claim ${claim.code} is ${claim.status}; only a forfeited win can be redrawn`,
      'code',
    );
  }
  if (claim.redrawRoundId !== null) {
    throw new DrawcastError(
      ErrorCode.ALREADY_REDRAWN,
      `claim ${claim.code} was already redrawn in round ${claim.redrawRoundId}`,
      'code',
    );
  }
  return claim;
}

/**
 * Who may enter a redraw: every candidate of the event except anyone who has won in it (the forfeiting
 * winner included), the round's blocklist, and, for check-in-only rounds, anyone not checked in.
 */
export function redrawEligibleIds(input: {
  candidates: readonly RedrawCandidate[];
  eventWinnerIds: Iterable<string>;
  blocklist?: Iterable<string>;
  checkedInOnly: boolean;
}): string[] {
  const excluded = new Set<string>(input.eventWinnerIds);
  for (const id of input.blocklist ?? []) excluded.add(id);
  const round = { checkedInOnly: input.checkedInOnly };
  const seen = new Set<string>();
  const ids: string[] = [];
  for (const c of input.candidates) {
    // A repeated id counts by its first row, as the store has one row per participant.
    if (seen.has(c.id)) continue;
    seen.add(c.id);
    if (excluded.has(c.id) || !isCheckinEligible(c, round)) continue;
    ids.push(c.id);
  }
  return ids;
}

/** Checks the claim and builds the k=1 round plan; NOT_ENOUGH_ENTRIES when nobody is left to draw. */
export function planRedraw(
  claim: Claim | null | undefined,
  input: {
    code: string;
    candidates: readonly RedrawCandidate[];
    eventClaims: readonly Claim[];
    /** Winners of drawn rounds that have no claim row (if any); merged with the claims' participants. */
    otherWinnerIds?: Iterable<string>;
    blocklist?: Iterable<string>;
    checkedInOnly: boolean;
  },
): RedrawPlan {
  const forfeited = assertRedrawable(claim, input.code);
  const winners = new Set<string>(input.otherWinnerIds ?? []);
  for (const c of input.eventClaims) winners.add(c.participantId);
  winners.add(forfeited.participantId);
  const eligibleIds = redrawEligibleIds({
    candidates: input.candidates,
    eventWinnerIds: winners,
    blocklist: input.blocklist ?? [],
    checkedInOnly: input.checkedInOnly,
  });
  if (eligibleIds.length === 0) {
    throw new DrawcastError(
      ErrorCode.NOT_ENOUGH_ENTRIES,
      `nobody is left to redraw claim ${forfeited.code}: no participant is eligible (all have won, are blocked or have not checked in)`,
      'code',
    );
  }
  return {
    replacesClaimCode: forfeited.code,
    eventId: forfeited.eventId,
    prizeId: forfeited.prizeId,
    place: forfeited.place,
    k: 1,
    eligibleIds,
  };
}

/** Links the forfeited claim to its replacement round, so the same slot is never redrawn twice. */
export function markRedrawn(claim: Claim, redrawRoundId: string): Claim {
  assertRedrawable(claim, claim.code);
  return { ...claim, redrawRoundId };
}
