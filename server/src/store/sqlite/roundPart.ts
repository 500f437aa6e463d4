// Rounds in SQLite: commit (with redraw links), entropy, cancel, and the draw with its claims.
import { createHash } from 'node:crypto';
import type { Entry } from '@drawcast/shared';
import type { AuditMeta } from '../../domain/audit/actor';
import { frozenEntryList } from '../../domain/entryList';
import type { DrawOutcome, Round } from '../../domain/types';
import type {
  CloseEntriesResult,
  CommitDrawResult,
  InsertRoundResult,
  RoundUpdateResult,
  Store,
} from '../store';
import { prepareClaimInsert } from './claimPart';
import { countedState } from './participantPart';
import type { SqliteParts } from './parts';
import {
  claimFromRow,
  roundFromRow,
  type ClaimRow,
  type ParticipantRow,
  type PrizeRow,
  type RoundRow,
} from './rows';

/** The round methods of the SQLite store. */
export type RoundPart = Pick<
  Store,
  | 'insertRound'
  | 'getRound'
  | 'listRounds'
  | 'getCurrentRound'
  | 'getRoundEntries'
  | 'closeRoundEntries'
  | 'setPublicEntropy'
  | 'cancelRound'
  | 'commitDrawResult'
>;

/** Draw records list the winners themselves up to this many; beyond, only their digest. */
const AUDIT_WINNERS_LISTED = 100;

