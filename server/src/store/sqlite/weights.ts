// The bonus rule applied inside store transactions, so a weight always matches the event's rule and
// the counters at commit time (no read-then-write race with a settings change or another join).
import type Database from 'better-sqlite3';
import type { BonusSettings } from '../../domain/bonus/bonusSettings';
import { computeWeight } from '../../domain/bonus/weight';
import type { WeightCounters } from './counters';
import type { RowCache } from './rowCache';
import { eventFromRow, type EventRow } from './rows';

/** The participant facts the weight depends on. */
export interface WeightFacts {
  base_weight: number;
  referrals: number;
  joined_at: number;
}

/** The stored weight for these facts under this rule. */
export function weightOf(facts: WeightFacts, bonus: BonusSettings): number {
  return computeWeight({
    base: facts.base_weight,
    referralsCount: facts.referrals,
    joinedAt: facts.joined_at,
    settings: bonus,
  });
}

/** Reads an event's bonus rule and re-weighs whole events; both run inside the caller's transaction. */
export interface Weigher {
  bonusOf(eventId: string): BonusSettings | null;
  /** Recomputes every weight of the event and rebuilds its counters; returns how many weights changed. */
  reweighEvent(eventId: string, bonus: BonusSettings): number;
}

/** Builds the weigher over an open database. */
export function createWeigher(db: Database.Database, counters: WeightCounters, rows: RowCache): Weigher {
  const eventById = db.prepare<[string], EventRow>('SELECT * FROM events WHERE id = ?');
  const facts = db.prepare<[string], WeightFacts & { id: string; weight: number }>(
    'SELECT id, base_weight, referrals, joined_at, weight FROM participants WHERE event_id = ?',
  );
  const setWeight = db.prepare('UPDATE participants SET weight = ? WHERE id = ?');
  return {
    bonusOf(eventId) {
      const row = rows.read(`event:${eventId}`, () => eventById.get(eventId));
      return row ? eventFromRow(row).settings.bonus : null;
    },
    reweighEvent(eventId, bonus) {
      let changed = 0;
      for (const row of facts.all(eventId)) {
        const weight = weightOf(row, bonus);
        if (weight === row.weight) continue;
        setWeight.run(weight, row.id);
        changed += 1;
      }
      if (changed > 0) counters.rebuild(eventId);
      return changed;
    },
  };
}
