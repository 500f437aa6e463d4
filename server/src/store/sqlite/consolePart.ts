// SQLite side of the console's store methods: staff credentials, disqualifications, participant search.
import { UNLINKED_DEVICE_PREFIX } from '../../domain/types';
import type { ConsoleStorePart, StaffCredential, SupportMessage } from '../consoleStore';
import type { SqliteParts } from './parts';
import { participantFromRow, type ParticipantRow } from './rows';

/** A row of `staff_credentials` (the PostgreSQL store reads the same columns). */
export interface StaffRow {
  id: string;
  event_id: string;
  label: string;
  token_hash: string;
  created_at: number;
  revoked_at: number | null;
}

/** Maps a staff credential row; shared with the PostgreSQL store. */
export const staffFromRow = (r: StaffRow): StaffCredential => ({
  id: r.id,
  eventId: r.event_id,
  label: r.label,
  tokenHash: r.token_hash,
  createdAt: r.created_at,
  revokedAt: r.revoked_at,
});

/** A row of `support_messages` (the PostgreSQL store reads the same columns). */
export interface SupportRow {
  id: string;
  event_id: string;
  participant_id: string;
  body: string;
  created_at: number;
  answer: string | null;
  answered_at: number | null;
  read_at: number | null;
}

/** Maps a support message row; shared with the PostgreSQL store. */
export const supportFromRow = (r: SupportRow): SupportMessage => ({
  id: r.id,
  eventId: r.event_id,
  participantId: r.participant_id,
  body: r.body,
  createdAt: r.created_at,
  answer: r.answer,
  answeredAt: r.answered_at,
  readAt: r.read_at,
});

