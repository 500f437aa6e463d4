// Builds a phone's full state (entry, odds, results, wins) and its join ack.
import type {
  JoinAckDto,
  ParticipantStateDto,
  RoundRevealDto,
  RoundSummaryDto,
  YouForfeitedDto,
  YouWonDto,
} from '@drawcast/shared';
import type { DrawcastService, JoinResult, OpenRoundView } from '../services/types';
import { sharePathOf, ticketBreakdownOf, toForfeitedDto, toWinnerClaimDto } from './claim-views';
import type { LiveHub } from './live-hub';
import {
  isDrawn,
  revealedResultToDto,
  toAggregateDto,
  toEventDto,
  toRoundRevealDto,
  youWonMessages,
} from './views';

/** Why: the join ack must carry the entry, tickets and odds for the round it is entered in. */
export function buildJoinAck(joined: JoinResult): JoinAckDto {
  const { participant, event, created, openRound } = joined;
  return {
    participantId: participant.id,
    eventId: event.id,
    nickname: participant.nickname,
    tickets: participant.tickets,
    created,
    event: toEventDto(event),
    round: openRound ? openRoundSummary(openRound) : null,
    aggregate: openRound ? toAggregateDto(event.id, openRound.aggregate) : null,
    eligible: openRound ? openRound.eligible : true,
    odds: openRound ? openRound.odds : null,
    oddsExact: openRound ? openRound.oddsExact : true,
    shareCode: participant.shareCode,
    sharePath: sharePathOf(event.joinCode, participant.shareCode),
    ticketBreakdown: ticketBreakdownOf(participant, event),
    referral: joined.referral,
  };
}

function openRoundSummary(open: OpenRoundView): RoundSummaryDto {
  return {
    id: open.roundId,
    prizeId: open.prizeId,
    prizeName: open.prizeName,
    commitment: open.commitment,
    k: open.k,
  };
}

/**
 * The phone's whole state. Rounds whose audience broadcast has already gone out but whose phone reveal
 * is still ahead are included with their winners, so a phone reconnecting in that window loses nothing.
 */
export async function buildParticipantState(
  service: DrawcastService,
  hub: LiveHub,
  eventId: string,
  deviceToken: string,
): Promise<ParticipantStateDto> {
  const view = await service.participantState(eventId, deviceToken);
  const me = view.participant.id;
  const results: RoundRevealDto[] = view.results.map((r) => revealedResultToDto(eventId, r));
  const revealAtByRound = new Map(view.results.map((r) => [r.roundId, r.phoneRevealAt]));
  const wins: YouWonDto[] = view.wins.map((w) => ({
    eventId,
    roundId: w.roundId,
    prize: { id: w.prizeId, name: w.prizeName },
    place: w.place,
    revealAt: revealAtByRound.get(w.roundId) ?? 0,
    claim: w.claim ? toWinnerClaimDto(w.claim) : null,
  }));
  const forfeits: YouForfeitedDto[] = [];
  for (const w of view.wins) {
    if (w.claim?.status !== 'forfeited') continue;
    forfeits.push(
      toForfeitedDto({
        id: w.claim.id,
        eventId,
        roundId: w.roundId,
        prizeId: w.prizeId,
        prizeName: w.prizeName,
        place: w.place,
        forfeitReason: w.claim.forfeitReason,
        forfeitedAt: w.claim.forfeitedAt,
      }),
    );
  }
  const pendingReveals = [];
  for (const pending of view.pendingReveals) {
    const round = await service.getRound(pending.roundId);
    if (isDrawn(round) && hub.isReleased(round)) {
      results.push(toRoundRevealDto(round));
      for (const [participantId, win] of youWonMessages(round)) if (participantId === me) wins.push(win);
    } else {
      pendingReveals.push({
        roundId: pending.roundId,
        prizeId: pending.prizeId,
        prizeName: pending.prizeName,
        revealAt: pending.phoneRevealAt,
      });
    }
  }
  const open = view.openRound;
  return {
    event: toEventDto(view.event),
    participant: {
      id: me,
      nickname: view.participant.nickname,
      tickets: view.tickets,
      phoneMasked: view.participant.phoneMasked,
      shareCode: view.participant.shareCode,
      sharePath: sharePathOf(view.event.joinCode, view.participant.shareCode),
      referrals: view.participant.referrals,
      checkedInAt: view.participant.checkedInAt,
    },
    ticketBreakdown: { ...view.ticketBreakdown },
    round: open ? openRoundSummary(open) : null,
    // With every class's odds, so the phone's rules chart needs no broadcast after a reload.
    aggregate: open ? toAggregateDto(eventId, open.aggregate, service.aggregateOdds(open.aggregate)) : null,
    eligible: open ? open.eligible : true,
    odds: open ? open.odds : null,
    oddsExact: open ? open.oddsExact : true,
    pendingReveals,
    results,
    wins,
    forfeits,
    serverNow: view.serverNow,
  };
}
