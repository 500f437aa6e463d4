// Wire DTOs of a round's close: what everyone may know once its entry list is frozen.
import type { RoundEntriesClosedDto } from '@drawcast/shared';
import type { RoundView } from '../services/types';

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
