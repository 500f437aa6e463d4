// Privacy deletion in SQLite: one person's data, or a whole closed event's, erased in one transaction.
// The frozen lists, rounds, claims and audit chain keep only opaque ids, so nothing there is touched.
import type { AuditMeta } from '../../domain/audit/actor';
import type { ErasePersonResult, PrivacyStorePart, PurgeResult } from '../privacyStore';
import type { SqliteParts } from './parts';
import { countedState } from './participantPart';
import type { ParticipantRow } from './rows';

interface PendingClaimRow {
  id: string;
  prize_id: string;
}

/** Builds the privacy methods of the SQLite store. */
export function createPrivacyPart({ db, audit, counters, rows }: SqliteParts): PrivacyStorePart {
  const sql = {
    participant: db.prepare<[string, string], ParticipantRow>(
      'SELECT * FROM participants WHERE id = ? AND event_id = ?',
    ),
    pendingOf: db.prepare<[string], PendingClaimRow>(
      "SELECT id, prize_id FROM claims WHERE participant_id = ? AND status = 'pending' ORDER BY id",
    ),
    pendingOfEvent: db.prepare<[string], PendingClaimRow>(
      "SELECT id, prize_id FROM claims WHERE event_id = ? AND status = 'pending' ORDER BY id",
    ),
    forfeit: db.prepare(
      "UPDATE claims SET status = 'forfeited', forfeited_at = ?, forfeit_reason = 'no_show' WHERE id = ? AND status = 'pending'",
    ),
    freePrizeUnit: db.prepare('UPDATE prizes SET awarded = awarded - 1 WHERE id = ? AND awarded > 0'),
    clearContacts: db.prepare(
      'UPDATE claims SET contact_sealed = NULL, contact_masked = NULL, contact_at = NULL WHERE participant_id = ?',
    ),
    clearEventContacts: db.prepare(
      `UPDATE claims SET contact_sealed = NULL, contact_masked = NULL, contact_at = NULL
       WHERE event_id = ? AND (contact_sealed IS NOT NULL OR contact_masked IS NOT NULL OR contact_at IS NOT NULL)`,
    ),
    deleteMessages: db.prepare('DELETE FROM support_messages WHERE participant_id = ?'),
    deleteEventMessages: db.prepare('DELETE FROM support_messages WHERE event_id = ?'),
    deleteDisqualified: db.prepare('DELETE FROM disqualified WHERE participant_id = ?'),
    deleteEventDisqualified: db.prepare('DELETE FROM disqualified WHERE event_id = ?'),
    deletePerson: db.prepare('DELETE FROM people WHERE participant_id = ?'),
    deleteEventPeople: db.prepare('DELETE FROM people WHERE event_id = ?'),
    deleteParticipant: db.prepare('DELETE FROM participants WHERE id = ?'),
    deleteEventParticipants: db.prepare('DELETE FROM participants WHERE event_id = ?'),
    closedAt: db.prepare<[string], { at: number }>(
      `SELECT at FROM audit_log WHERE event_id = ? AND action IN ('event.create', 'event.update')
         AND json_extract(data, '$.status') = 'closed' ORDER BY seq DESC LIMIT 1`,
    ),
  };

  /** Forfeits the given pending claims at `at` and gives their prize units back; returns their ids. */
  function forfeitAll(claims: readonly PendingClaimRow[], at: number): string[] {
    if (claims.length > 0) rows.invalidate(); // prizes change: the cached rows must not go stale
    for (const claim of claims) {
      if (sql.forfeit.run(at, claim.id).changes === 1) sql.freePrizeUnit.run(claim.prize_id);
    }
    return claims.map((c) => c.id);
  }

  const eraseTx = db.transaction(
    (eventId: string, participantId: string, meta: AuditMeta): ErasePersonResult => {
      const row = sql.participant.get(participantId, eventId);
      if (!row) return { ok: false, reason: 'PARTICIPANT_NOT_FOUND' };
      const claimsForfeited = forfeitAll(sql.pendingOf.all(participantId), meta.at);
      sql.clearContacts.run(participantId);
      const supportMessages = sql.deleteMessages.run(participantId).changes;
      sql.deleteDisqualified.run(participantId);
      sql.deletePerson.run(participantId);
      sql.deleteParticipant.run(participantId);
      counters.add(eventId, countedState(row), -1);
      audit.append(eventId, meta, 'participant.erase', `participant:${participantId}`, {
        participantId,
        source: row.source,
        claimsForfeited,
        supportMessages,
      });
      return { ok: true, erased: { participantId, claimsForfeited, supportMessages } };
    },
  );

  const purgeTx = db.transaction((eventId: string, meta: AuditMeta): PurgeResult => {
    const claimsForfeited = forfeitAll(sql.pendingOfEvent.all(eventId), meta.at).length;
    const contactsCleared = sql.clearEventContacts.run(eventId).changes;
    const supportMessages = sql.deleteEventMessages.run(eventId).changes;
    sql.deleteEventDisqualified.run(eventId);
    sql.deleteEventPeople.run(eventId);
    const participants = sql.deleteEventParticipants.run(eventId).changes;
    const result = { participants, claimsForfeited, contactsCleared, supportMessages };
    if (participants + claimsForfeited + contactsCleared + supportMessages === 0) return result;
    counters.rebuild(eventId);
    audit.append(eventId, meta, 'privacy.purge', `event:${eventId}`, { ...result });
    return result;
  });

  return {
    async erasePerson(eventId, participantId, meta) {
      return eraseTx(eventId, participantId, meta);
    },
    async purgeEventPersonalData(eventId, meta) {
      return purgeTx(eventId, meta);
    },
    async getEventClosedAt(eventId) {
      return sql.closedAt.get(eventId)?.at ?? null;
    },
  };
}
