// Rounds in PostgreSQL: commit (with redraw links), entropy, cancel, and the draw with its claims, each one
// transaction under the event's advisory lock.
import { createHash } from 'node:crypto';
import type { Entry } from '@drawcast/shared';
import type { AuditMeta } from '../../domain/audit/actor';
import { frozenEntryList } from '../../domain/entryList';
import type { Round } from '../../domain/types';
import { countedState } from '../sqlite/participantPart';
import {
  claimFromRow,
  roundFromRow,
  type ClaimRow,
  type ParticipantRow,
  type PrizeRow,
  type RoundRow,
} from '../sqlite/rows';
import type {
  CloseEntriesResult,
  CommitDrawResult,
  InsertRoundResult,
  RoundUpdateResult,
  Store,
} from '../store';
import { appendAudit } from './audit';
import { moveCounted } from './counters';
import { inTransaction, isUniqueViolation, lockEvent, read, type Queryable } from './db';
import type { PgParts } from './parts';
import { insertClaimRow, insertRoundRow } from './writers';

/** The round methods of the PostgreSQL store. */
export type PgRoundPart = Pick<
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

async function roundIn(tx: Queryable, roundId: string, lock = false): Promise<Round | null> {
  const { rows } = await tx.query<RoundRow>(
    `SELECT * FROM rounds WHERE id = $1${lock ? ' FOR UPDATE' : ''}`,
    [roundId],
  );
  return rows[0] ? roundFromRow(rows[0]) : null;
}

async function prizeIn(tx: Queryable, prizeId: string): Promise<PrizeRow | undefined> {
  return (await tx.query<PrizeRow>('SELECT * FROM prizes WHERE id = $1 FOR UPDATE', [prizeId])).rows[0];
}

