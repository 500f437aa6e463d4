// Claim views → wire DTOs: what staff see (codes) and what a winner's own phone sees (its code, once revealed).
import type { ClaimDto, ClaimRedeemedDto, WinnerClaimDto, YouForfeitedDto } from '@drawcast/shared';
import type { DrawEvent } from '../../domain/types';
import { winnerViewOf } from '../../services/claimOperations';
import type { ClaimStaffView, WinnerClaimView } from '../../services/types';

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
