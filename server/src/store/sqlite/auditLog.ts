// The audit chain inside SQLite: records are appended in the caller's transaction, one chain per event.
import type Database from 'better-sqlite3';
import type { AuditMeta } from '../../domain/audit/actor';
import { nextStoredRecord } from '../../domain/audit/auditChain';
import type { AuditRecord, ChainHead, StoredAuditRecord } from '../../domain/audit/auditChain';
import { canonicalJson } from '../../domain/audit/canonicalJson';
import type { JsonValue } from '../../domain/audit/canonicalJson';
import { auditFromRow, type AuditRow } from './rows';

/** Appends and reads audit records; append must run inside the transaction of the change it records. */
export interface AuditLog {
  append(
    eventId: string,
    meta: AuditMeta,
    action: string,
    subject: string,
    data: JsonValue,
  ): StoredAuditRecord;
  /** Copies a record as it was (restore); the caller has checked the chain. */
  insertVerbatim(eventId: string, record: AuditRecord): void;
  list(eventId: string, afterSeq: number, limit: number): AuditRecord[];
  /** The chain's last seq and hash, or null before the first record. */
  head(eventId: string): ChainHead | null;
}

/** Builds the audit log over an open database (the table comes from the migrations). */
export function createAuditLog(db: Database.Database): AuditLog {
  const head = db.prepare<[string], ChainHead>(
    'SELECT seq, hash FROM audit_log WHERE event_id = ? ORDER BY seq DESC LIMIT 1',
  );
  const insert = db.prepare(
    `INSERT INTO audit_log (event_id, seq, at, actor, action, subject, data, prev_hash, hash)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const page = db.prepare<[string, number, number], AuditRow>(
    'SELECT * FROM audit_log WHERE event_id = ? AND seq > ? ORDER BY seq LIMIT ?',
  );

  function write(eventId: string, r: StoredAuditRecord): void {
    insert.run(eventId, r.seq, r.at, r.actor, r.action, r.subject, r.dataText, r.prevHash, r.hash);
  }

  return {
    append(eventId, meta, action, subject, data) {
      // One primary-key seek for the head: O(log n) per record, however long the chain.
      const record = nextStoredRecord(head.get(eventId) ?? null, {
        at: meta.at,
        actor: meta.actor,
        action,
        subject,
        data,
      });
      write(eventId, record);
      return record;
    },
    insertVerbatim: (eventId, { data, ...record }) =>
      write(eventId, { ...record, dataText: canonicalJson(data) }),
    list(eventId, afterSeq, limit) {
      return page.all(eventId, afterSeq, limit).map(auditFromRow);
    },
    head(eventId) {
      const row = head.get(eventId);
      return row ? { seq: row.seq, hash: row.hash } : null;
    },
  };
}
