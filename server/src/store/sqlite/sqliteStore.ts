// The embedded default Store: one SQLite file, WAL journal, every commit fsynced before it is acknowledged.
import Database from 'better-sqlite3';
import type { Entry } from '@drawcast/shared';
import type { DrawEvent, DrawOutcome, Participant, Prize, Round } from '../../domain/types';
import type {
  CommitDrawResult,
  EventPatch,
  InsertEventResult,
  InsertParticipantResult,
  InsertRoundResult,
  RoundUpdateResult,
  Store,
} from '../store';
import { createGroupCommit } from './groupCommit';
import { migrate } from './schema';
import {
  eventFromRow,
  participantFromRow,
  prizeFromRow,
  roundFromRow,
  type EventRow,
  type ParticipantRow,
  type PrizeRow,
  type RoundRow,
} from './rows';

/** Options of the SQLite store. */
export interface SqliteStoreOptions {
  /** Path of the database file; created (with -wal/-shm companions) if missing. */
  file: string;
}

/**
 * Opens (and migrates) a SQLite store. synchronous=FULL in WAL mode fsyncs the WAL on every commit, so a
 * join or draw that was acknowledged survives kill -9 and power loss alike; joins arriving in the same
 * tick share one commit (group commit), so the fsync cost is paid per batch, not per phone.
 */
