// A phone's full state on (re)connect: its entry, odds, revealed results and wins — nothing lost while offline.
import { DrawcastError, ErrorCode } from '@drawcast/shared';
import { weightBreakdown } from '../domain/bonus/weight';
import { isRevealed } from '../domain/roundRules';
import { winnerView } from './claimOperations';
import { requireEvent, type ServiceContext } from './context';
import { deviceTokenHash } from './joinOperations';
import { openRoundFor } from './roundQueries';
import type { ParticipantStateView, PendingRevealView, RevealedResultView, WinView } from './types';
import { prizeNameMap, toParticipantView, winnersByRound } from './entityViews';

/**
 * Rebuilds everything a phone shows. Results of rounds whose phone reveal time has not come are left
 * out (only their timing is given), so reconnecting never leaks a winner early; a win's redemption
 * code and QR appear with it, and a forfeit shows as the claim's status and reason.
 */
export async function participantState(
  ctx: ServiceContext,
  eventId: unknown,
  deviceToken: unknown,
): Promise<ParticipantStateView> {
  const event = await requireEvent(ctx, eventId);
  const participant = await ctx.store.getParticipantByDevice(event.id, deviceTokenHash(ctx, deviceToken));
  if (!participant) {
    throw new DrawcastError(
      ErrorCode.PARTICIPANT_NOT_FOUND,
      'this device has not joined the event',
      'deviceToken',
    );
  }
  const now = ctx.clock.now();
  const [rounds, prizes, openRound, claims] = await Promise.all([
    ctx.store.listRounds(event.id),
    ctx.store.listPrizes(event.id),
    openRoundFor(ctx, participant),
    participant.hasWon ? ctx.store.listClaimsOfParticipant(participant.id) : [],
  ]);
  const claimOfRound = new Map(claims.map((c) => [c.roundId, c]));
  const prizeNames = prizeNameMap(prizes);
  const revealed = rounds.filter((r) => isRevealed(r, now));
  const winners = await winnersByRound(ctx, event.id, revealed);

  const pendingReveals: PendingRevealView[] = [];
  for (const round of rounds) {
    if (round.status !== 'drawn' || isRevealed(round, now)) continue;
    pendingReveals.push({
      roundId: round.id,
      prizeId: round.prizeId,
      prizeName: prizeNames.get(round.prizeId) ?? '',
      revealAt: round.revealAt ?? 0,
      phoneRevealAt: round.phoneRevealAt ?? 0,
    });
  }

  const results: RevealedResultView[] = [];
  const wins: WinView[] = [];
  for (const round of revealed) {
    const prizeName = prizeNames.get(round.prizeId) ?? '';
    results.push({
      roundId: round.id,
      prizeId: round.prizeId,
      prizeName,
      commitment: round.commitment,
      revealAt: round.revealAt ?? 0,
      phoneRevealAt: round.phoneRevealAt ?? 0,
      winners: winners.get(round.id) ?? [],
    });
    const index = (round.winners ?? []).indexOf(participant.id);
    if (index < 0) continue;
    const claim = claimOfRound.get(round.id);
    wins.push({
      roundId: round.id,
      prizeId: round.prizeId,
      prizeName,
      place: claim?.place ?? index + 1,
      claim: claim ? await winnerView(claim, event, now) : null,
    });
  }

  return {
    event,
    participant: toParticipantView(participant),
    tickets: participant.weight,
    ticketBreakdown: weightBreakdown({
      base: participant.baseWeight,
      referralsCount: participant.referrals,
      joinedAt: participant.joinedAt,
      settings: event.settings.bonus,
    }),
    openRound,
    pendingReveals,
    results,
    wins,
    serverNow: now,
  };
}