/** Builds the round methods. */
export function createPgRoundPart({ pool }: PgParts): PgRoundPart {
  /** The event of a round (immutable), so the transaction can take that event's lock first. */
  async function eventOfRound(roundId: string): Promise<string | null> {
    const [row] = await read<{ event_id: string }>(pool, 'SELECT event_id FROM rounds WHERE id = $1', [
      roundId,
    ]);
    return row?.event_id ?? null;
  }

  async function updateCommitted(
    roundId: string,
    meta: AuditMeta,
    action: string,
    change: (tx: Queryable, round: Round) => Promise<Record<string, string>>,
    needsClosedEntries = false,
  ): Promise<RoundUpdateResult> {
    const eventId = await eventOfRound(roundId);
    if (eventId === null) return { ok: false, reason: 'ROUND_NOT_FOUND' };
    return inTransaction(pool, async (tx): Promise<RoundUpdateResult> => {
      await lockEvent(tx, eventId);
      const round = await roundIn(tx, roundId, true);
      if (!round) return { ok: false, reason: 'ROUND_NOT_FOUND' };
      if (round.status !== 'committed') return { ok: false, reason: 'NOT_COMMITTED', round };
      if (needsClosedEntries && round.entriesClosedAt === null)
        return { ok: false, reason: 'ENTRIES_OPEN', round };
      const data = await change(tx, round);
      await appendAudit(tx, round.eventId, meta, action, `round:${roundId}`, { roundId, ...data });
      return { ok: true, round: (await roundIn(tx, roundId)) as Round };
    });
  }

  async function commitDraw(
    roundId: string,
    outcome: Parameters<Store['commitDrawResult']>[1],
    meta: AuditMeta,
  ): Promise<CommitDrawResult> {
    const eventId = await eventOfRound(roundId);
    if (eventId === null) return { outcome: 'not_found' };
    return inTransaction(pool, async (tx): Promise<CommitDrawResult> => {
      // Two rounds of one event drawn at the same instant on two nodes queue here, one after the other.
      await lockEvent(tx, eventId);
      const round = await roundIn(tx, roundId, true);
      if (!round) return { outcome: 'not_found' };
      if (round.status === 'drawn') return { outcome: 'already_drawn', round };
      if (round.status === 'cancelled') return { outcome: 'cancelled', round };
      if (round.publicEntropy !== outcome.publicEntropy) return { outcome: 'stale_entropy', round };
      const wasClosed = round.entriesClosedAt !== null;
      // A closed round is drawn from its frozen list, nothing else.
      if (wasClosed && round.entriesDigest !== outcome.entriesDigest)
        return { outcome: 'entries_changed', round };
      if (!wasClosed && round.excludePreviousWinners && outcome.entries.length > 0) {
        // Another round of the event was drawn after these entries were read (another node): someone in
        // them has won since, so the draw is recomputed from the entries as they are now.
        const { rows } = await tx.query<{ n: number }>(
          'SELECT COUNT(*) AS n FROM participants WHERE id = ANY($1::text[]) AND has_won = 1',
          [outcome.entries.map((e) => e.id)],
        );
        if ((rows[0]?.n ?? 0) > 0) return { outcome: 'stale_entropy', round };
      }
      const prize = await prizeIn(tx, round.prizeId);
      const available = prize ? prize.quantity - prize.awarded : 0;
      if (outcome.winners.length > available) return { outcome: 'prize_exhausted', round, available };
      if (outcome.claims.length > 0) {
        const { rows } = await tx.query('SELECT 1 AS x FROM claims WHERE code = ANY($1::text[]) LIMIT 1', [
          outcome.claims.map((c) => c.code),
        ]);
        if (rows.length > 0) return { outcome: 'claim_code_taken', round };
      }
      const { rows: clock } = await tx.query<{ version: number }>(
        'UPDATE draw_clock SET version = version + 1 WHERE id = 1 RETURNING version',
      );
      // The compare-and-set: only a round still committed with the entropy the draw used is written.
      const stored = await tx.query(
        `UPDATE rounds SET status = 'drawn', drawn_at = $1, reveal_at = $2, phone_reveal_at = $3, entries_digest = $4,
           winners = $5, draw_version = $6, entries_closed_at = COALESCE(entries_closed_at, $1),
           entry_count = COALESCE(entry_count, $9)
         WHERE id = $7 AND status = 'committed' AND public_entropy = $8`,
        [
          outcome.drawnAt,
          outcome.revealAt,
          outcome.phoneRevealAt,
          outcome.entriesDigest,
          JSON.stringify(outcome.winners),
          clock[0]?.version ?? null,
          roundId,
          outcome.publicEntropy,
          outcome.entries.length,
        ],
      );
      if (stored.rowCount !== 1) throw new Error(`round ${roundId} changed under the event lock`);
      // Delivered to every listening node at COMMIT (never before, never for a rollback): the fast path
      // of the reveal; the draw clock above is the poll that catches whatever a dropped listener missed.
      await tx.query("SELECT pg_notify('drawcast_draws', $1)", [roundId]);
      // A never-closed round closes in this same transaction: its list is the one the draw used.
      if (!wasClosed) {
        await tx.query('INSERT INTO round_entries (round_id, entries) VALUES ($1, $2)', [
          roundId,
          JSON.stringify(outcome.entries),
        ]);
      }
      // The CHECK (awarded <= quantity) refuses an over-award even if the read above were wrong.
      await tx.query('UPDATE prizes SET awarded = awarded + $1 WHERE id = $2', [
        outcome.winners.length,
        round.prizeId,
      ]);
      if (outcome.winners.length > 0) {
        const { rows: marked } = await tx.query<
          Pick<ParticipantRow, 'weight' | 'event_id' | 'checked_in_at' | 'has_won'>
        >(
          `UPDATE participants SET has_won = 1 WHERE id = ANY($1::text[]) AND has_won = 0
           RETURNING weight, event_id, checked_in_at, 0 AS has_won`,
          [outcome.winners],
        );
        for (const m of marked)
          await moveCounted(tx, m.event_id, countedState(m), countedState({ ...m, has_won: 1 }));
      }
      for (const claim of outcome.claims) await insertClaimRow(tx, { ...claim, contact: null });
      const winnersDigest = createHash('sha256').update(outcome.winners.join('\n'), 'utf8').digest('hex');
      const listed = outcome.winners.length <= AUDIT_WINNERS_LISTED;
      const record = await appendAudit(tx, round.eventId, meta, 'round.draw', `round:${roundId}`, {
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
      await tx.query('UPDATE rounds SET audit_head_seq = $1, audit_head_hash = $2 WHERE id = $3', [
        record.seq,
        record.hash,
        roundId,
      ]);
      return { outcome: 'drawn', round: (await roundIn(tx, roundId)) as Round };
    });
  }

  return {
    async insertRound(round, meta) {
      return inTransaction(pool, async (tx): Promise<InsertRoundResult> => {
        await lockEvent(tx, round.eventId);
        const prize = await prizeIn(tx, round.prizeId);
        if (!prize || prize.event_id !== round.eventId) return { ok: false, reason: 'PRIZE_NOT_FOUND' };
        if (round.redrawOf !== null) {
          const { rows } = await tx.query<ClaimRow>('SELECT * FROM claims WHERE id = $1 FOR UPDATE', [
            round.redrawOf.claimId,
          ]);
          if (!rows[0] || rows[0].event_id !== round.eventId) return { ok: false, reason: 'CLAIM_NOT_FOUND' };
          const claim = claimFromRow(rows[0]);
          if (claim.status !== 'forfeited') return { ok: false, reason: 'NOT_FORFEITED', claim };
          if (claim.redrawRoundId !== null) return { ok: false, reason: 'ALREADY_REDRAWN', claim };
        }
        const { rows } = await tx.query<{ reserved: number }>(
          "SELECT COALESCE(SUM(k), 0) AS reserved FROM rounds WHERE prize_id = $1 AND status = 'committed'",
          [round.prizeId],
        );
        const available = Math.max(0, prize.quantity - prize.awarded - (rows[0]?.reserved ?? 0));
        if (round.status === 'committed' && round.k > available)
          return { ok: false, reason: 'PRIZE_EXHAUSTED', available };
        await insertRoundRow(tx, round);
        if (round.redrawOf !== null) {
          await tx.query('UPDATE claims SET redraw_round_id = $1 WHERE id = $2 AND redraw_round_id IS NULL', [
            round.id,
            round.redrawOf.claimId,
          ]);
        }
        await appendAudit(
          tx,
          round.eventId,
          meta,
          round.redrawOf ? 'round.redraw' : 'round.create',
          `round:${round.id}`,
          {
            roundId: round.id,
            prizeId: round.prizeId,
            k: round.k,
            commitment: round.commitment,
            excludePreviousWinners: round.excludePreviousWinners,
            checkedInOnly: round.checkedInOnly,
            blocklist: [...round.blocklist],
            redrawOf: round.redrawOf === null ? null : { ...round.redrawOf },
          },
        );
        return { ok: true };
      });
    },
    async getRound(roundId) {
      const [row] = await read<RoundRow>(pool, 'SELECT * FROM rounds WHERE id = $1', [roundId]);
      return row ? roundFromRow(row) : null;
    },
    async listRounds(eventId) {
      const rows = await read<RoundRow>(
        pool,
        'SELECT * FROM rounds WHERE event_id = $1 ORDER BY created_at, ord',
        [eventId],
      );
      return rows.map(roundFromRow);
    },
    async getCurrentRound(eventId) {
      const [row] = await read<RoundRow>(
        pool,
        "SELECT * FROM rounds WHERE event_id = $1 AND status = 'committed' ORDER BY created_at, ord LIMIT 1",
        [eventId],
      );
      return row ? roundFromRow(row) : null;
    },
    async getRoundEntries(roundId) {
      const [row] = await read<{ entries: string }>(
        pool,
        'SELECT entries FROM round_entries WHERE round_id = $1',
        [roundId],
      );
      return row ? (JSON.parse(row.entries) as Entry[]) : null;
    },
    async closeRoundEntries(roundId, closedAt, meta) {
      const eventId = await eventOfRound(roundId);
      if (eventId === null) return { outcome: 'not_found' };
      return inTransaction(pool, async (tx): Promise<CloseEntriesResult> => {
        // Under the event lock: no join or draw of the event lands between the read and the freeze.
        await lockEvent(tx, eventId);
        const round = await roundIn(tx, roundId, true);
        if (!round) return { outcome: 'not_found' };
        if (round.status !== 'committed') return { outcome: 'not_committed', round };
        if (round.entriesClosedAt !== null) return { outcome: 'already_closed', round };
        const filter =
          (round.excludePreviousWinners ? ' AND has_won = 0' : '') +
          (round.checkedInOnly ? ' AND checked_in_at IS NOT NULL' : '');
        const { rows } = await tx.query<Entry>(
          `SELECT id, weight FROM participants WHERE event_id = $1${filter}`,
          [round.eventId],
        );
        const frozen = frozenEntryList(rows, round.blocklist);
        if (frozen.entryCount < round.k)
          return { outcome: 'not_enough_entries', round, entries: frozen.entryCount };
        await tx.query(
          `UPDATE rounds SET entries_closed_at = $1, entry_count = $2, entries_digest = $3
           WHERE id = $4 AND status = 'committed' AND entries_closed_at IS NULL`,
          [closedAt, frozen.entryCount, frozen.entriesDigest, roundId],
        );
        await tx.query('INSERT INTO round_entries (round_id, entries) VALUES ($1, $2)', [
          roundId,
          JSON.stringify(frozen.entries),
        ]);
        await appendAudit(tx, round.eventId, meta, 'round.close', `round:${roundId}`, {
          roundId,
          entries: frozen.entryCount,
          entriesDigest: frozen.entriesDigest,
          closedAt,
        });
        return { outcome: 'closed', round: (await roundIn(tx, roundId)) as Round };
      });
    },
    async setPublicEntropy(roundId, publicEntropy, meta) {
      return updateCommitted(
        roundId,
        meta,
        'round.entropy',
        async (tx) => {
          await tx.query("UPDATE rounds SET public_entropy = $1 WHERE id = $2 AND status = 'committed'", [
            publicEntropy,
            roundId,
          ]);
          return { publicEntropy };
        },
        true,
      );
    },
    async cancelRound(roundId, meta) {
      return updateCommitted(roundId, meta, 'round.cancel', async (tx, round) => {
        await tx.query("UPDATE rounds SET status = 'cancelled' WHERE id = $1 AND status = 'committed'", [
          roundId,
        ]);
        if (round.redrawOf !== null) {
          await tx.query('UPDATE claims SET redraw_round_id = NULL WHERE id = $1 AND redraw_round_id = $2', [
            round.redrawOf.claimId,
            roundId,
          ]);
        }
        return {};
      });
    },
    async commitDrawResult(roundId, outcome, meta) {
      try {
        return await commitDraw(roundId, outcome, meta);
      } catch (err) {
        // A claim code minted at the same instant by a draw of another event (about 1 in 10^13).
        if (isUniqueViolation(err, 'claims_code_key')) {
          const [row] = await read<RoundRow>(pool, 'SELECT * FROM rounds WHERE id = $1', [roundId]);
          if (row) return { outcome: 'claim_code_taken', round: roundFromRow(row) };
        }
        throw err;
      }
    },
  };
}
