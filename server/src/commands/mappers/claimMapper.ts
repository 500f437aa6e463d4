// Claim views → wire DTOs: what staff see (codes) and what a winner's own phone sees (its code, once revealed).
import type {
  ClaimDto,
  ClaimRedeemedDto,
  TicketBreakdownDto,
  WinnerClaimDto,
  YouForfeitedDto,
} from '@drawcast/shared';
import { weightBreakdown } from '../../domain/bonus/weight';
import type { DrawEvent } from '../../domain/types';
import { winnerViewOf } from '../../services/claimOperations';
import type { ClaimStaffView, ParticipantView, WinnerClaimView } from '../../services/types';

/** Host/staff view: copies fields so service internals never leak by accident. */
export function toClaimDto(c: ClaimStaffView): ClaimDto {
  return {
    id: c.id,
    code: c.code,
    displayCode: c.displayCode,
    eventId: c.eventId,
    roundId: c.roundId,
    prizeId: c.prizeId,
    prizeName: c.prizeName,
    place: c.place,
    participantId: c.participantId,
    nickname: c.nickname,
    status: c.status,
    createdAt: c.createdAt,
    redeemedAt: c.redeemedAt,
    redeemedBy: c.redeemedBy,
    forfeitedAt: c.forfeitedAt,
    forfeitReason: c.forfeitReason,
    redrawRoundId: c.redrawRoundId,
    contact: c.contact ? { ...c.contact } : null,
    contactSubmittedAt: c.contactSubmittedAt,
  };
}

/** The winner's own claim as the service built it (participant state, contact submission). */
export function toWinnerClaimDto(c: WinnerClaimView): WinnerClaimDto {
  return {
    id: c.id,
    status: c.status,
    code: c.code,
    displayCode: c.displayCode,
    qrSvg: c.qrSvg,
    deadline: c.deadline,
    redeemedAt: c.redeemedAt,
    forfeitedAt: c.forfeitedAt,
    forfeitReason: c.forfeitReason,
    contactRequested: c.contactRequested,
    contact: c.contact ? { ...c.contact } : null,
  };
}

/** A winner's claim pushed live with `you:won`, by the service's one rule (code and QR only while pending). */
export async function winnerClaimFromStaff(
  c: ClaimStaffView,
  event: DrawEvent,
  now: number,
): Promise<WinnerClaimDto> {
  const view = await winnerViewOf(c, c.contact ? { ...c.contact } : null, event, now);
  return { ...view };
}

/** `you:forfeited` for a forfeited claim (from a staff view, or the fields a participant state has). */
export function toForfeitedDto(
  c: Pick<
    ClaimStaffView,
    'id' | 'eventId' | 'roundId' | 'prizeId' | 'prizeName' | 'place' | 'forfeitReason' | 'forfeitedAt'
  >,
): YouForfeitedDto {
  return {
    eventId: c.eventId,
    roundId: c.roundId,
    claimId: c.id,
    prize: { id: c.prizeId, name: c.prizeName },
    place: c.place,
    reason: c.forfeitReason ?? 'no_show',
    forfeitedAt: c.forfeitedAt ?? 0,
  };
}

/** `claim:redeemed` for a redeemed claim. */
export function toRedeemedDto(c: ClaimStaffView): ClaimRedeemedDto {
  return { eventId: c.eventId, roundId: c.roundId, claimId: c.id, redeemedAt: c.redeemedAt ?? 0 };
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
