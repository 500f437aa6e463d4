// Participants in SQLite: group-committed joins with referral counting, entries and weight counters.
import type Database from 'better-sqlite3';
import type { Entry } from '@drawcast/shared';
import type { AuditMeta } from '../../domain/audit/actor';
import type { Participant } from '../../domain/types';
import type { InsertParticipantResult, Store } from '../store';
import { createGroupCommit } from './groupCommit';
import type { SqliteParts } from './parts';
import { participantFromRow, type ParticipantRow } from './rows';
import { weightOf } from './weights';

/** The participant methods of the SQLite store, plus what close() must flush. */
export type ParticipantPart = Pick<
  Store,
  | 'insertParticipantIfAbsent'
  | 'getParticipant'
  | 'getParticipantByDevice'
  | 'getParticipantByShareCode'
  | 'getParticipantsByIds'
  | 'countParticipants'
  | 'listParticipants'
  | 'setParticipantWeight'
  | 'listEntries'
  | 'weightCounts'
> & { flush(): void };

/** Writes a participant row with every column as given (joins, imports and restores share it). */
export function prepareParticipantInsert(db: Database.Database): (p: Participant) => void {
  const insert = db.prepare(
    `INSERT INTO participants (id, event_id, nickname, device_token_hash, phone_hash, phone_masked, base_weight,
       weight, has_won, joined_at, source, share_code, referred_by, referrals, checked_in_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  return (p) => {
    insert.run(
      p.id,
      p.eventId,
      p.nickname,
      p.deviceTokenHash,
      p.phoneHash,
      p.phoneMasked,
      p.baseWeight,
      p.weight,
      p.hasWon ? 1 : 0,
      p.joinedAt,
      p.source,
      p.shareCode,
      p.referredBy,
      p.referrals,
      p.checkedInAt,
    );
  };
}

/** The counted state of a participant row. */
export function countedState(row: Pick<ParticipantRow, 'weight' | 'has_won' | 'checked_in_at'>) {
  return { weight: row.weight, hasWon: row.has_won === 1, checkedIn: row.checked_in_at !== null };
}

/** Builds the participant methods. */
export function createParticipantPart({
  db,
  audit,
  counters,
  weigher,
  fsyncRunning,
}: SqliteParts): ParticipantPart {
  const insertRow = prepareParticipantInsert(db);
  const sql = {
    byId: db.prepare<[string], ParticipantRow>('SELECT * FROM participants WHERE id = ?'),
    byDevice: db.prepare<[string, string], ParticipantRow>(
      'SELECT * FROM participants WHERE event_id = ? AND device_token_hash = ?',
    ),
    byPhone: db.prepare<[string, string], { id: string }>(
      'SELECT id FROM participants WHERE event_id = ? AND phone_hash = ?',
    ),
    byShareCode: db.prepare<[string, string], ParticipantRow>(
      'SELECT * FROM participants WHERE event_id = ? AND share_code = ?',
    ),
    // json_each keeps one prepared statement for any number of ids; CROSS JOIN forces primary-key lookups.
    byIds: db.prepare<[string, string], ParticipantRow>(
      `SELECT p.* FROM json_each(?) AS j CROSS JOIN participants AS p ON p.id = j.value WHERE p.event_id = ?`,
    ),
    count: db.prepare<[string], { n: number }>('SELECT COUNT(*) AS n FROM participants WHERE event_id = ?'),
    page: db.prepare<[string, number, number], ParticipantRow>(
      'SELECT * FROM participants WHERE event_id = ? ORDER BY joined_at, rowid LIMIT ? OFFSET ?',
    ),
    setReferrals: db.prepare('UPDATE participants SET referrals = ?, weight = ? WHERE id = ?'),
    setBase: db.prepare('UPDATE participants SET base_weight = ?, weight = ? WHERE id = ?'),
    // ORDER BY id: the draw's canonical order (binary, as the spec sorts), stated rather than left to the
    // index; the covering indexes on (event_id, has_won, id, weight) give it without a sort step when
    // winners are excluded.
    entries: {
      all: db.prepare<[string], Entry>('SELECT id, weight FROM participants WHERE event_id = ? ORDER BY id'),
      nonWinners: db.prepare<[string], Entry>(
        'SELECT id, weight FROM participants WHERE event_id = ? AND has_won = 0 ORDER BY id',
      ),
      checkedIn: db.prepare<[string], Entry>(
        'SELECT id, weight FROM participants WHERE event_id = ? AND checked_in_at IS NOT NULL ORDER BY id',
      ),
      checkedInNonWinners: db.prepare<[string], Entry>(
        'SELECT id, weight FROM participants WHERE event_id = ? AND has_won = 0 AND checked_in_at IS NOT NULL ORDER BY id',
      ),
    },
  };

  /** One join, inside the group's transaction: O(1) statements, however many participants the event has. */
  const joinNow = ({
    participant: p,
    meta,
  }: {
    participant: Participant;
    meta: AuditMeta;
  }): InsertParticipantResult => {
    const existing = sql.byDevice.get(p.eventId, p.deviceTokenHash);
    if (existing) return { status: 'existing', participant: participantFromRow(existing) };
    if (p.phoneHash !== null && sql.byPhone.get(p.eventId, p.phoneHash)) return { status: 'phone_taken' };
    if (p.shareCode !== null && sql.byShareCode.get(p.eventId, p.shareCode))
      return { status: 'share_code_taken' };
    const bonus = weigher.bonusOf(p.eventId);
    if (bonus === null) throw new Error(`cannot join unknown event ${p.eventId}`);
    const referrer = p.referredBy === null ? undefined : sql.byId.get(p.referredBy);
    const counted = referrer !== undefined && referrer.event_id === p.eventId && referrer.id !== p.id;
    const stored: Participant = {
      ...p,
      referredBy: counted ? referrer.id : null,
      weight: weightOf({ base_weight: p.baseWeight, referrals: p.referrals, joined_at: p.joinedAt }, bonus),
    };
    insertRow(stored);
    counters.add(
      p.eventId,
      { weight: stored.weight, hasWon: stored.hasWon, checkedIn: stored.checkedInAt !== null },
      1,
    );
    let referrerWeight: number | null = null;
    if (counted) {
      const referrals = referrer.referrals + 1;
      referrerWeight = weightOf({ ...referrer, referrals }, bonus);
      sql.setReferrals.run(referrals, referrerWeight, referrer.id);
      // The referrer moves between weight classes in this same transaction, so odds stay exact.
      counters.move(p.eventId, countedState(referrer), countedState({ ...referrer, weight: referrerWeight }));
    }
    // No nickname or phone here: the chain cannot be edited, so it holds opaque ids only (erasable data
    // stays in the participant row).
    audit.append(p.eventId, meta, 'participant.join', `participant:${p.id}`, {
      participantId: p.id,
      source: p.source,
      weight: stored.weight,
      referredBy: stored.referredBy,
      referrerWeight,
    });
    return { status: 'created', participant: stored };
  };
  const joinBatcher = createGroupCommit(db, joinNow, fsyncRunning);

  const setBaseTx = db.transaction((participantId: string, baseWeight: number, meta: AuditMeta) => {
    const row = sql.byId.get(participantId);
    if (!row) return null;
    const bonus = weigher.bonusOf(row.event_id);
    if (bonus === null) return null;
    const weight = weightOf({ ...row, base_weight: baseWeight }, bonus);
    sql.setBase.run(baseWeight, weight, participantId);
    counters.move(row.event_id, countedState(row), countedState({ ...row, weight }));
    audit.append(row.event_id, meta, 'participant.tickets', `participant:${participantId}`, {
      participantId,
      baseWeight,
      weight,
    });
    return participantFromRow({ ...row, base_weight: baseWeight, weight });
  });

  return {
    async insertParticipantIfAbsent(participant, meta) {
      return joinBatcher.submit({ participant, meta });
    },
    async getParticipant(participantId) {
      const row = sql.byId.get(participantId);
      return row ? participantFromRow(row) : null;
    },
    async getParticipantByDevice(eventId, deviceTokenHash) {
      const row = sql.byDevice.get(eventId, deviceTokenHash);
      return row ? participantFromRow(row) : null;
    },
    async getParticipantByShareCode(eventId, shareCode) {
      const row = sql.byShareCode.get(eventId, shareCode);
      return row ? participantFromRow(row) : null;
    },
    async getParticipantsByIds(eventId, ids) {
      if (ids.length === 0) return [];
      return sql.byIds.all(JSON.stringify([...new Set(ids)]), eventId).map(participantFromRow);
    },
    async countParticipants(eventId) {
      return sql.count.get(eventId)?.n ?? 0;
    },
    async listParticipants(eventId, { offset, limit }) {
      return sql.page.all(eventId, limit, offset).map(participantFromRow);
    },
    async setParticipantWeight(participantId, baseWeight, meta) {
      return setBaseTx(participantId, baseWeight, meta);
    },
    async listEntries(eventId, { excludeWinners, checkedInOnly }) {
      const e = sql.entries;
      const statement = checkedInOnly
        ? excludeWinners
          ? e.checkedInNonWinners
          : e.checkedIn
        : excludeWinners
          ? e.nonWinners
          : e.all;
      return statement.all(eventId);
    },
    async weightCounts(eventId, filter) {
      return counters.read(eventId, filter);
    },
    flush: () => joinBatcher.flush(),
  };
}
