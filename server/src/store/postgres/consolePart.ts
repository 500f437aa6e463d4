// The host console's store methods on PostgreSQL: staff credentials, the blocklist, participant search,
// the support inbox and the join histogram. Every change is one transaction under the event's advisory
// lock with its audit record; phones' support messages arriving together share one commit.
import type { AuditMeta } from '../../domain/audit/actor';
import type { ChainHead } from '../../domain/audit/auditChain';
import { UNLINKED_DEVICE_PREFIX } from '../../domain/types';
import type { ConsoleStorePart, SupportMessage } from '../consoleStore';
import {
  likePattern,
  staffFromRow,
  supportFromRow,
  type StaffRow,
  type SupportRow,
} from '../sqlite/consolePart';
import { participantFromRow, type ParticipantRow } from '../sqlite/rows';
import { appendAudit } from './audit';
import { inTransaction, lockEvent, lockEventsSql, read, type Queryable } from './db';
import { createPgGroupCommit } from './groupCommit';
import type { PgParts } from './parts';

interface SupportItem {
  message: SupportMessage;
  meta: AuditMeta;
}

/** Writes a batch of support messages in order, each with its audit record (one chain head per event). */
async function applySupportBatch(tx: Queryable, items: SupportItem[]): Promise<void[]> {
  const heads = new Map<string, ChainHead | null>();
  for (const { message: m, meta } of items) {
    await tx.query(
      `INSERT INTO support_messages (id, event_id, participant_id, body, created_at, answer, answered_at, read_at)
       VALUES ($1, $2, $3, $4, $5, NULL, NULL, NULL)`,
      [m.id, m.eventId, m.participantId, m.body, m.createdAt],
    );
    await appendAudit(
      tx,
      m.eventId,
      meta,
      'support.message',
      m.id,
      { participantId: m.participantId },
      heads,
    );
  }
  return items.map(() => undefined);
}

/** The console methods of the PostgreSQL store, plus what close() waits for. */
export type PgConsolePart = ConsoleStorePart & { drain(): Promise<void> };

