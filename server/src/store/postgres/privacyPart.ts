// Privacy deletion in PostgreSQL: one person's data, or a whole closed event's, erased in one transaction
// under the event's advisory lock. Frozen lists, rounds, claims and the audit chain keep opaque ids only.
import type { AuditMeta } from '../../domain/audit/actor';
import { countedState } from '../sqlite/participantPart';
import type { ParticipantRow } from '../sqlite/rows';
import type { ErasePersonResult, PrivacyStorePart, PurgeResult } from '../privacyStore';
import { appendAudit } from './audit';
import { addCounted, rebuildCounted } from './counters';
import { inTransaction, lockEvent, read, type Queryable } from './db';
import type { PgParts } from './parts';

interface PendingClaimRow {
  id: string;
  prize_id: string;
}

/** Forfeits pending claims at `at` (reason no_show) and gives their prize units back; returns their ids. */
async function forfeitAll(tx: Queryable, claims: readonly PendingClaimRow[], at: number): Promise<string[]> {
  for (const claim of claims) {
    const { rowCount } = await tx.query(
      `UPDATE claims SET status = 'forfeited', forfeited_at = $1, forfeit_reason = 'no_show'
       WHERE id = $2 AND status = 'pending'`,
      [at, claim.id],
    );
    if (rowCount === 1) {
      await tx.query('UPDATE prizes SET awarded = awarded - 1 WHERE id = $1 AND awarded > 0', [
        claim.prize_id,
      ]);
    }
  }
  return claims.map((c) => c.id);
}

/**
 * Deletes the person's support messages and blocklist row (the whole event's when participantId is null),
 * as sqlite/privacyPart.ts does; returns the number of support messages deleted.
 */
async function deleteConsoleData(
  tx: Queryable,
  eventId: string,
  participantId: string | null,
): Promise<number> {
  const where = participantId === null ? 'event_id = $1' : 'event_id = $1 AND participant_id = $2';
  const params = participantId === null ? [eventId] : [eventId, participantId];
  const { rowCount } = await tx.query(`DELETE FROM support_messages WHERE ${where}`, params);
  await tx.query(`DELETE FROM disqualified WHERE ${where}`, params);
  return rowCount ?? 0;
}

/** Builds the privacy methods of the PostgreSQL store. */
export function createPgPrivacyPart({ pool }: PgParts): PrivacyStorePart {
  return {
    async erasePerson(eventId, participantId, meta: AuditMeta): Promise<ErasePersonResult> {
      return inTransaction(pool, async (tx): Promise<ErasePersonResult> => {
        await lockEvent(tx, eventId);
        const { rows } = await tx.query<ParticipantRow>(
          'SELECT * FROM participants WHERE id = $1 AND event_id = $2 FOR UPDATE',
          [participantId, eventId],
        );
        const row = rows[0];
        if (!row) return { ok: false, reason: 'PARTICIPANT_NOT_FOUND' };
        const pending = await tx.query<PendingClaimRow>(
          `SELECT id, prize_id FROM claims WHERE participant_id = $1 AND status = 'pending' ORDER BY id FOR UPDATE`,
          [participantId],
        );
        const claimsForfeited = await forfeitAll(tx, pending.rows, meta.at);
        await tx.query(
          'UPDATE claims SET contact_sealed = NULL, contact_masked = NULL, contact_at = NULL WHERE participant_id = $1',
          [participantId],
        );
        const supportMessages = await deleteConsoleData(tx, eventId, participantId);
        await tx.query('DELETE FROM people WHERE participant_id = $1', [participantId]);
        await tx.query('DELETE FROM participants WHERE id = $1', [participantId]);
        await addCounted(tx, eventId, countedState(row), -1);
        await appendAudit(tx, eventId, meta, 'participant.erase', `participant:${participantId}`, {
          participantId,
          source: row.source,
          claimsForfeited,
          supportMessages,
        });
        return { ok: true, erased: { participantId, claimsForfeited, supportMessages } };
      });
    },

    async purgeEventPersonalData(eventId, meta): Promise<PurgeResult> {
      return inTransaction(pool, async (tx): Promise<PurgeResult> => {
        await lockEvent(tx, eventId);
        const pending = await tx.query<PendingClaimRow>(
          `SELECT id, prize_id FROM claims WHERE event_id = $1 AND status = 'pending' ORDER BY id FOR UPDATE`,
          [eventId],
        );
        const claimsForfeited = (await forfeitAll(tx, pending.rows, meta.at)).length;
        const cleared = await tx.query(
          `UPDATE claims SET contact_sealed = NULL, contact_masked = NULL, contact_at = NULL
           WHERE event_id = $1 AND (contact_sealed IS NOT NULL OR contact_masked IS NOT NULL OR contact_at IS NOT NULL)`,
          [eventId],
        );
        const supportMessages = await deleteConsoleData(tx, eventId, null);
        await tx.query('DELETE FROM people WHERE event_id = $1', [eventId]);
        const deleted = await tx.query('DELETE FROM participants WHERE event_id = $1', [eventId]);
        const result: PurgeResult = {
          participants: deleted.rowCount ?? 0,
          claimsForfeited,
          contactsCleared: cleared.rowCount ?? 0,
          supportMessages,
        };
        const { participants, contactsCleared } = result;
        if (participants + claimsForfeited + contactsCleared + supportMessages === 0) return result;
        await rebuildCounted(tx, eventId);
        await appendAudit(tx, eventId, meta, 'privacy.purge', `event:${eventId}`, { ...result });
        return result;
      });
    },

    async getEventClosedAt(eventId) {
      const [row] = await read<{ at: string | number }>(
        pool,
        `SELECT at FROM audit_log WHERE event_id = $1 AND action IN ('event.create', 'event.update')
           AND (data::jsonb ->> 'status') = 'closed' ORDER BY seq DESC LIMIT 1`,
        [eventId],
      );
      return row ? Number(row.at) : null;
    },
  };
}
