// Round views → wire DTOs (the one mapper for rounds, their odds aggregate and their results): it decides
// what each audience may see of a round.
import type {
  OddsAggregateDto,
  RoundDrawnDto,
  RoundDto,
  RoundPublicDto,
  RoundRevealDto,
  RoundSummaryDto,
  YouWonDto,
} from '@drawcast/shared';
import type { AggregateOdds, RevealedResultView, RoundAggregate, RoundView } from '../../services/types';

/** Why: the proof link every result carries, so any viewer can check it. */
export const proofUrlOf = (roundId: string) => `/api/rounds/${encodeURIComponent(roundId)}/proof`;

/** Host and stage view of a round (winners included once drawn; never the seed). */
export function toRoundDto(r: RoundView): RoundDto {
  return {
    id: r.id,
    eventId: r.eventId,
    prizeId: r.prizeId,
    prizeName: r.prizeName,
    k: r.k,
    excludePreviousWinners: r.excludePreviousWinners,
    blocklist: [...r.blocklist],
    checkedInOnly: r.checkedInOnly,
    redrawOf: r.redrawOf ? { ...r.redrawOf } : null,
    drawMode: r.drawMode,
    commitment: r.commitment,
    publicEntropy: r.publicEntropy,
    status: r.status,
    createdAt: r.createdAt,
    drawnAt: r.drawnAt,
    revealAt: r.revealAt,
    phoneRevealAt: r.phoneRevealAt,
    revealed: r.revealed,
    entriesClosedAt: r.entriesClosedAt,
    entryCount: r.entryCount,
    entriesDigest: r.entriesDigest,
    winners: r.winners
      ? r.winners.map((w) => ({ participantId: w.participantId, nickname: w.nickname }))
      : null,
    auditHead: r.auditHead ? { ...r.auditHead } : null,
  };
}

/** What the audience may know about a round before its reveal: no winners, no blocklist. */
export function toRoundPublicDto(r: RoundView): RoundPublicDto {
  return {
    eventId: r.eventId,
    roundId: r.id,
    prizeId: r.prizeId,
    prizeName: r.prizeName,
    commitment: r.commitment,
    publicEntropy: r.publicEntropy,
    k: r.k,
    status: r.status,
    createdAt: r.createdAt,
    drawMode: r.drawMode,
    entriesClosedAt: r.entriesClosedAt,
    entryCount: r.entryCount,
    entriesDigest: r.entriesDigest,
  };
}

/** The short form the join ack carries. */
export function toRoundSummaryDto(r: RoundView): RoundSummaryDto {
  return {
    id: r.id,
    prizeId: r.prizeId,
    prizeName: r.prizeName,
    commitment: r.commitment,
    k: r.k,
    entriesClosedAt: r.entriesClosedAt,
    entryCount: r.entryCount,
    entriesDigest: r.entriesDigest,
  };
}

/** A drawn round with its timing fields present; the transports only broadcast these. */
export type DrawnRoundView = RoundView & {
  drawnAt: number;
  revealAt: number;
  phoneRevealAt: number;
  entriesClosedAt: number;
  entryCount: number;
  entriesDigest: string;
  winners: NonNullable<RoundView['winners']>;
};

/** Narrows a view to a drawn round; a drawn round without its outcome would be a store bug. */
export function isDrawn(r: RoundView): r is DrawnRoundView {
  return (
    r.status === 'drawn' &&
    r.drawnAt !== null &&
    r.revealAt !== null &&
    r.phoneRevealAt !== null &&
    r.entriesClosedAt !== null &&
    r.entryCount !== null &&
    r.entriesDigest !== null &&
    r.winners !== null
  );
}

/** Stage/host broadcast of a draw. */
export function toRoundDrawnDto(r: DrawnRoundView): RoundDrawnDto {
  return {
    eventId: r.eventId,
    roundId: r.id,
    prizeId: r.prizeId,
    prizeName: r.prizeName,
    commitment: r.commitment,
    publicEntropy: r.publicEntropy,
    entriesDigest: r.entriesDigest,
    winners: r.winners.map((w) => ({ participantId: w.participantId, nickname: w.nickname })),
    drawnAt: r.drawnAt,
    revealAt: r.revealAt,
    phoneRevealAt: r.phoneRevealAt,
    proofUrl: proofUrlOf(r.id),
    drawMode: r.drawMode,
    entriesClosedAt: r.entriesClosedAt,
    entryCount: r.entryCount,
    auditHead: r.auditHead ? { ...r.auditHead } : null,
  };
}

/** A draw as a stage without the host token sees it: on the phones' schedule, revealAt = phoneRevealAt. */
export function toPublicRoundDrawnDto(r: DrawnRoundView): RoundDrawnDto {
  return { ...toRoundDrawnDto(r), revealAt: r.phoneRevealAt };
}

/** Audience broadcast of a draw: revealAt is the phones' instant. */
export function toRoundRevealDto(r: DrawnRoundView): RoundRevealDto {
  return {
    eventId: r.eventId,
    roundId: r.id,
    prizeId: r.prizeId,
    prizeName: r.prizeName,
    commitment: r.commitment,
    winners: r.winners.map((w) => ({ participantId: w.participantId, nickname: w.nickname })),
    revealAt: r.phoneRevealAt,
    proofUrl: proofUrlOf(r.id),
  };
}

/** A revealed result from a participant's state, in the same shape as the live broadcast. */
export function revealedResultToDto(eventId: string, r: RevealedResultView): RoundRevealDto {
  return {
    eventId,
    roundId: r.roundId,
    prizeId: r.prizeId,
    prizeName: r.prizeName,
    commitment: r.commitment,
    winners: r.winners.map((w) => ({ participantId: w.participantId, nickname: w.nickname })),
    revealAt: r.phoneRevealAt,
    proofUrl: proofUrlOf(r.roundId),
  };
}

/** The personal notification of each winner of a drawn round, keyed by participant id. */
export function youWonMessages(r: DrawnRoundView): Array<[participantId: string, win: YouWonDto]> {
  return r.winners.map((w, i) => [
    w.participantId,
    {
      eventId: r.eventId,
      roundId: r.id,
      prize: { id: r.prizeId, name: r.prizeName },
      place: i + 1,
      revealAt: r.phoneRevealAt,
    },
  ]);
}

/** The odds broadcast payload; with `odds`, the exact odds per weight class ride along. */
export function toAggregateDto(eventId: string, a: RoundAggregate, odds?: AggregateOdds): OddsAggregateDto {
  const dto: OddsAggregateDto = {
    eventId,
    roundId: a.roundId,
    k: a.k,
    counts: { ...a.counts },
    total: a.total,
  };
  if (odds) {
    dto.oddsByWeight = odds.byWeight ? { ...odds.byWeight } : null;
    dto.oddsExact = odds.exact;
  }
  return dto;
}
