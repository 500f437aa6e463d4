// The life of a win after the draw: pending until staff redeem it once, or forfeited at the event's
// claim deadline or when the host marks a no-show.
import { createHash } from 'node:crypto';
import { DrawcastError, ErrorCode } from '@drawcast/shared';
import { z } from 'zod';
import { newClaimCode } from './claimCode';
import type { RandomBytes } from './humanCode';

/** pending → redeemed | forfeited; both ends are final. */
export type ClaimStatus = 'pending' | 'redeemed' | 'forfeited';

/** Why a win was lost, shown to the forfeited winner and kept in the audit log. */
export type ForfeitReason = 'deadline' | 'no_show';

/** One win of one participant in one round; staff look it up by `code`, hosts refer to it by `id`. */
export interface Claim {
  /** Public handle (host lists, redraw links, audit); unlike the code it grants nothing. */
  id: string;
  /** The redemption secret shown only to the winner. */
  code: string;
  eventId: string;
  roundId: string;
  prizeId: string;
  /** 1-based place in the round's draw order. */
  place: number;
  participantId: string;
  status: ClaimStatus;
  createdAt: number;
  redeemedAt: number | null;
  /** Who redeemed it (a staff name or id), for the audit trail. */
  redeemedBy: string | null;
  forfeitedAt: number | null;
  forfeitReason: ForfeitReason | null;
  /** The k=1 round that re-awarded this forfeited slot; a slot is redrawn at most once. */
  redrawRoundId: string | null;
}

/** Per-event claim rule: a pending win can be forfeited from `deadline` on (null: only by no-show). */
export const claimSettingsSchema = z.object({
  deadline: z.number().int().nonnegative().nullable(),
});

/** The validated form of the per-event claim rule. */
export type ClaimSettings = z.infer<typeof claimSettingsSchema>;

/**
 * A claim's id is derived from its round and place, so it is stable across a backup and restore and needs
 * no randomness: "clm_" + 16 base64url characters of SHA-256(roundId ":" place).
 */
export function claimIdOf(roundId: string, place: number): string {
  const digest = createHash('sha256').update(`${roundId}:${place}`, 'utf8').digest();
  return `clm_${digest.subarray(0, 12).toString('base64url')}`;
}

/**
 * One claim per winner, in draw order, so every win of a drawn round gets its code at once. A redraw
 * round passes `firstPlace`: its single winner keeps the place of the forfeited slot.
 */
export function claimsForDrawnRound(
  round: { id: string; eventId: string; prizeId: string; winners: readonly string[] },
  randomBytes: RandomBytes,
  at: number,
  firstPlace = 1,
): Claim[] {
  const seen = new Set<string>();
  return round.winners.map((participantId, index) => {
    let code = newClaimCode(randomBytes);
    while (seen.has(code)) code = newClaimCode(randomBytes);
    seen.add(code);
    const place = firstPlace + index;
    return {
      id: claimIdOf(round.id, place),
      code,
      eventId: round.eventId,
      roundId: round.id,
      prizeId: round.prizeId,
      place,
      participantId,
      status: 'pending',
      createdAt: at,
      redeemedAt: null,
      redeemedBy: null,
      forfeitedAt: null,
      forfeitReason: null,
      redrawRoundId: null,
    };
  });
}

/** True once a pending claim may be forfeited for lateness (at or after the deadline). */
export function isPastDeadline(settings: ClaimSettings, at: number): boolean {
  return settings.deadline !== null && at >= settings.deadline;
}

function iso(ms: number): string {
  return new Date(ms).toISOString();
}

function requireClaim<C extends Claim>(claim: C | null | undefined, code: string): C {
  if (!claim) throw new DrawcastError(ErrorCode.CLAIM_NOT_FOUND, `no claim has the code ${code}`, 'code');
  return claim;
}

function refuseForfeited(claim: Claim): never {
  const why =
    claim.forfeitReason === 'no_show' ? 'the winner was marked as a no-show' : 'the claim deadline passed';
  throw new DrawcastError(
    ErrorCode.CLAIM_FORFEITED,
    `claim ${claim.code} was forfeited at ${iso(claim.forfeitedAt ?? 0)}: ${why}`,
    'code',
  );
}

/**
 * Staff redeem a code exactly once. `claim` is the store's lookup result for `code` (null when unknown).
 * A pending claim past the deadline counts as forfeited even if no sweep has marked it yet.
 */
export function redeemClaim<C extends Claim>(
  claim: C | null | undefined,
  input: { code: string; at: number; staff: string; settings: ClaimSettings },
): C {
  const found = requireClaim(claim, input.code);
  if (found.status === 'redeemed') {
    throw new DrawcastError(
      ErrorCode.ALREADY_REDEEMED,
      `claim ${found.code} was already redeemed at ${iso(found.redeemedAt ?? 0)}` +
        (found.redeemedBy ? ` by ${found.redeemedBy}` : ''),
      'code',
    );
  }
  if (found.status === 'forfeited') refuseForfeited(found);
  if (isPastDeadline(input.settings, input.at)) {
    throw new DrawcastError(
      ErrorCode.CLAIM_FORFEITED,
      `claim ${found.code} is forfeited: the claim deadline passed at ${iso(input.settings.deadline ?? 0)}`,
      'code',
    );
  }
  return { ...found, status: 'redeemed', redeemedAt: input.at, redeemedBy: input.staff };
}

/** Forfeits a pending win: for 'deadline' only once it has passed, for 'no_show' whenever the host says so. */
export function forfeitClaim<C extends Claim>(
  claim: C | null | undefined,
  input: { code: string; at: number; reason: ForfeitReason; settings: ClaimSettings },
): C {
  const found = requireClaim(claim, input.code);
  if (found.status === 'redeemed') {
    throw new DrawcastError(
      ErrorCode.ALREADY_REDEEMED,
      `claim ${found.code} was redeemed at ${iso(found.redeemedAt ?? 0)} and can no longer be forfeited`,
      'code',
    );
  }
  if (found.status === 'forfeited') refuseForfeited(found);
  if (input.reason === 'deadline' && !isPastDeadline(input.settings, input.at)) {
    const when =
      input.settings.deadline === null
        ? 'this event has no claim deadline'
        : `it is ${iso(input.settings.deadline)}`;
    throw new DrawcastError(
      ErrorCode.DEADLINE_NOT_REACHED,
      `claim ${found.code} cannot be forfeited for lateness yet: ${when}`,
      'reason',
    );
  }
  return { ...found, status: 'forfeited', forfeitedAt: input.at, forfeitReason: input.reason };
}

/** The pending claims a deadline sweep must forfeit now, in a stable order (round, place). */
export function claimsDueForDeadlineForfeit(
  claims: readonly Claim[],
  settings: ClaimSettings,
  at: number,
): Claim[] {
  if (!isPastDeadline(settings, at)) return [];
  return claims
    .filter((c) => c.status === 'pending')
    .sort((a, b) => (a.roundId < b.roundId ? -1 : a.roundId > b.roundId ? 1 : a.place - b.place));
}
