// The winners' own `you:won` notices of a drawn round: place and claim (code + QR) from each winner's claim.
import type { YouWonDto } from '@drawcast/shared';
import type { DrawcastService } from '../services/types';
import { winnerClaimFromStaff } from './mappers/claimMapper';
import type { DrawnRoundView } from './mappers/roundMapper';
import { youWonMessages } from './mappers/roundMapper';

/** One winner's notice, addressed to its participant. */
export type WinnerNotice = [participantId: string, notice: YouWonDto];

/**
 * Builds the notices as the phones will see them at the phone reveal (a redraw winner gets the place of
 * the slot it re-won, from its claim). Building a QR per winner takes time, so the reveal schedule calls
 * this when the round is drawn, seconds before the notices are due. `onlyFor` builds one winner's notice.
 */
export async function buildWinnerNotices(
  service: DrawcastService,
  round: DrawnRoundView,
  onlyFor?: string,
): Promise<WinnerNotice[]> {
  const wanted = youWonMessages(round).filter(([pid]) => onlyFor === undefined || pid === onlyFor);
  if (wanted.length === 0) return [];
  const [event, claims] = await Promise.all([
    service.getEvent(round.eventId),
    service.listClaims(round.eventId),
  ]);
  const byParticipant = new Map(
    claims.filter((c) => c.roundId === round.id).map((c) => [c.participantId, c] as const),
  );
  const notices: WinnerNotice[] = [];
  for (const [participantId, base] of wanted) {
    const claim = byParticipant.get(participantId);
    notices.push([
      participantId,
      claim
        ? {
            ...base,
            place: claim.place,
            claim: await winnerClaimFromStaff(claim, event, round.phoneRevealAt),
          }
        : { ...base, claim: null },
    ]);
  }
  return notices;
}