/** Writes a round row with every column as given (commits and restores share it). */
export function prepareRoundInsert(db: SqliteParts['db']): (round: Round) => void {
  const insert = db.prepare(
    `INSERT INTO rounds (id, event_id, prize_id, k, exclude_previous_winners, checked_in_only, blocklist, server_seed,
       commitment, public_entropy, status, created_at, drawn_at, reveal_at, phone_reveal_at, entries_digest, winners,
       redraw_of, entries_closed_at, entry_count, audit_head_seq, audit_head_hash, draw_mode)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  return (round) => {
    insert.run(
      round.id,
      round.eventId,
      round.prizeId,
      round.k,
      round.excludePreviousWinners ? 1 : 0,
      round.checkedInOnly ? 1 : 0,
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
      round.redrawOf === null ? null : JSON.stringify(round.redrawOf),
      round.entriesClosedAt,
      round.entryCount,
      round.auditHead?.seq ?? null,
      round.auditHead?.hash ?? null,
      round.drawMode ?? 'wheel',
    );
  };
}

/** Builds the round methods. */
export function createRoundPart({ db, audit, counters, rows }: SqliteParts): RoundPart {
  const insertRow = prepareRoundInsert(db);
  const insertClaim = prepareClaimInsert(db);
  const sql = {
    byId: db.prepare<[string], RoundRow>('SELECT * FROM rounds WHERE id = ?'),
    list: db.prepare<[string], RoundRow>(
      'SELECT * FROM rounds WHERE event_id = ? ORDER BY created_at, rowid',
    ),
    current: db.prepare<[string], RoundRow>(
      "SELECT * FROM rounds WHERE event_id = ? AND status = 'committed' ORDER BY created_at, rowid LIMIT 1",
    ),
    reserved: db.prepare<[string], { reserved: number }>(
      "SELECT COALESCE(SUM(k), 0) AS reserved FROM rounds WHERE prize_id = ? AND status = 'committed'",
    ),
    prizeById: db.prepare<[string], PrizeRow>('SELECT * FROM prizes WHERE id = ?'),
    awardPrize: db.prepare('UPDATE prizes SET awarded = awarded + ? WHERE id = ?'),
    setEntropy: db.prepare("UPDATE rounds SET public_entropy = ? WHERE id = ? AND status = 'committed'"),
    cancel: db.prepare("UPDATE rounds SET status = 'cancelled' WHERE id = ? AND status = 'committed'"),
    storeDraw: db.prepare(
      `UPDATE rounds SET status = 'drawn', drawn_at = ?, reveal_at = ?, phone_reveal_at = ?, entries_digest = ?,
         winners = ?, entries_closed_at = COALESCE(entries_closed_at, ?), entry_count = COALESCE(entry_count, ?)
       WHERE id = ? AND status = 'committed'`,
    ),
    storeClose: db.prepare(
      `UPDATE rounds SET entries_closed_at = ?, entry_count = ?, entries_digest = ?
       WHERE id = ? AND status = 'committed' AND entries_closed_at IS NULL`,
    ),
    setAuditHead: db.prepare('UPDATE rounds SET audit_head_seq = ?, audit_head_hash = ? WHERE id = ?'),
    eventEntries: {
      all: db.prepare<[string], Entry>('SELECT id, weight FROM participants WHERE event_id = ?'),
      nonWinners: db.prepare<[string], Entry>(
        'SELECT id, weight FROM participants WHERE event_id = ? AND has_won = 0',
      ),
      checkedIn: db.prepare<[string], Entry>(
        'SELECT id, weight FROM participants WHERE event_id = ? AND checked_in_at IS NOT NULL',
      ),
      checkedInNonWinners: db.prepare<[string], Entry>(
        'SELECT id, weight FROM participants WHERE event_id = ? AND has_won = 0 AND checked_in_at IS NOT NULL',
      ),
    },
    insertEntries: db.prepare('INSERT INTO round_entries (round_id, entries) VALUES (?, ?)'),
    entries: db.prepare<[string], { entries: string }>(
      'SELECT entries FROM round_entries WHERE round_id = ?',
    ),
    markWinner: db.prepare<
      [string],
      Pick<ParticipantRow, 'weight' | 'event_id' | 'checked_in_at' | 'has_won'>
    >(
      'UPDATE participants SET has_won = 1 WHERE id = ? AND has_won = 0 RETURNING weight, event_id, checked_in_at, 0 AS has_won',
    ),
    claimById: db.prepare<[string], ClaimRow>('SELECT * FROM claims WHERE id = ?'),
    claimCodeUsed: db.prepare<[string], { id: string }>('SELECT id FROM claims WHERE code = ?'),
    linkRedraw: db.prepare('UPDATE claims SET redraw_round_id = ? WHERE id = ? AND redraw_round_id IS NULL'),
    unlinkRedraw: db.prepare('UPDATE claims SET redraw_round_id = NULL WHERE id = ? AND redraw_round_id = ?'),
  };

  function getRoundNow(roundId: string): Round | null {
    const row = sql.byId.get(roundId);
    return row ? roundFromRow(row) : null;
  }

  const insertRoundTx = db.transaction((round: Round, meta: AuditMeta): InsertRoundResult => {
    rows.invalidate();
    const prize = sql.prizeById.get(round.prizeId);
    if (!prize || prize.event_id !== round.eventId) return { ok: false, reason: 'PRIZE_NOT_FOUND' };
    if (round.redrawOf !== null) {
      const row = sql.claimById.get(round.redrawOf.claimId);
      if (!row || row.event_id !== round.eventId) return { ok: false, reason: 'CLAIM_NOT_FOUND' };
      const claim = claimFromRow(row);
      if (claim.status !== 'forfeited') return { ok: false, reason: 'NOT_FORFEITED', claim };
      if (claim.redrawRoundId !== null) return { ok: false, reason: 'ALREADY_REDRAWN', claim };
    }
    const reserved = sql.reserved.get(round.prizeId)?.reserved ?? 0;
    const available = Math.max(0, prize.quantity - prize.awarded - reserved);
    if (round.status === 'committed' && round.k > available)
      return { ok: false, reason: 'PRIZE_EXHAUSTED', available };
    insertRow(round);
    if (round.redrawOf !== null) sql.linkRedraw.run(round.id, round.redrawOf.claimId);
    audit.append(round.eventId, meta, round.redrawOf ? 'round.redraw' : 'round.create', `round:${round.id}`, {
      roundId: round.id,
      prizeId: round.prizeId,
      k: round.k,
      commitment: round.commitment,
      excludePreviousWinners: round.excludePreviousWinners,
      checkedInOnly: round.checkedInOnly,
      blocklist: [...round.blocklist],
      redrawOf: round.redrawOf === null ? null : { ...round.redrawOf },
    });
    return { ok: true };
  });

  /** The event's entries passing the round's store-side filters, read inside the caller's transaction. */
  function entriesOf(round: Round): Entry[] {
    const e = sql.eventEntries;
    const statement = round.checkedInOnly
      ? round.excludePreviousWinners
        ? e.checkedInNonWinners
        : e.checkedIn
      : round.excludePreviousWinners
        ? e.nonWinners
        : e.all;
    return statement.all(round.eventId);
  }

  const closeTx = db.transaction((roundId: string, closedAt: number, meta: AuditMeta): CloseEntriesResult => {
    rows.invalidate();
    const round = getRoundNow(roundId);
    if (!round) return { outcome: 'not_found' };
    if (round.status !== 'committed') return { outcome: 'not_committed', round };
    if (round.entriesClosedAt !== null) return { outcome: 'already_closed', round };
    const frozen = frozenEntryList(entriesOf(round), round.blocklist);
    if (frozen.entryCount < round.k)
      return { outcome: 'not_enough_entries', round, entries: frozen.entryCount };
    sql.storeClose.run(closedAt, frozen.entryCount, frozen.entriesDigest, roundId);
    sql.insertEntries.run(roundId, JSON.stringify(frozen.entries));
    audit.append(round.eventId, meta, 'round.close', `round:${roundId}`, {
      roundId,
      entries: frozen.entryCount,
      entriesDigest: frozen.entriesDigest,
      closedAt,
    });
    return { outcome: 'closed', round: getRoundNow(roundId) as Round };
  });

  const updateCommittedTx = db.transaction(
    (
      roundId: string,
      meta: AuditMeta,
      action: string,
      change: (round: Round) => Record<string, string>,
      needsClosedEntries = false,
    ) => {
      rows.invalidate();
      const round = getRoundNow(roundId);
      if (!round) return { ok: false, reason: 'ROUND_NOT_FOUND' } as RoundUpdateResult;
      if (round.status !== 'committed')
        return { ok: false, reason: 'NOT_COMMITTED', round } as RoundUpdateResult;
      if (needsClosedEntries && round.entriesClosedAt === null)
        return { ok: false, reason: 'ENTRIES_OPEN', round } as RoundUpdateResult;
      const data = change(round);
      audit.append(round.eventId, meta, action, `round:${roundId}`, { roundId, ...data });
      return { ok: true, round: getRoundNow(roundId) as Round } as RoundUpdateResult;
    },
  );

  const commitDrawTx = db.transaction(
    (roundId: string, outcome: DrawOutcome, meta: AuditMeta): CommitDrawResult => {
      rows.invalidate();
      const round = getRoundNow(roundId);
      if (!round) return { outcome: 'not_found' };
      if (round.status === 'drawn') return { outcome: 'already_drawn', round };
      if (round.status === 'cancelled') return { outcome: 'cancelled', round };
      if (round.publicEntropy !== outcome.publicEntropy) return { outcome: 'stale_entropy', round };
      const wasClosed = round.entriesClosedAt !== null;
      if (wasClosed && round.entriesDigest !== outcome.entriesDigest)
        return { outcome: 'entries_changed', round };
      const prize = sql.prizeById.get(round.prizeId);
      const available = prize ? prize.quantity - prize.awarded : 0;
      if (outcome.winners.length > available) return { outcome: 'prize_exhausted', round, available };
      if (outcome.claims.some((c) => sql.claimCodeUsed.get(c.code)))
        return { outcome: 'claim_code_taken', round };
      sql.storeDraw.run(
        outcome.drawnAt,
        outcome.revealAt,
        outcome.phoneRevealAt,
        outcome.entriesDigest,
        JSON.stringify(outcome.winners),
        outcome.drawnAt,
        outcome.entries.length,
        roundId,
      );
      // A never-closed round closes in this same transaction: its list is the one the draw used.
      if (!wasClosed) sql.insertEntries.run(roundId, JSON.stringify(outcome.entries));
      sql.awardPrize.run(outcome.winners.length, round.prizeId);
      for (const winnerId of outcome.winners) {
        const marked = sql.markWinner.get(winnerId);
        if (marked)
          counters.move(marked.event_id, countedState(marked), countedState({ ...marked, has_won: 1 }));
      }
      for (const claim of outcome.claims) insertClaim({ ...claim, contact: null });
      const winnersDigest = createHash('sha256').update(outcome.winners.join('\n'), 'utf8').digest('hex');
      const listed = outcome.winners.length <= AUDIT_WINNERS_LISTED;
      const record = audit.append(round.eventId, meta, 'round.draw', `round:${roundId}`, {
        roundId,
        entriesClosedAt: round.entriesClosedAt ?? outcome.drawnAt,
        publicEntropy: outcome.publicEntropy,
        entriesDigest: outcome.entriesDigest,
        entries: outcome.entries.length,
        winnersDigest,
        winners: listed ? [...outcome.winners] : null,
        claims: listed ? outcome.claims.map((c) => c.id) : null,
        revealAt: outcome.revealAt,
        phoneRevealAt: outcome.phoneRevealAt,
      });
      // The head right after the draw record: the proof carries it, so a log cut short later is caught.
      sql.setAuditHead.run(record.seq, record.hash, roundId);
      return { outcome: 'drawn', round: getRoundNow(roundId) as Round };
    },
  );

  return {
    async insertRound(round, meta) {
      return insertRoundTx(round, meta);
    },
    async getRound(roundId) {
      return getRoundNow(roundId);
    },
    async listRounds(eventId) {
      return sql.list.all(eventId).map(roundFromRow);
    },
    async getCurrentRound(eventId) {
      const row = rows.read(`currentRound:${eventId}`, () => sql.current.get(eventId));
      return row ? roundFromRow(row) : null;
    },
    async getRoundEntries(roundId) {
      const row = sql.entries.get(roundId);
      return row ? (JSON.parse(row.entries) as Entry[]) : null;
    },
    async closeRoundEntries(roundId, closedAt, meta) {
      return closeTx(roundId, closedAt, meta);
    },
    async setPublicEntropy(roundId, publicEntropy, meta) {
      return updateCommittedTx(
        roundId,
        meta,
        'round.entropy',
        () => {
          sql.setEntropy.run(publicEntropy, roundId);
          return { publicEntropy };
        },
        true,
      );
    },
    async cancelRound(roundId, meta) {
      return updateCommittedTx(roundId, meta, 'round.cancel', (round) => {
        sql.cancel.run(roundId);
        if (round.redrawOf !== null) sql.unlinkRedraw.run(round.redrawOf.claimId, roundId);
        return {};
      });
    },
    async commitDrawResult(roundId, outcome, meta) {
      return commitDrawTx(roundId, outcome, meta);
    },
  };
}
