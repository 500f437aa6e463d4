// A round's frozen entry list → wire DTOs (issue #9): what everyone may know once its entries are closed.
import type { FrozenEntriesDto, RoundEntriesClosedDto } from '@drawcast/shared';
import type { FrozenEntriesView, RoundView } from '../../services/types';

/** Why: the public link to a closed round's frozen list, carried by every close broadcast. */
export const entriesUrlOf = (roundId: string) => `/api/rounds/${encodeURIComponent(roundId)}/entries`;

/** `round:entriesClosed`, or null for a round whose entries are still open. */
export function toEntriesClosedDto(r: RoundView): RoundEntriesClosedDto | null {
  if (r.entriesClosedAt === null || r.entryCount === null || r.entriesDigest === null) return null;
  return {
    eventId: r.eventId,
    roundId: r.id,
    prizeId: r.prizeId,
    commitment: r.commitment,
    entryCount: r.entryCount,
    entriesDigest: r.entriesDigest,
    entriesClosedAt: r.entriesClosedAt,
    entriesUrl: entriesUrlOf(r.id),
  };
}

/** `GET /api/rounds/:roundId/entries`: the frozen list in canonical order, as the proof will list it. */
export function toFrozenEntriesDto(list: FrozenEntriesView): FrozenEntriesDto {
  return {
    algorithm: list.algorithm,
    roundId: list.roundId,
    commitment: list.commitment,
    entriesClosedAt: list.entriesClosedAt,
    entryCount: list.entryCount,
    entriesDigest: list.entriesDigest,
    entries: list.entries.map((e) => ({ ...e })),
  };
}