export function createSqliteStore(options: SqliteStoreOptions): Store {
  const db = new Database(options.file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  migrate(db);

  const sql = {
    insertEvent: db.prepare(
      'INSERT INTO events (id, title, join_code, status, settings, created_at) VALUES (?, ?, ?, ?, ?, ?)',
    ),
    eventById: db.prepare<[string], EventRow>('SELECT * FROM events WHERE id = ?'),
    eventByJoinCode: db.prepare<[string], EventRow>('SELECT * FROM events WHERE join_code = ?'),
    listEvents: db.prepare<[], EventRow>('SELECT * FROM events ORDER BY created_at, rowid'),
    updateEvent: db.prepare('UPDATE events SET title = ?, status = ?, settings = ? WHERE id = ?'),

    insertPrize: db.prepare(
      `INSERT INTO prizes (id, event_id, name, description, image_url, quantity, awarded, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    prizeById: db.prepare<[string], PrizeRow>('SELECT * FROM prizes WHERE id = ?'),
    listPrizes: db.prepare<[string], PrizeRow>(
      'SELECT * FROM prizes WHERE event_id = ? ORDER BY created_at, rowid',
    ),
    awardPrize: db.prepare('UPDATE prizes SET awarded = awarded + ? WHERE id = ?'),

    insertParticipant: db.prepare(
      `INSERT INTO participants
         (id, event_id, nickname, device_token_hash, phone_hash, phone_masked, weight, has_won, joined_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    participantById: db.prepare<[string], ParticipantRow>('SELECT * FROM participants WHERE id = ?'),
    participantByDevice: db.prepare<[string, string], ParticipantRow>(
      'SELECT * FROM participants WHERE event_id = ? AND device_token_hash = ?',
    ),
    participantByPhone: db.prepare<[string, string], { id: string }>(
      'SELECT id FROM participants WHERE event_id = ? AND phone_hash = ?',
    ),
    // json_each keeps one prepared statement for any number of ids; CROSS JOIN forces primary-key lookups.
    participantsByIds: db.prepare<[string, string], ParticipantRow>(
      `SELECT p.* FROM json_each(?) AS j CROSS JOIN participants AS p ON p.id = j.value WHERE p.event_id = ?`,
    ),
    countParticipants: db.prepare<[string], { n: number }>(
      'SELECT COUNT(*) AS n FROM participants WHERE event_id = ?',
    ),
    listParticipants: db.prepare<[string, number, number], ParticipantRow>(
      'SELECT * FROM participants WHERE event_id = ? ORDER BY joined_at, rowid LIMIT ? OFFSET ?',
    ),
    setWeight: db.prepare('UPDATE participants SET weight = ? WHERE id = ?'),
    markWinner: db.prepare<[string], { weight: number; event_id: string }>(
      'UPDATE participants SET has_won = 1 WHERE id = ? AND has_won = 0 RETURNING weight, event_id',
    ),
    allEntries: db.prepare<[string], Entry>('SELECT id, weight FROM participants WHERE event_id = ?'),
    nonWinnerEntries: db.prepare<[string], Entry>(
      'SELECT id, weight FROM participants WHERE event_id = ? AND has_won = 0',
    ),

    countJoin: db.prepare(
      `INSERT INTO weight_counts (event_id, weight, entries, winners) VALUES (?, ?, 1, ?)
       ON CONFLICT (event_id, weight) DO UPDATE SET entries = entries + 1, winners = winners + excluded.winners`,
    ),
    countLeave: db.prepare(
      'UPDATE weight_counts SET entries = entries - 1, winners = winners - ? WHERE event_id = ? AND weight = ?',
    ),
    countWin: db.prepare('UPDATE weight_counts SET winners = winners + 1 WHERE event_id = ? AND weight = ?'),
    weightCounts: db.prepare<[string], { weight: number; entries: number; winners: number }>(
      'SELECT weight, entries, winners FROM weight_counts WHERE event_id = ?',
    ),

    insertRound: db.prepare(
      `INSERT INTO rounds (id, event_id, prize_id, k, exclude_previous_winners, blocklist, server_seed, commitment,
         public_entropy, status, created_at, drawn_at, reveal_at, phone_reveal_at, entries_digest, winners)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    roundById: db.prepare<[string], RoundRow>('SELECT * FROM rounds WHERE id = ?'),
    listRounds: db.prepare<[string], RoundRow>(
      'SELECT * FROM rounds WHERE event_id = ? ORDER BY created_at, rowid',
    ),
    currentRound: db.prepare<[string], RoundRow>(
      "SELECT * FROM rounds WHERE event_id = ? AND status = 'committed' ORDER BY created_at, rowid LIMIT 1",
    ),
    reservedForPrize: db.prepare<[string], { reserved: number }>(
      "SELECT COALESCE(SUM(k), 0) AS reserved FROM rounds WHERE prize_id = ? AND status = 'committed'",
    ),
    setEntropy: db.prepare("UPDATE rounds SET public_entropy = ? WHERE id = ? AND status = 'committed'"),
    cancelRound: db.prepare("UPDATE rounds SET status = 'cancelled' WHERE id = ? AND status = 'committed'"),
    storeDraw: db.prepare(
      `UPDATE rounds SET status = 'drawn', drawn_at = ?, reveal_at = ?, phone_reveal_at = ?, entries_digest = ?,
         winners = ? WHERE id = ? AND status = 'committed'`,
    ),
    insertRoundEntries: db.prepare('INSERT INTO round_entries (round_id, entries) VALUES (?, ?)'),
    roundEntries: db.prepare<[string], { entries: string }>(
      'SELECT entries FROM round_entries WHERE round_id = ?',
    ),
  };

  function getRoundNow(roundId: string): Round | null {
    const row = sql.roundById.get(roundId);
    return row ? roundFromRow(row) : null;
  }

  const insertEventTx = (event: DrawEvent): InsertEventResult => {
    if (sql.eventByJoinCode.get(event.joinCode)) return { ok: false, reason: 'JOIN_CODE_TAKEN' };
    sql.insertEvent.run(
      event.id,
      event.title,
      event.joinCode,
      event.status,
      JSON.stringify(event.settings),
      event.createdAt,
    );
    return { ok: true };
  };

  const insertParticipantNow = (p: Participant): InsertParticipantResult => {
    const existing = sql.participantByDevice.get(p.eventId, p.deviceTokenHash);
    if (existing) return { status: 'existing', participant: participantFromRow(existing) };
    if (p.phoneHash !== null && sql.participantByPhone.get(p.eventId, p.phoneHash))
      return { status: 'phone_taken' };
    sql.insertParticipant.run(
      p.id,
      p.eventId,
      p.nickname,
      p.deviceTokenHash,
      p.phoneHash,
      p.phoneMasked,
      p.weight,
      p.hasWon ? 1 : 0,
      p.joinedAt,
    );
    sql.countJoin.run(p.eventId, p.weight, p.hasWon ? 1 : 0);
    return { status: 'created', participant: { ...p } };
  };
  const joinBatcher = createGroupCommit(db, insertParticipantNow);

  const setWeightTx = db.transaction((participantId: string, weight: number): Participant | null => {
    const row = sql.participantById.get(participantId);
    if (!row) return null;
    if (row.weight !== weight) {
      sql.countLeave.run(row.has_won, row.event_id, row.weight);
      sql.setWeight.run(weight, participantId);
      sql.countJoin.run(row.event_id, weight, row.has_won);
    }
    return participantFromRow({ ...row, weight });
  });

  const insertRoundTx = db.transaction((round: Round): InsertRoundResult => {
    const prize = sql.prizeById.get(round.prizeId);
    if (!prize || prize.event_id !== round.eventId) return { ok: false, reason: 'PRIZE_NOT_FOUND' };
    const reserved = sql.reservedForPrize.get(round.prizeId)?.reserved ?? 0;
    const available = Math.max(0, prize.quantity - prize.awarded - reserved);
    if (round.status === 'committed' && round.k > available)
      return { ok: false, reason: 'PRIZE_EXHAUSTED', available };
    sql.insertRound.run(
      round.id,
      round.eventId,
      round.prizeId,
      round.k,
      round.excludePreviousWinners ? 1 : 0,
      JSON.stringify(round.blocklist),
      round.serverSeed,
      round.commitment,
      round.publicEntropy,
      round.status,
      round.createdAt,
      round.drawnAt,
      round.revealAt,
      round.phoneRevealAt,
      round.entriesDigest,
      round.winners === null ? null : JSON.stringify(round.winners),
    );
    return { ok: true };
  });

  const updateCommittedTx = db.transaction(
    (roundId: string, change: (id: string) => void): RoundUpdateResult => {
      const round = getRoundNow(roundId);
      if (!round) return { ok: false, reason: 'ROUND_NOT_FOUND' };
      if (round.status !== 'committed') return { ok: false, reason: 'NOT_COMMITTED', round };
      change(roundId);
      return { ok: true, round: getRoundNow(roundId) as Round };
    },
  );

  const commitDrawTx = db.transaction((roundId: string, outcome: DrawOutcome): CommitDrawResult => {
    const round = getRoundNow(roundId);
    if (!round) return { outcome: 'not_found' };
    if (round.status === 'drawn') return { outcome: 'already_drawn', round };
    if (round.status === 'cancelled') return { outcome: 'cancelled', round };
    if (round.publicEntropy !== outcome.publicEntropy) return { outcome: 'stale_entropy', round };
    const prize = sql.prizeById.get(round.prizeId);
    const available = prize ? prize.quantity - prize.awarded : 0;
    if (outcome.winners.length > available) return { outcome: 'prize_exhausted', round, available };
    sql.storeDraw.run(
      outcome.drawnAt,
      outcome.revealAt,
      outcome.phoneRevealAt,
      outcome.entriesDigest,
      JSON.stringify(outcome.winners),
      roundId,
    );
    sql.insertRoundEntries.run(roundId, JSON.stringify(outcome.entries));
    sql.awardPrize.run(outcome.winners.length, round.prizeId);
    for (const winnerId of outcome.winners) {
      const marked = sql.markWinner.get(winnerId);
      if (marked) sql.countWin.run(marked.event_id, marked.weight);
    }
    return { outcome: 'drawn', round: getRoundNow(roundId) as Round };
  });

  function participantsByIds(eventId: string, ids: readonly string[]): Participant[] {
    if (ids.length === 0) return [];
    return sql.participantsByIds.all(JSON.stringify([...new Set(ids)]), eventId).map(participantFromRow);
  }

  let closed = false;

  return {
    async insertEvent(event) {
      return db.transaction(insertEventTx)(event);
    },
    async getEvent(eventId) {
      const row = sql.eventById.get(eventId);
      return row ? eventFromRow(row) : null;
    },
    async getEventByJoinCode(joinCode) {
      const row = sql.eventByJoinCode.get(joinCode);
      return row ? eventFromRow(row) : null;
    },
    async listEvents() {
      return sql.listEvents.all().map(eventFromRow);
    },
    async updateEvent(eventId, patch: EventPatch) {
      return db.transaction(() => {
        const row = sql.eventById.get(eventId);
        if (!row) return null;
        const current = eventFromRow(row);
        const next: DrawEvent = {
          ...current,
          title: patch.title ?? current.title,
          status: patch.status ?? current.status,
          settings: patch.settings ?? current.settings,
        };
        sql.updateEvent.run(next.title, next.status, JSON.stringify(next.settings), eventId);
        return next;
      })();
    },

    async insertPrize(prize: Prize) {
      sql.insertPrize.run(
        prize.id,
        prize.eventId,
        prize.name,
        prize.description,
        prize.imageUrl,
        prize.quantity,
        prize.awarded,
        prize.createdAt,
      );
    },
    async getPrize(prizeId) {
      const row = sql.prizeById.get(prizeId);
      return row ? prizeFromRow(row) : null;
    },
    async listPrizes(eventId) {
      return sql.listPrizes.all(eventId).map(prizeFromRow);
    },

    async insertParticipantIfAbsent(participant) {
      return joinBatcher.submit(participant);
    },
    async getParticipant(participantId) {
      const row = sql.participantById.get(participantId);
      return row ? participantFromRow(row) : null;
    },
    async getParticipantByDevice(eventId, deviceTokenHash) {
      const row = sql.participantByDevice.get(eventId, deviceTokenHash);
      return row ? participantFromRow(row) : null;
    },
    async getParticipantsByIds(eventId, participantIds) {
      return participantsByIds(eventId, participantIds);
    },
    async countParticipants(eventId) {
      return sql.countParticipants.get(eventId)?.n ?? 0;
    },
    async listParticipants(eventId, { offset, limit }) {
      return sql.listParticipants.all(eventId, limit, offset).map(participantFromRow);
    },
    async setParticipantWeight(participantId, weight) {
      return setWeightTx(participantId, weight);
    },
    async listEntries(eventId, { excludeWinners }) {
      return (excludeWinners ? sql.nonWinnerEntries : sql.allEntries).all(eventId);
    },
    async weightCounts(eventId, { excludeWinners }) {
      const counts: Record<number, number> = {};
      for (const row of sql.weightCounts.all(eventId)) {
        const n = excludeWinners ? row.entries - row.winners : row.entries;
        if (n > 0) counts[row.weight] = n;
      }
      return counts;
    },

    async insertRound(round) {
      return insertRoundTx(round);
    },
    async getRound(roundId) {
      return getRoundNow(roundId);
    },
    async listRounds(eventId) {
      return sql.listRounds.all(eventId).map(roundFromRow);
    },
    async getCurrentRound(eventId) {
      const row = sql.currentRound.get(eventId);
      return row ? roundFromRow(row) : null;
    },
    async getRoundEntries(roundId) {
      const row = sql.roundEntries.get(roundId);
      return row ? (JSON.parse(row.entries) as Entry[]) : null;
    },
    async setPublicEntropy(roundId, publicEntropy) {
      return updateCommittedTx(roundId, (id) => sql.setEntropy.run(publicEntropy, id));
    },
    async cancelRound(roundId) {
      return updateCommittedTx(roundId, (id) => sql.cancelRound.run(id));
    },
    async commitDrawResult(roundId, outcome) {
      return commitDrawTx(roundId, outcome);
    },

    async close() {
      if (closed) return;
      closed = true;
      joinBatcher.flush();
      db.close();
    },
  };
}
