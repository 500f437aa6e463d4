// Closing a round's entries: the frozen list (canonical order, digest, count), the rules around the close,
// and the odds aggregate of a frozen list.
import { canonicalEntries, computeEntriesDigest } from '@drawcast/shared';
import type { Entry } from '@drawcast/shared';
import { filterEligible } from './eligibility';
import type { Round } from './types';

/** A round's entry list as frozen at its close: what the draw uses and the proof lists. */
export interface FrozenEntryList {
  /** drawcast-v1 canonical order. */
  entries: Entry[];
  entriesDigest: string;
  entryCount: number;
}

/** Freezes the entries a store returned for a round (its filters applied) minus the round's blocklist. */
export function frozenEntryList(base: readonly Entry[], blocklist: readonly string[]): FrozenEntryList {
  const entries = canonicalEntries(filterEligible(base, blocklist));
  return { entries, entriesDigest: computeEntriesDigest(entries), entryCount: entries.length };
}

/** True once the round's entry list is frozen (its close, or the draw of a never-closed round). */
export function isEntriesClosed(round: Pick<Round, 'entriesClosedAt'>): boolean {
  return round.entriesClosedAt !== null;
}

/** Why a round cannot close now, or null. Pure: the caller passes the event's rounds and the time. */
export function closeBlocker(
  round: Pick<Round, 'id' | 'createdAt' | 'excludePreviousWinners'>,
  eventRounds: readonly Pick<Round, 'id' | 'status' | 'createdAt' | 'phoneRevealAt'>[],
  now: number,
): { reason: 'EARLIER_ROUND_UNDRAWN' | 'EARLIER_RESULT_UNREVEALED'; roundId: string; until?: number } | null {
  // Earlier winners are left out at the close: the list must not name them before the phones' reveal
  // (it is public), and an older round still to draw could make one of this list's entrants a winner.
  if (!round.excludePreviousWinners) return null;
  for (const other of eventRounds) {
    if (other.id === round.id) continue;
    if (other.status === 'committed' && other.createdAt < round.createdAt) {
      return { reason: 'EARLIER_ROUND_UNDRAWN', roundId: other.id };
    }
    if (other.status === 'drawn' && other.phoneRevealAt !== null && other.phoneRevealAt > now) {
      return { reason: 'EARLIER_RESULT_UNREVEALED', roundId: other.id, until: other.phoneRevealAt };
    }
  }
  return null;
}

/** Entries per weight class of a frozen list: the odds of a closed round never move again. */
export function frozenAggregate(entries: readonly Entry[]): {
  counts: Record<number, number>;
  total: number;
} {
  const counts: Record<number, number> = {};
  for (const e of entries) counts[e.weight] = (counts[e.weight] ?? 0) + 1;
  return { counts, total: entries.length };
}
