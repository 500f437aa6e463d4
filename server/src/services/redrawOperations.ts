// Redraw of one forfeited slot: a new, separately provable k=1 round among those still eligible.
import { DrawcastError, ErrorCode } from '@drawcast/shared';
import { assertRedrawable } from '../domain/claims/redraw';
import type { ClaimRecord } from '../domain/types';
import { eligibleCounts, entryFilterOf } from '../domain/eligibility';
import { auditMeta, requireClaim, requireRound, type ServiceContext } from './context';
import { newCommittedRound, viewOf } from './roundOperations';
import type { RoundView } from './types';

/** The domain refusal, naming the host's input (the claim id) rather than the secret code. */
function checkRedrawable(claim: ClaimRecord): void {
  try {
    assertRedrawable(claim, claim.code);
  } catch (error) {
    if (!(error instanceof DrawcastError)) throw error;
    throw new DrawcastError(error.code, error.message.replace(claim.code, claim.id), 'claimId');
  }
}

/**
 * Commits the replacement round: k = 1, the same prize, blocklist and check-in rule as the original
 * round, and nobody who has won in the event (the forfeiting winner included), as redrawEligibleIds
 * says. The store links the claim to it atomically (refusing NOT_FORFEITED / ALREADY_REDRAWN) and
 * stores the seed before the commitment is returned; the host then draws it like any round.
 */
export async function redraw(ctx: ServiceContext, claimId: unknown): Promise<RoundView> {
  const claim = await requireClaim(ctx, claimId);
  checkRedrawable(claim);
  const original = await requireRound(ctx, claim.roundId);
  return ctx.locks.run(claim.eventId, async () => {
    const round = newCommittedRound(ctx, {
      eventId: claim.eventId,
      prizeId: claim.prizeId,
      k: 1,
      excludePreviousWinners: true,
      checkedInOnly: original.checkedInOnly,
      blocklist: [...original.blocklist],
      redrawOf: { claimId: claim.id, roundId: original.id, place: claim.place },
      ...(original.drawMode ? { drawMode: original.drawMode } : {}),
    });
    const filter = entryFilterOf(round);
    const [counts, blocked] = await Promise.all([
      ctx.store.weightCounts(round.eventId, filter),
      round.blocklist.length > 0 ? ctx.store.getParticipantsByIds(round.eventId, round.blocklist) : [],
    ]);
    if (eligibleCounts(counts, blocked, filter).total === 0) {
      throw new DrawcastError(
        ErrorCode.NOT_ENOUGH_ENTRIES,
        'nobody is left to redraw: every eligible participant has won, is blocked or has not checked in',
        'claimId',
      );
    }
    const stored = await ctx.store.insertRound(round, auditMeta(ctx, 'host'));
    if (stored.ok) return viewOf(ctx, round);
    switch (stored.reason) {
      case 'NOT_FORFEITED':
      case 'ALREADY_REDRAWN':
        checkRedrawable(stored.claim);
        throw new DrawcastError(ErrorCode.CONFLICT, 'the claim changed during the redraw', 'claimId');
      case 'PRIZE_EXHAUSTED':
        throw new DrawcastError(
          ErrorCode.PRIZE_EXHAUSTED,
          'the freed prize unit has been given to another round; cancel it or add quantity first',
          'claimId',
        );
      default:
        throw new DrawcastError(ErrorCode.CLAIM_NOT_FOUND, 'no such claim', 'claimId');
    }
  });
}
