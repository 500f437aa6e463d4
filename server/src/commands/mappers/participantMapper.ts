// Participant views → wire DTOs (the one mapper for participants): host rows, join acks, ticket
// breakdowns, share links.
import type { JoinAckDto, ParticipantRowDto, RoundSummaryDto, TicketBreakdownDto } from '@drawcast/shared';
import { weightBreakdown } from '../../domain/bonus/weight';
import type { DrawEvent } from '../../domain/types';
import type { JoinResult, OpenRoundView, ParticipantView } from '../../services/types';
import { toEventDto } from './eventMapper';
import { toAggregateDto } from './roundMapper';

/** Host list row: masked phone only, never the raw phone, its hash, or the device token hash. */
export function toParticipantRowDto(p: ParticipantView): ParticipantRowDto {
  return {
    id: p.id,
    nickname: p.nickname,
    phoneMasked: p.phoneMasked,
    tickets: p.tickets,
    joinedAt: p.joinedAt,
  };
}

/** A name on the stage's wheel, reels and joiner feed: id and nickname only (what the public stage shows anyway). */
export function toStageNameDto(p: ParticipantView): { id: string; nickname: string } {
  return { id: p.id, nickname: p.nickname };
}

/** Where a participant's invite link points: the phone app's join page with the share code. */
export function sharePathOf(joinCode: string, shareCode: string | null): string | null {
  return shareCode ? `/join/${encodeURIComponent(joinCode)}?ref=${encodeURIComponent(shareCode)}` : null;
}

/**
 * A participant's ticket breakdown from its view and the event's bonus rule. The view carries no base
 * tickets, so the base is what remains after the bonus parts (exact unless clamped at 1000).
 */
export function ticketBreakdownOf(p: ParticipantView, event: DrawEvent): TicketBreakdownDto {
  const bonus = weightBreakdown({
    base: 1,
    referralsCount: p.referrals,
    joinedAt: p.joinedAt,
    settings: event.settings.bonus,
  });
  const base = Math.max(1, p.tickets - bonus.referral - bonus.earlyBird);
  return { base, referral: bonus.referral, earlyBird: bonus.earlyBird, total: p.tickets };
}

/** Why: the join ack must carry the entry, tickets and odds for the round it is entered in. */
export function toJoinAckDto(joined: JoinResult): JoinAckDto {
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

/** The round a phone is entered in, as its join ack and state carry it. */
export function openRoundSummary(open: OpenRoundView): RoundSummaryDto {
  return {
    id: open.roundId,
    prizeId: open.prizeId,
    prizeName: open.prizeName,
    commitment: open.commitment,
    k: open.k,
    entriesClosedAt: open.entriesClosedAt,
    entryCount: open.entryCount,
    entriesDigest: open.entriesDigest,
  };
}