/** `%` and `_` typed by the host are matched literally (both stores escape with a backslash). */
export const likePattern = (q: string) => `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

type AuditMetaOf = Parameters<ConsoleStorePart['insertSupportMessage']>[1];

/** Builds the console methods. */
export function createConsolePart({ db, audit }: SqliteParts): ConsoleStorePart {
  const sql = {
    insertStaff: db.prepare(
      'INSERT INTO staff_credentials (id, event_id, label, token_hash, created_at, revoked_at) VALUES (?, ?, ?, ?, ?, NULL)',
    ),
    staffByHash: db.prepare<[string], StaffRow>('SELECT * FROM staff_credentials WHERE token_hash = ?'),
    staffById: db.prepare<[string], StaffRow>('SELECT * FROM staff_credentials WHERE id = ?'),
    staffOfEvent: db.prepare<[string], StaffRow>(
      'SELECT * FROM staff_credentials WHERE event_id = ? ORDER BY created_at, id',
    ),
    revoke: db.prepare('UPDATE staff_credentials SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL'),
    participantOfEvent: db.prepare<[string, string], { id: string }>(
      'SELECT id FROM participants WHERE id = ? AND event_id = ?',
    ),
    disqualify: db.prepare(
      'INSERT OR IGNORE INTO disqualified (event_id, participant_id, at) VALUES (?, ?, ?)',
    ),
    readmit: db.prepare('DELETE FROM disqualified WHERE event_id = ? AND participant_id = ?'),
    disqualifiedOf: db.prepare<[string], { participant_id: string }>(
      'SELECT participant_id FROM disqualified WHERE event_id = ? ORDER BY at, rowid',
    ),
    search: db.prepare<[string, string, string, number, number], ParticipantRow>(
      `SELECT * FROM participants WHERE event_id = ? AND (nickname LIKE ? ESCAPE '\\' OR id = ?)
       ORDER BY joined_at, id LIMIT ? OFFSET ?`,
    ),
    insertSupport: db.prepare(
      `INSERT INTO support_messages (id, event_id, participant_id, body, created_at, answer, answered_at, read_at)
       VALUES (?, ?, ?, ?, ?, NULL, NULL, NULL)`,
    ),
    supportById: db.prepare<[string], SupportRow>('SELECT * FROM support_messages WHERE id = ?'),
    answer: db.prepare(
      'UPDATE support_messages SET answer = ?, answered_at = ?, read_at = COALESCE(read_at, ?) WHERE id = ?',
    ),
    markRead: db.prepare(
      'UPDATE support_messages SET read_at = ? WHERE id = ? AND event_id = ? AND read_at IS NULL',
    ),
    supportOfEvent: db.prepare<[string], SupportRow>(
      'SELECT * FROM support_messages WHERE event_id = ? ORDER BY created_at, rowid',
    ),
    supportOfParticipant: db.prepare<[string, string], SupportRow>(
      'SELECT * FROM support_messages WHERE event_id = ? AND participant_id = ? ORDER BY created_at, rowid',
    ),
    histogram: db.prepare<[number, number, string], { at: number; joins: number }>(
      `SELECT (joined_at / CAST(? AS INTEGER)) * CAST(? AS INTEGER) AS at, COUNT(*) AS joins FROM participants WHERE event_id = ?
       GROUP BY at ORDER BY at`,
    ),
    phoneJoins: db.prepare<[string, string, string], { n: number }>(
      `SELECT COUNT(*) AS n FROM participants WHERE event_id = ? AND substr(device_token_hash, 1, length(?)) <> ?`,
    ),
    searchCount: db.prepare<[string, string, string], { n: number }>(
      `SELECT COUNT(*) AS n FROM participants WHERE event_id = ? AND (nickname LIKE ? ESCAPE '\\' OR id = ?)`,
    ),
  };

  const insertStaffTx = db.transaction(
    (c: StaffCredential, meta: Parameters<ConsoleStorePart['insertStaffCredential']>[1]) => {
      sql.insertStaff.run(c.id, c.eventId, c.label, c.tokenHash, c.createdAt);
      audit.append(c.eventId, meta, 'staff.create', c.id, { label: c.label });
    },
  );
  const revokeTx = db.transaction(
    (id: string, meta: Parameters<ConsoleStorePart['revokeStaffCredential']>[1]) => {
      const row = sql.staffById.get(id);
      if (!row) return null;
      if (sql.revoke.run(meta.at, id).changes > 0) {
        audit.append(row.event_id, meta, 'staff.revoke', id, { label: row.label });
      }
      return staffFromRow(sql.staffById.get(id)!);
    },
  );
  const disqualifyTx = db.transaction(
    (
      eventId: string,
      participantId: string,
      on: boolean,
      meta: Parameters<ConsoleStorePart['setDisqualified']>[3],
    ) => {
      if (!sql.participantOfEvent.get(participantId, eventId)) return false;
      const changed = on
        ? sql.disqualify.run(eventId, participantId, meta.at).changes > 0
        : sql.readmit.run(eventId, participantId).changes > 0;
      if (changed)
        audit.append(eventId, meta, on ? 'participant.disqualify' : 'participant.readmit', participantId, {});
      return changed;
    },
  );

  const insertSupportTx = db.transaction((m: SupportMessage, meta: AuditMetaOf) => {
    sql.insertSupport.run(m.id, m.eventId, m.participantId, m.body, m.createdAt);
    audit.append(m.eventId, meta, 'support.message', m.id, { participantId: m.participantId });
  });
  const answerTx = db.transaction((id: string, answer: string, meta: AuditMetaOf) => {
    const row = sql.supportById.get(id);
    if (!row) return null;
    sql.answer.run(answer, meta.at, meta.at, id);
    audit.append(row.event_id, meta, 'support.answer', id, {});
    return supportFromRow(sql.supportById.get(id)!);
  });
  const markReadTx = db.transaction((eventId: string, ids: readonly string[], at: number) => {
    let n = 0;
    for (const id of ids) n += sql.markRead.run(at, id, eventId).changes;
    return n;
  });

  return {
    async insertSupportMessage(message, meta) {
      insertSupportTx(message, meta);
    },
    async answerSupportMessage(messageId, answer, meta) {
      return answerTx(messageId, answer, meta);
    },
    async markSupportRead(eventId, messageIds, at) {
      return markReadTx(eventId, messageIds, at);
    },
    async getSupportMessage(messageId) {
      const row = sql.supportById.get(messageId);
      return row ? supportFromRow(row) : null;
    },
    async listSupportMessages(eventId, participantId) {
      const rows =
        participantId === undefined
          ? sql.supportOfEvent.all(eventId)
          : sql.supportOfParticipant.all(eventId, participantId);
      return rows.map(supportFromRow);
    },
    async joinHistogram(eventId, bucketMs) {
      const size = Math.max(1, Math.floor(bucketMs));
      return sql.histogram.all(size, size, eventId);
    },
    async countPhoneJoins(eventId) {
      return sql.phoneJoins.get(eventId, UNLINKED_DEVICE_PREFIX, UNLINKED_DEVICE_PREFIX)?.n ?? 0;
    },
    async insertStaffCredential(credential, meta) {
      insertStaffTx(credential, meta);
    },
    async getStaffCredentialByHash(tokenHash) {
      const row = sql.staffByHash.get(tokenHash);
      return row ? staffFromRow(row) : null;
    },
    async listStaffCredentials(eventId) {
      return sql.staffOfEvent.all(eventId).map(staffFromRow);
    },
    async revokeStaffCredential(credentialId, meta) {
      return revokeTx(credentialId, meta);
    },
    async setDisqualified(eventId, participantId, disqualified, meta) {
      return disqualifyTx(eventId, participantId, disqualified, meta);
    },
    async listDisqualified(eventId) {
      return sql.disqualifiedOf.all(eventId).map((r) => r.participant_id);
    },
    async searchParticipants(eventId, query, { offset, limit }) {
      const pattern = likePattern(query.trim());
      const id = query.trim();
      return {
        total: sql.searchCount.get(eventId, pattern, id)?.n ?? 0,
        participants: sql.search.all(eventId, pattern, id, limit, offset).map(participantFromRow),
      };
    },
  };
}
