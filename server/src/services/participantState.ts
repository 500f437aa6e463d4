// A phone's full state on (re)connect: its entry, odds, revealed results and wins — nothing lost while offline.
import { DrawcastError, ErrorCode } from '@drawcast/shared';
import { isRevealed } from '../domain/roundRules';
import { requireEvent, type ServiceContext } from './context';
import { deviceTokenHash } from './joinOperations';
import { openRoundFor } from './roundOperations';
import type { ParticipantStateView, PendingRevealView, RevealedResultView, WinView } from './types';
import { prizeNameMap, toParticipantView, winnersByRound } from './views';

/**
 * Rebuilds everything a phone shows. Results of rounds whose phone reveal time has not come are left
 * out (only their timing is given), so reconnecting never leaks a winner early.
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
  const [rounds, prizes, openRound] = await Promise.all([
    ctx.store.listRounds(event.id),
    ctx.store.listPrizes(event.id),
    openRoundFor(ctx, participant),
  ]);
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
    const place = (round.winners ?? []).indexOf(participant.id);
    if (place >= 0) wins.push({ roundId: round.id, prizeId: round.prizeId, prizeName, place: place + 1 });
  }

  return {
    event,
    participant: toParticipantView(participant),
    tickets: participant.weight,
    openRound,
    pendingReveals,
    results,
    wins,
    serverNow: now,
  };
}
