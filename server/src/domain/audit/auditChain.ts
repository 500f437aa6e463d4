// The append-only audit log: each record carries the hash of the one before, so editing, deleting or
// reordering any stored row breaks the chain at that row.
import { hash as digestOf } from 'node:crypto';
import { DrawcastError, ErrorCode } from '@drawcast/shared';
import { canonicalJson } from './canonicalJson';
import type { JsonValue } from './canonicalJson';

/** prevHash of the first record: 64 zeros, so record 1 links to "nothing" explicitly. */
export const GENESIS_HASH = '0'.repeat(64);

/** One state change: who (actor) did what (action) to which thing (subject), when, with details. */
export interface AuditRecord {
  /** 1, 2, 3, … with no gaps. */
  seq: number;
  /** Epoch ms. */
  at: number;
  actor: string;
  action: string;
  subject: string;
  data: JsonValue;
  prevHash: string;
  /** Lowercase hex SHA-256 of the canonical JSON of every other field. */
  hash: string;
}

/** What a caller supplies; seq, prevHash and hash are derived. */
export type AuditFields = Pick<AuditRecord, 'at' | 'actor' | 'action' | 'subject' | 'data'>;

/** Where a verified chain ends; store it elsewhere (or publish it) to detect a truncated log later. */
export interface ChainHead {
  seq: number;
  hash: string;
}

/**
 * The verdict of verifyChain: the first broken link is named by the seq expected at that position;
 * `truncated` says the log ends before a head known from outside (a proof, a backup, a screenshot).
 */
export type ChainVerdict =
  | { ok: true; count: number; head: ChainHead | null; anchoredAt?: ChainHead }
  | { ok: false; brokenAt: number; reason: string; truncated?: boolean };

const HEX64 = /^[0-9a-f]{64}$/;

/** One-shot SHA-256 (node:crypto's hash(): no Hash object per record, about 2× faster than createHash). */
function sha256Hex(text: string): string {
  return digestOf('sha256', text, 'hex');
}
const MAX_LABEL = 200;

/** The record hash: SHA-256 over sorted-key JSON of {seq, at, actor, action, subject, data, prevHash}. */
export function hashRecord(record: Omit<AuditRecord, 'hash'>): string {
  const { seq, at, actor, action, subject, data, prevHash } = record;
  const text = canonicalJson({ seq, at, actor, action, subject, data, prevHash }, 'record');
  return sha256Hex(text);
}

function checkLabel(value: unknown, field: string): string {
  if (typeof value !== 'string' || value.length === 0 || value.length > MAX_LABEL) {
    throw new DrawcastError(
      ErrorCode.VALIDATION_FAILED,
      `${field} must be a string of 1..${MAX_LABEL} characters`,
      field,
    );
  }
  return value;
}

/**
 * The text hashRecord hashes, built around data already in canonical form: byte-identical to
 * canonicalJson of the whole record (keys in sorted order), with one serialisation of data per append.
 */
function recordText(body: Omit<AuditRecord, 'hash' | 'data'>, dataText: string): string {
  const s = JSON.stringify;
  return (
    `{"action":${s(body.action)},"actor":${s(body.actor)},"at":${s(body.at)},"data":${dataText},` +
    `"prevHash":${s(body.prevHash)},"seq":${s(body.seq)},"subject":${s(body.subject)}}`
  );
}

/** A record as a store writes it: data as its canonical JSON text (exactly what was hashed). */
export type StoredAuditRecord = Omit<AuditRecord, 'data'> & { dataText: string };

/**
 * Builds the next record after `prev` (null for the first) in stored form, serialising data once; the
 * store must insert it atomically after prev. Only prev's seq and hash matter, so a store passes its head.
 */
