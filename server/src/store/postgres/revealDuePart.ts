// PostgreSQL part: the reveal schedule's stored due state (one row per part of a drawn round's reveal).
import type { RevealDue, RevealKind } from '../../domain/revealDues';
import type { Store } from '../store';
import { inTransaction, read } from './db';
import type { PgParts } from './parts';

interface RevealDueRow {
  round_id: string;
  event_id: string;
  kind: RevealKind;
  due_at: number;
  sent_at: number | null;
}

/** Why: a restart (or another node) must know which reveal parts already went out. */
export function createPgRevealDuePart(
  parts: PgParts,
): Pick<Store, 'addRevealDues' | 'listPendingRevealDues' | 'claimRevealDue'> {
  const { pool } = parts;
  return {
    async addRevealDues(dues) {
      if (dues.length === 0) return;
      // One statement: a part recorded already keeps its due time; a sent part stays sent.
      await inTransaction(pool, (tx) =>
        tx.query(
          `INSERT INTO reveal_dues (round_id, kind, event_id, due_at, sent_at)
           SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::bigint[], $5::bigint[])
           ON CONFLICT (round_id, kind) DO UPDATE SET sent_at = COALESCE(reveal_dues.sent_at, excluded.sent_at)`,
          [
            dues.map((d) => d.roundId),
            dues.map((d) => d.kind),
            dues.map((d) => d.eventId),
            dues.map((d) => d.dueAt),
            dues.map((d) => d.sentAt),
          ],
        ),
      );
    },
    async listPendingRevealDues() {
      const rows = await read<RevealDueRow>(
        pool,
        `SELECT round_id, event_id, kind, due_at, sent_at FROM reveal_dues
         WHERE sent_at IS NULL ORDER BY due_at, round_id COLLATE "C", kind COLLATE "C"`,
      );
      return rows.map((r): RevealDue => ({
        roundId: r.round_id,
        eventId: r.event_id,
        kind: r.kind,
        dueAt: r.due_at,
        sentAt: r.sent_at,
      }));
    },
    async claimRevealDue(roundId, kind, sentAt) {
      // Compare-and-set on sent_at: of concurrent callers (nodes), exactly one updates the row.
      const rows = await read<{ round_id: string }>(
        pool,
        `UPDATE reveal_dues SET sent_at = $1 WHERE round_id = $2 AND kind = $3 AND sent_at IS NULL
         RETURNING round_id`,
        [sentAt, roundId, kind],
      );
      return rows.length === 1;
    },
  };
}