/** Builds the console methods (the same rows, orders and audit records as the SQLite store's). */
export function createPgConsolePart({ pool }: PgParts): PgConsolePart {
  const supportCommits = createPgGroupCommit<SupportItem, void>(pool, applySupportBatch, (escape, items) =>
    lockEventsSql(
      escape,
      items.map((i) => i.message.eventId),
    ),
  );
  const staffById = async (tx: Queryable, id: string) =>
    (await tx.query<StaffRow>('SELECT * FROM staff_credentials WHERE id = $1', [id])).rows[0];
  const supportById = async (tx: Queryable, id: string) =>
    (await tx.query<SupportRow>('SELECT * FROM support_messages WHERE id = $1', [id])).rows[0];
  /** The event a row belongs to, read before the transaction so it can take that event's lock. */
  const eventOf = async (table: 'staff_credentials' | 'support_messages', id: string) =>
    (await read<{ event_id: string }>(pool, `SELECT event_id FROM ${table} WHERE id = $1`, [id]))[0]
      ?.event_id;

  return {
    async insertStaffCredential(c, meta) {
      await inTransaction(pool, async (tx) => {
        await lockEvent(tx, c.eventId);
        await tx.query(
          `INSERT INTO staff_credentials (id, event_id, label, token_hash, created_at, revoked_at)
           VALUES ($1, $2, $3, $4, $5, NULL)`,
          [c.id, c.eventId, c.label, c.tokenHash, c.createdAt],
        );
        await appendAudit(tx, c.eventId, meta, 'staff.create', c.id, { label: c.label });
      });
    },
    async getStaffCredentialByHash(tokenHash) {
      const [row] = await read<StaffRow>(pool, 'SELECT * FROM staff_credentials WHERE token_hash = $1', [
        tokenHash,
      ]);
      return row ? staffFromRow(row) : null;
    },
    async listStaffCredentials(eventId) {
      const rows = await read<StaffRow>(
        pool,
        'SELECT * FROM staff_credentials WHERE event_id = $1 ORDER BY created_at, id',
        [eventId],
      );
      return rows.map(staffFromRow);
    },
    async revokeStaffCredential(credentialId, meta) {
      const eventId = await eventOf('staff_credentials', credentialId);
      if (eventId === undefined) return null;
      return inTransaction(pool, async (tx) => {
        await lockEvent(tx, eventId);
        const { rowCount } = await tx.query(
          'UPDATE staff_credentials SET revoked_at = $1 WHERE id = $2 AND revoked_at IS NULL',
          [meta.at, credentialId],
        );
        const row = await staffById(tx, credentialId);
        if (!row) return null;
        if (rowCount)
          await appendAudit(tx, eventId, meta, 'staff.revoke', credentialId, { label: row.label });
        return staffFromRow(row);
      });
    },
    async setDisqualified(eventId, participantId, disqualified, meta) {
      return inTransaction(pool, async (tx) => {
        await lockEvent(tx, eventId);
        const known = await tx.query('SELECT 1 AS x FROM participants WHERE id = $1 AND event_id = $2', [
          participantId,
          eventId,
        ]);
        if (known.rows.length === 0) return false;
        const { rowCount } = disqualified
          ? await tx.query(
              `INSERT INTO disqualified (event_id, participant_id, at) VALUES ($1, $2, $3)
               ON CONFLICT (event_id, participant_id) DO NOTHING`,
              [eventId, participantId, meta.at],
            )
          : await tx.query('DELETE FROM disqualified WHERE event_id = $1 AND participant_id = $2', [
              eventId,
              participantId,
            ]);
        if (!rowCount) return false;
        const action = disqualified ? 'participant.disqualify' : 'participant.readmit';
        await appendAudit(tx, eventId, meta, action, participantId, {});
        return true;
      });
    },
    async listDisqualified(eventId) {
      const rows = await read<{ participant_id: string }>(
        pool,
        'SELECT participant_id FROM disqualified WHERE event_id = $1 ORDER BY at, ord',
        [eventId],
      );
      return rows.map((r) => r.participant_id);
    },
    async searchParticipants(eventId, query, { offset, limit }) {
      const id = query.trim();
      // ILIKE: case-insensitive at least for ASCII, as SQLite's LIKE; the backslash escapes % and _.
      const where = `event_id = $1 AND (nickname ILIKE $2 ESCAPE '\\' OR id = $3)`;
      const values = [eventId, likePattern(id), id];
      const [count, page] = await Promise.all([
        read<{ n: number }>(pool, `SELECT COUNT(*) AS n FROM participants WHERE ${where}`, values),
        read<ParticipantRow>(
          pool,
          `SELECT * FROM participants WHERE ${where} ORDER BY joined_at, ord LIMIT $4 OFFSET $5`,
          [...values, limit, offset],
        ),
      ]);
      return { total: count[0]?.n ?? 0, participants: page.map(participantFromRow) };
    },
    insertSupportMessage: (message, meta) => supportCommits.submit({ message, meta }),
    async answerSupportMessage(messageId, answer, meta) {
      const eventId = await eventOf('support_messages', messageId);
      if (eventId === undefined) return null;
      return inTransaction(pool, async (tx) => {
        await lockEvent(tx, eventId);
        const { rowCount } = await tx.query(
          'UPDATE support_messages SET answer = $1, answered_at = $2, read_at = COALESCE(read_at, $2) WHERE id = $3',
          [answer, meta.at, messageId],
        );
        if (!rowCount) return null;
        await appendAudit(tx, eventId, meta, 'support.answer', messageId, {});
        const row = await supportById(tx, messageId);
        return row ? supportFromRow(row) : null;
      });
    },
    async markSupportRead(eventId, messageIds, at) {
      if (messageIds.length === 0) return 0;
      // One statement: atomic on its own, and a second caller's rows are already read (read_at IS NULL).
      return inTransaction(pool, async (tx) => {
        const { rowCount } = await tx.query(
          `UPDATE support_messages SET read_at = $1
           WHERE id = ANY($2::text[]) AND event_id = $3 AND read_at IS NULL`,
          [at, [...new Set(messageIds)], eventId],
        );
        return rowCount ?? 0;
      });
    },
    async getSupportMessage(messageId) {
      const [row] = await read<SupportRow>(pool, 'SELECT * FROM support_messages WHERE id = $1', [messageId]);
      return row ? supportFromRow(row) : null;
    },
    async listSupportMessages(eventId, participantId) {
      const rows =
        participantId === undefined
          ? await read<SupportRow>(
              pool,
              'SELECT * FROM support_messages WHERE event_id = $1 ORDER BY created_at, ord',
              [eventId],
            )
          : await read<SupportRow>(
              pool,
              `SELECT * FROM support_messages WHERE event_id = $1 AND participant_id = $2
               ORDER BY created_at, ord`,
              [eventId, participantId],
            );
      return rows.map(supportFromRow);
    },
    async joinHistogram(eventId, bucketMs) {
      const size = Math.max(1, Math.floor(bucketMs));
      return read<{ at: number; joins: number }>(
        pool,
        `SELECT (joined_at / $1::bigint) * $1::bigint AS at, COUNT(*) AS joins FROM participants
         WHERE event_id = $2 GROUP BY 1 ORDER BY 1`,
        [size, eventId],
      );
    },
    async countPhoneJoins(eventId) {
      const [row] = await read<{ n: number }>(
        pool,
        `SELECT COUNT(*) AS n FROM participants WHERE event_id = $1 AND left(device_token_hash, length($2)) <> $2`,
        [eventId, UNLINKED_DEVICE_PREFIX],
      );
      return row?.n ?? 0;
    },
    drain: () => supportCommits.drain(),
  };
}
