// Per-event weight-class counters: every join, re-weigh, win and check-in moves them in the same
// transaction, so odds aggregates never scan participants.
import type Database from 'better-sqlite3';
import type { EntryFilter } from '../../domain/eligibility';

/** The facts of one participant the counters depend on. */
export interface CountedState {
  weight: number;
  hasWon: boolean;
  checkedIn: boolean;
}

/** Counter updates; all must run inside the caller's transaction. */
export interface WeightCounters {
  /** Adds (+1) or removes (−1) one participant in the given state. */
  add(eventId: string, state: CountedState, sign: 1 | -1, times?: number): void;
  /** Moves one participant from one state to another (a re-weigh, a win, a check-in). */
  move(eventId: string, from: CountedState, to: CountedState): void;
  /** Recounts an event from its participants (after a bulk re-weigh or a restore). */
  rebuild(eventId: string): void;
  read(eventId: string, filter: EntryFilter): Record<number, number>;
}

interface CounterRow {
  weight: number;
  entries: number;
  winners: number;
  checked_in: number;
  checked_in_winners: number;
}

/** Builds the counters over an open database. */
export function createWeightCounters(db: Database.Database): WeightCounters {
  const upsert = db.prepare(
    `INSERT INTO weight_counts (event_id, weight, entries, winners, checked_in, checked_in_winners)
     VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT (event_id, weight) DO UPDATE SET entries = entries + excluded.entries,
       winners = winners + excluded.winners, checked_in = checked_in + excluded.checked_in,
       checked_in_winners = checked_in_winners + excluded.checked_in_winners`,
  );
  const clear = db.prepare('DELETE FROM weight_counts WHERE event_id = ?');
  const recount = db.prepare(
    `INSERT INTO weight_counts (event_id, weight, entries, winners, checked_in, checked_in_winners)
     SELECT event_id, weight, COUNT(*), SUM(has_won), SUM(checked_in_at IS NOT NULL),
       SUM(has_won = 1 AND checked_in_at IS NOT NULL)
     FROM participants WHERE event_id = @event
       AND id NOT IN (SELECT participant_id FROM people WHERE event_id = @event
         AND import_id IN (SELECT id FROM import_runs WHERE event_id = @event))
     GROUP BY weight`,
  );
  const rows = db.prepare<[string], CounterRow>(
    'SELECT weight, entries, winners, checked_in, checked_in_winners FROM weight_counts WHERE event_id = ?',
  );

  function add(eventId: string, s: CountedState, sign: 1 | -1, times = 1): void {
    const n = sign * times;
    const won = s.hasWon ? n : 0;
    const checkedIn = s.checkedIn ? n : 0;
    upsert.run(eventId, s.weight, n, won, checkedIn, s.hasWon && s.checkedIn ? n : 0);
  }

  return {
    add,
    move(eventId, from, to) {
      if (from.weight === to.weight && from.hasWon === to.hasWon && from.checkedIn === to.checkedIn) return;
      add(eventId, from, -1);
      add(eventId, to, 1);
    },
    rebuild(eventId) {
      clear.run(eventId);
      recount.run({ event: eventId }); // rows of an import still being written do not count yet
    },
    read(eventId, { excludeWinners, checkedInOnly }) {
      const counts: Record<number, number> = {};
      for (const row of rows.all(eventId)) {
        const pool = checkedInOnly ? row.checked_in : row.entries;
        const won = checkedInOnly ? row.checked_in_winners : row.winners;
        const n = excludeWinners ? pool - won : pool;
        if (n > 0) counts[row.weight] = n;
      }
      return counts;
    },
  };
}
