// SQLite part: the reveal schedule's stored due state (one row per part of a drawn round's reveal).
import type { RevealDue, RevealKind } from '../../domain/revealDues';
import type { Store } from '../store';
import type { SqliteParts } from './parts';

interface RevealDueRow {
  round_id: string;
  event_id: string;
  kind: RevealKind;
  due_at: number;
  sent_at: number | null;
}

/** Why: a restart (or another node) must know which reveal parts already went out. */
export function createRevealDuePart(
  parts: SqliteParts,
): Pick<Store, 'addRevealDues' | 'listPendingRevealDues' | 'claimRevealDue'> {
  const { db } = parts;
  const insert = db.prepare(
    `INSERT INTO reveal_dues (round_id, kind, event_id, due_at, sent_at) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (round_id, kind) DO UPDATE SET sent_at = COALESCE(reveal_dues.sent_at, excluded.sent_at)`,
  );
  const pending = db.prepare(
    `SELECT round_id, event_id, kind, due_at, sent_at FROM reveal_dues
     WHERE sent_at IS NULL ORDER BY due_at, round_id, kind`,
  );
  const claim = db.prepare(
    'UPDATE reveal_dues SET sent_at = ? WHERE round_id = ? AND kind = ? AND sent_at IS NULL',
  );
  const addAll = db.transaction((dues: readonly RevealDue[]) => {
    for (const d of dues) insert.run(d.roundId, d.kind, d.eventId, d.dueAt, d.sentAt);
  });
  return {
    async addRevealDues(dues) {
      if (dues.length > 0) addAll(dues);
    },
    async listPendingRevealDues() {
      return (pending.all() as RevealDueRow[]).map((r) => ({
        roundId: r.round_id,
        eventId: r.event_id,
        kind: r.kind,
        dueAt: r.due_at,
        sentAt: r.sent_at,
      }));
    },
    async claimRevealDue(roundId, kind, sentAt) {
      return claim.run(sentAt, roundId, kind).changes === 1;
    },
  };
}
