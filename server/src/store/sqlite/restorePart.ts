// Restoring a whole event into SQLite: everything verbatim in one transaction, then the restore record.
import type { AuditMeta } from '../../domain/audit/actor';
import type { EventSnapshot, RestoreResult, Store } from '../store';
import { prepareClaimInsert } from './claimPart';
import { prepareParticipantInsert } from './participantPart';
import type { SqliteParts } from './parts';
import { preparePersonInsert } from './peoplePart';
import { prepareRoundInsert } from './roundPart';

/** The restore method of the SQLite store. */
export type RestorePart = Pick<Store, 'restoreEvent' | 'listAudit' | 'auditHead'>;

/** Builds the restore (and audit listing) methods. */
export function createRestorePart({ db, audit, counters, rows }: SqliteParts): RestorePart {
  const insertParticipant = prepareParticipantInsert(db);
  const insertPerson = preparePersonInsert(db);
  const insertRound = prepareRoundInsert(db);
  const insertClaim = prepareClaimInsert(db);
  const sql = {
    eventExists: db.prepare<[string], { id: string }>('SELECT id FROM events WHERE id = ?'),
    joinCodeUsed: db.prepare<[string], { id: string }>('SELECT id FROM events WHERE join_code = ?'),
    insertEvent: db.prepare(
      'INSERT INTO events (id, title, join_code, status, settings, created_at) VALUES (?, ?, ?, ?, ?, ?)',
    ),
    insertPrize: db.prepare(
      `INSERT INTO prizes (id, event_id, name, description, image_url, quantity, awarded, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    insertEntries: db.prepare('INSERT INTO round_entries (round_id, entries) VALUES (?, ?)'),
    insertSupport: db.prepare(
      `INSERT INTO support_messages (id, event_id, participant_id, body, created_at, answer, answered_at, read_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
  };

  const restoreTx = db.transaction((s: EventSnapshot, meta: AuditMeta): RestoreResult => {
    rows.invalidate();
    const { event } = s;
    if (sql.eventExists.get(event.id)) return { ok: false, reason: 'EVENT_EXISTS' };
    if (sql.joinCodeUsed.get(event.joinCode)) return { ok: false, reason: 'JOIN_CODE_TAKEN' };
    sql.insertEvent.run(
      event.id,
      event.title,
      event.joinCode,
      event.status,
      JSON.stringify(event.settings),
      event.createdAt,
    );
    for (const p of s.prizes) {
      sql.insertPrize.run(
        p.id,
        p.eventId,
        p.name,
        p.description,
        p.imageUrl,
        p.quantity,
        p.awarded,
        p.createdAt,
      );
    }
    for (const p of s.participants) insertParticipant(p);
    for (const p of s.people) insertPerson(p);
    for (const { round, entries } of s.rounds) {
      insertRound(round);
      if (entries !== null) sql.insertEntries.run(round.id, JSON.stringify(entries));
    }
    for (const c of s.claims) insertClaim(c);
    for (const m of s.supportMessages) {
      sql.insertSupport.run(
        m.id,
        event.id,
        m.participantId,
        m.body,
        m.createdAt,
        m.answer,
        m.answeredAt,
        m.readAt,
      );
    }
    for (const record of s.audit) audit.insertVerbatim(event.id, record);
    counters.rebuild(event.id);
    audit.append(event.id, meta, 'event.restore', `event:${event.id}`, {
      participants: s.participants.length,
      rounds: s.rounds.length,
      claims: s.claims.length,
      auditRecords: s.audit.length,
      previousHead: s.audit.length === 0 ? null : (s.audit.at(-1)?.hash ?? null),
    });
    return { ok: true };
  });

  return {
    async restoreEvent(snapshot, meta) {
      return restoreTx(snapshot, meta);
    },
    async listAudit(eventId, afterSeq, limit) {
      return audit.list(eventId, afterSeq, limit);
    },
    async auditHead(eventId) {
      return audit.head(eventId);
    },
  };
}
