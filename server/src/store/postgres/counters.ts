// Per-event weight-class counters in PostgreSQL, moved in the same transaction as the change they count.
import type { EntryFilter } from '../../domain/eligibility';
import type { CountedState } from '../sqlite/counters';
import type { Queryable } from './db';

export type { CountedState } from '../sqlite/counters';

/** Adds (+n) or removes (−n) participants in the given state. */
export async function addCounted(
  tx: Queryable,
  eventId: string,
  s: CountedState,
  sign: 1 | -1,
  times = 1,
): Promise<void> {
  const n = sign * times;
  await tx.query(
    `INSERT INTO weight_counts (event_id, weight, entries, winners, checked_in, checked_in_winners)
     VALUES ($1, $2, $3, $4, $5, $6)
     ON CONFLICT (event_id, weight) DO UPDATE SET entries = weight_counts.entries + excluded.entries,
       winners = weight_counts.winners + excluded.winners,
       checked_in = weight_counts.checked_in + excluded.checked_in,
       checked_in_winners = weight_counts.checked_in_winners + excluded.checked_in_winners`,
    [eventId, s.weight, n, s.hasWon ? n : 0, s.checkedIn ? n : 0, s.hasWon && s.checkedIn ? n : 0],
  );
}

/** Moves one participant between states (a re-weigh, a win, a check-in). */
export async function moveCounted(
  tx: Queryable,
  eventId: string,
  from: CountedState,
  to: CountedState,
): Promise<void> {
  if (from.weight === to.weight && from.hasWon === to.hasWon && from.checkedIn === to.checkedIn) return;
  await addCounted(tx, eventId, from, -1);
  await addCounted(tx, eventId, to, 1);
}

/** Recounts an event from its participants (after a bulk re-weigh or a restore). */
export async function rebuildCounted(tx: Queryable, eventId: string): Promise<void> {
  await tx.query('DELETE FROM weight_counts WHERE event_id = $1', [eventId]);
  await tx.query(
    `INSERT INTO weight_counts (event_id, weight, entries, winners, checked_in, checked_in_winners)
     SELECT event_id, weight, COUNT(*), SUM(has_won), COUNT(checked_in_at),
       COUNT(*) FILTER (WHERE has_won = 1 AND checked_in_at IS NOT NULL)
     FROM participants WHERE event_id = $1 GROUP BY event_id, weight`,
    [eventId],
  );
}

interface CounterRow {
  weight: number;
  entries: number;
  winners: number;
  checked_in: number;
  checked_in_winners: number;
}

/** Entries per weight class passing the filter. */
export async function readCounted(
  db: Queryable,
  eventId: string,
  { excludeWinners, checkedInOnly }: EntryFilter,
): Promise<Record<number, number>> {
  const { rows } = await db.query<CounterRow>(
    'SELECT weight, entries, winners, checked_in, checked_in_winners FROM weight_counts WHERE event_id = $1',
    [eventId],
  );
  const counts: Record<number, number> = {};
  for (const row of rows) {
    const pool = checkedInOnly ? row.checked_in : row.entries;
    const won = checkedInOnly ? row.checked_in_winners : row.winners;
    const n = excludeWinners ? pool - won : pool;
    if (n > 0) counts[row.weight] = n;
  }
  return counts;
}