export function nextStoredRecord(prev: ChainHead | null, fields: AuditFields): StoredAuditRecord {
  if (typeof fields.at !== 'number' || !Number.isSafeInteger(fields.at) || fields.at < 0) {
    throw new DrawcastError(ErrorCode.VALIDATION_FAILED, 'at must be epoch milliseconds', 'at');
  }
  // Canonical text first: refuses non-JSON data now, and is exactly what is hashed and stored.
  const dataText = canonicalJson(fields.data);
  const record: StoredAuditRecord = {
    seq: prev === null ? 1 : prev.seq + 1,
    at: fields.at,
    actor: checkLabel(fields.actor, 'actor'),
    action: checkLabel(fields.action, 'action'),
    subject: checkLabel(fields.subject, 'subject'),
    prevHash: prev === null ? GENESIS_HASH : prev.hash,
    dataText,
    hash: '',
  };
  record.hash = sha256Hex(recordText(record, dataText));
  return record;
}

/** Builds the next record after `prev` (null for the first); see nextStoredRecord. */
export function appendRecord(prev: ChainHead | null, fields: AuditFields): AuditRecord {
  const { dataText, ...record } = nextStoredRecord(prev, fields);
  return { ...record, data: JSON.parse(dataText) as JsonValue };
}

function malformed(record: AuditRecord): string | null {
  if (typeof record !== 'object' || record === null) return 'is not an object';
  if (!Number.isSafeInteger(record.seq)) return 'seq is not an integer';
  if (!Number.isSafeInteger(record.at)) return 'at is not an integer';
  for (const key of ['actor', 'action', 'subject'] as const) {
    if (typeof record[key] !== 'string') return `${key} is not a string`;
  }
  if (typeof record.prevHash !== 'string' || !HEX64.test(record.prevHash))
    return 'prevHash is not 64 hex digits';
  if (typeof record.hash !== 'string' || !HEX64.test(record.hash)) return 'hash is not 64 hex digits';
  return null;
}

/**
 * Walks the records in stored order and reports the first broken link: an edited field (hash or
 * prevHash mismatch), a deleted or reordered row (seq out of sequence). With `expectedHead` (kept
 * outside the log; its hash may be a prefix of at least 8 hex digits, as read off a screen), a log cut
 * short after that point is detected too (truncated: true), and a rewritten one at that record.
 */
export function verifyChain(
  records: Iterable<AuditRecord>,
  options: { expectedHead?: ChainHead } = {},
): ChainVerdict {
  let expected = 1;
  let prevHash = GENESIS_HASH;
  let headSeen = false;
  const anchor = options.expectedHead;
  for (const record of records) {
    const problem = malformed(record);
    if (problem)
      return { ok: false, brokenAt: expected, reason: `record ${expected} is malformed: ${problem}` };
    if (record.seq !== expected) {
      const reason =
        record.seq > expected
          ? `record ${expected} is missing (found seq ${record.seq} in its place): deleted or reordered`
          : `found seq ${record.seq} where ${expected} was expected: duplicated, reordered or edited`;
      return { ok: false, brokenAt: expected, reason };
    }
    if (record.prevHash !== prevHash) {
      return {
        ok: false,
        brokenAt: expected,
        reason: `record ${expected} does not link to the hash of record ${expected - 1}`,
      };
    }
    let recomputed: string;
    try {
      recomputed = hashRecord(record);
    } catch {
      return { ok: false, brokenAt: expected, reason: `record ${expected} has data that is not plain JSON` };
    }
    if (recomputed !== record.hash) {
      return {
        ok: false,
        brokenAt: expected,
        reason: `record ${expected} was edited: its hash does not match its contents`,
      };
    }
    if (anchor && record.seq === anchor.seq) {
      if (anchor.hash.length < 8 || !record.hash.startsWith(anchor.hash)) {
        return {
          ok: false,
          brokenAt: expected,
          reason: `record ${expected} differs from the recorded head hash`,
        };
      }
      headSeen = true;
    }
    prevHash = record.hash;
    expected++;
  }
  if (anchor && !headSeen && anchor.seq > 0) {
    return {
      ok: false,
      brokenAt: expected,
      reason: `the log ends at record ${expected - 1} but record ${anchor.seq} existed (head ${anchor.seq}:${anchor.hash.slice(0, 12)}): records were cut off the end`,
      truncated: true,
    };
  }
  const count = expected - 1;
  const head = count === 0 ? null : { seq: count, hash: prevHash };
  return anchor ? { ok: true, count, head, anchoredAt: { ...anchor } } : { ok: true, count, head };
}
