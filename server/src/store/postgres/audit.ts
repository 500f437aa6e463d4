// The audit chain in PostgreSQL: appended in the caller's transaction, under the event's advisory lock.
import type { AuditMeta } from '../../domain/audit/actor';
import { nextStoredRecord } from '../../domain/audit/auditChain';
import type { AuditRecord, ChainHead, StoredAuditRecord } from '../../domain/audit/auditChain';
import { canonicalJson } from '../../domain/audit/canonicalJson';
import type { JsonValue } from '../../domain/audit/canonicalJson';
import { auditFromRow, type AuditRow } from '../sqlite/rows';
import type { Queryable } from './db';

async function write(tx: Queryable, eventId: string, r: StoredAuditRecord): Promise<void> {
  await tx.query(
    `INSERT INTO audit_log (event_id, seq, at, actor, action, subject, data, prev_hash, hash)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
    [eventId, r.seq, r.at, r.actor, r.action, r.subject, r.dataText, r.prevHash, r.hash],
  );
}

/**
 * Appends one record after the event's head. The caller holds lockEvent(eventId), so no other node reads
 * the same head; the (event_id, seq) key would refuse a second record n anyway.
 */
export async function appendAudit(
  tx: Queryable,
  eventId: string,
  meta: AuditMeta,
  action: string,
  subject: string,
  data: JsonValue,
  /** Heads already known in this transaction (a join batch appends many records to one chain). */
  heads?: Map<string, ChainHead | null>,
): Promise<StoredAuditRecord> {
  let head = heads?.get(eventId);
  if (head === undefined) {
    const { rows } = await tx.query<ChainHead>(
      'SELECT seq, hash FROM audit_log WHERE event_id = $1 ORDER BY seq DESC LIMIT 1',
      [eventId],
    );
    head = rows[0] ?? null;
  }
  const record = nextStoredRecord(head, {
    at: meta.at,
    actor: meta.actor,
    action,
    subject,
    data,
  });
  await write(tx, eventId, record);
  heads?.set(eventId, { seq: record.seq, hash: record.hash });
  return record;
}

/** Copies a record as it was (restore); the caller has checked the chain. */
export async function insertAuditVerbatim(
  tx: Queryable,
  eventId: string,
  record: AuditRecord,
): Promise<void> {
  const { data, ...rest } = record;
  await write(tx, eventId, { ...rest, dataText: canonicalJson(data) });
}

/** A page of the chain after `afterSeq`. */
export async function listAuditPage(
  db: Queryable,
  eventId: string,
  afterSeq: number,
  limit: number,
): Promise<AuditRecord[]> {
  const { rows } = await db.query<AuditRow>(
    'SELECT * FROM audit_log WHERE event_id = $1 AND seq > $2 ORDER BY seq LIMIT $3',
    [eventId, afterSeq, limit],
  );
  return rows.map(auditFromRow);
}

/** The event's last audit seq and hash (null before the first record): one index seek. */
export async function auditHeadOf(db: Queryable, eventId: string): Promise<ChainHead | null> {
  const { rows } = await db.query<{ seq: string | number; hash: string }>(
    'SELECT seq, hash FROM audit_log WHERE event_id = $1 ORDER BY seq DESC LIMIT 1',
    [eventId],
  );
  const row = rows[0];
  return row ? { seq: Number(row.seq), hash: row.hash } : null;
}
