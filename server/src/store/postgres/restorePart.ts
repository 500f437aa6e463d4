// Restoring a whole event into PostgreSQL: everything verbatim in one transaction, then the restore record.
import type { Store } from '../store';
import { appendAudit, auditHeadOf, insertAuditVerbatim, listAuditPage } from './audit';
import { rebuildCounted } from './counters';
import { inTransaction, isUniqueViolation, lockEvent, translate } from './db';
import type { PgParts } from './parts';
import { insertPersonRows } from './peoplePart';
import { insertClaimRow, insertParticipantRows, insertRoundRow } from './writers';

/** The restore (and audit listing) methods of the PostgreSQL store. */
export type PgRestorePart = Pick<Store, 'restoreEvent' | 'listAudit' | 'auditHead'>;

/** Builds the restore and audit listing methods. */
export function createPgRestorePart({ pool }: PgParts): PgRestorePart {
  return {
    async restoreEvent(s, meta) {
      const { event } = s;
      try {
        return await inTransaction(pool, async (tx) => {
          await lockEvent(tx, event.id);
          if ((await tx.query('SELECT 1 AS x FROM events WHERE id = $1', [event.id])).rows.length > 0)
            return { ok: false as const, reason: 'EVENT_EXISTS' as const };
          if (
            (await tx.query('SELECT 1 AS x FROM events WHERE join_code = $1', [event.joinCode])).rows.length >
            0
          )
            return { ok: false as const, reason: 'JOIN_CODE_TAKEN' as const };
          await tx.query(
            'INSERT INTO events (id, title, join_code, status, settings, created_at) VALUES ($1, $2, $3, $4, $5, $6)',
            [
              event.id,
              event.title,
              event.joinCode,
              event.status,
              JSON.stringify(event.settings),
              event.createdAt,
            ],
          );
          for (const p of s.prizes) {
            await tx.query(
              `INSERT INTO prizes (id, event_id, name, description, image_url, quantity, awarded, created_at)
               VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
              [p.id, p.eventId, p.name, p.description, p.imageUrl, p.quantity, p.awarded, p.createdAt],
            );
          }
          await insertParticipantRows(tx, s.participants);
          await insertPersonRows(tx, s.people);
          for (const { round, entries } of s.rounds) {
            await insertRoundRow(tx, round);
            if (entries !== null) {
              await tx.query('INSERT INTO round_entries (round_id, entries) VALUES ($1, $2)', [
                round.id,
                JSON.stringify(entries),
              ]);
            }
          }
          for (const c of s.claims) await insertClaimRow(tx, c);
          for (const m of s.supportMessages) {
            await tx.query(
              `INSERT INTO support_messages (id, event_id, participant_id, body, created_at, answer, answered_at, read_at)
               VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
              [m.id, event.id, m.participantId, m.body, m.createdAt, m.answer, m.answeredAt, m.readAt],
            );
          }
          for (const record of s.audit) await insertAuditVerbatim(tx, event.id, record);
          await rebuildCounted(tx, event.id);
          await appendAudit(tx, event.id, meta, 'event.restore', `event:${event.id}`, {
            participants: s.participants.length,
            rounds: s.rounds.length,
            claims: s.claims.length,
            auditRecords: s.audit.length,
            previousHead: s.audit.length === 0 ? null : (s.audit.at(-1)?.hash ?? null),
          });
          return { ok: true as const };
        });
      } catch (err) {
        if (isUniqueViolation(err, 'events_pkey')) return { ok: false, reason: 'EVENT_EXISTS' };
        if (isUniqueViolation(err, 'events_join_code_key')) return { ok: false, reason: 'JOIN_CODE_TAKEN' };
        throw err;
      }
    },
    async listAudit(eventId, afterSeq, limit) {
      try {
        return await listAuditPage(pool, eventId, afterSeq, limit);
      } catch (err) {
        return translate(err);
      }
    },
    async auditHead(eventId) {
      try {
        return await auditHeadOf(pool, eventId);
      } catch (err) {
        return translate(err);
      }
    },
  };
}
