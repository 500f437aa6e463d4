// Participants in PostgreSQL: group-committed joins under the event lock, entries and weight counters.
import type { Entry } from '@drawcast/shared';
import type { AuditMeta } from '../../domain/audit/actor';
import type { ChainHead } from '../../domain/audit/auditChain';
import type { BonusSettings } from '../../domain/bonus/bonusSettings';
import type { Participant } from '../../domain/types';
import { countedState } from '../sqlite/participantPart';
import { participantFromRow, type ParticipantRow } from '../sqlite/rows';
import { weightOf } from '../sqlite/weights';
import type { InsertParticipantResult, Store } from '../store';
import { appendAudit } from './audit';
import { addCounted, moveCounted, readCounted } from './counters';
import { inTransaction, lockEvent, lockEvents, read, translate, type Queryable } from './db';
import { createPgGroupCommit, type BatchState } from './groupCommit';
import type { PgParts } from './parts';
import { bonusOf, insertParticipantRow } from './writers';

/** The participant methods of the PostgreSQL store, plus what close() waits for. */
export type PgParticipantPart = Pick<
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
> & { drain(): Promise<void> };

interface JoinItem {
  participant: Participant;
  meta: AuditMeta;
}

async function one<R extends object>(tx: Queryable, text: string, values: unknown[]): Promise<R | undefined> {
  return (await tx.query<R & Record<string, unknown>>(text, values)).rows[0];
}

/** One join inside the batch's transaction; the batch holds the event's lock, so check-then-insert is safe. */
async function joinNow(tx: Queryable, { participant: p, meta }: JoinItem, batch: BatchState) {
  const existing = await one<ParticipantRow>(
    tx,
    'SELECT * FROM participants WHERE event_id = $1 AND device_token_hash = $2',
    [p.eventId, p.deviceTokenHash],
  );
  if (existing) return { status: 'existing', participant: participantFromRow(existing) } as const;
  if (
    p.phoneHash !== null &&
    (await one(tx, 'SELECT 1 AS x FROM participants WHERE event_id = $1 AND phone_hash = $2', [
      p.eventId,
      p.phoneHash,
    ]))
  )
    return { status: 'phone_taken' } as const;
  if (
    p.shareCode !== null &&
    (await one(tx, 'SELECT 1 AS x FROM participants WHERE event_id = $1 AND share_code = $2', [
      p.eventId,
      p.shareCode,
    ]))
  )
    return { status: 'share_code_taken' } as const;
  const bonusKey = `bonus:${p.eventId}`;
  let bonus = batch.get(bonusKey) as BonusSettings | null | undefined;
  if (bonus === undefined) {
    bonus = await bonusOf(tx, p.eventId);
    batch.set(bonusKey, bonus);
  }
  if (bonus === null) throw new Error(`cannot join unknown event ${p.eventId}`);
  const referrer =
    p.referredBy === null
      ? undefined
      : await one<ParticipantRow>(tx, 'SELECT * FROM participants WHERE id = $1', [p.referredBy]);
  const counted = referrer !== undefined && referrer.event_id === p.eventId && referrer.id !== p.id;
  const stored: Participant = {
    ...p,
    referredBy: counted ? referrer.id : null,
    weight: weightOf({ base_weight: p.baseWeight, referrals: p.referrals, joined_at: p.joinedAt }, bonus),
  };
  await insertParticipantRow(tx, stored);
  await addCounted(
    tx,
    p.eventId,
    { weight: stored.weight, hasWon: stored.hasWon, checkedIn: stored.checkedInAt !== null },
    1,
  );
  let referrerWeight: number | null = null;
  if (counted) {
    const referrals = referrer.referrals + 1;
    referrerWeight = weightOf({ ...referrer, referrals }, bonus);
    await tx.query('UPDATE participants SET referrals = $1, weight = $2 WHERE id = $3', [
      referrals,
      referrerWeight,
      referrer.id,
    ]);
    await moveCounted(
      tx,
      p.eventId,
      countedState(referrer),
      countedState({ ...referrer, weight: referrerWeight }),
    );
  }
  let heads = batch.get('heads') as Map<string, ChainHead | null> | undefined;
  if (!heads) batch.set('heads', (heads = new Map()));
  await appendAudit(
    tx,
    p.eventId,
    meta,
    'participant.join',
    `participant:${p.id}`,
    {
      participantId: p.id,
      nickname: p.nickname,
      source: p.source,
      weight: stored.weight,
      referredBy: stored.referredBy,
      referrerWeight,
    },
    heads,
  );
  return { status: 'created', participant: stored } as const;
}

const ENTRY_FILTERS = {
  all: '',
  nonWinners: ' AND has_won = 0',
  checkedIn: ' AND checked_in_at IS NOT NULL',
  checkedInNonWinners: ' AND has_won = 0 AND checked_in_at IS NOT NULL',
};

/** Builds the participant methods. */
export function createPgParticipantPart({ pool }: PgParts): PgParticipantPart {
  const joins = createPgGroupCommit<JoinItem, InsertParticipantResult>(pool, joinNow, (tx, items) =>
    lockEvents(
      tx,
      items.map((i) => i.participant.eventId),
    ),
  );
  const rows = (text: string, values: unknown[]) => read<ParticipantRow>(pool, text, values);

  return {
    insertParticipantIfAbsent: (participant, meta) => joins.submit({ participant, meta }),
    async getParticipant(participantId) {
      const [row] = await rows('SELECT * FROM participants WHERE id = $1', [participantId]);
      return row ? participantFromRow(row) : null;
    },
    async getParticipantByDevice(eventId, deviceTokenHash) {
      const [row] = await rows('SELECT * FROM participants WHERE event_id = $1 AND device_token_hash = $2', [
        eventId,
        deviceTokenHash,
      ]);
      return row ? participantFromRow(row) : null;
    },
    async getParticipantByShareCode(eventId, shareCode) {
      const [row] = await rows('SELECT * FROM participants WHERE event_id = $1 AND share_code = $2', [
        eventId,
        shareCode,
      ]);
      return row ? participantFromRow(row) : null;
    },
    async getParticipantsByIds(eventId, ids) {
      if (ids.length === 0) return [];
      const found = await rows('SELECT * FROM participants WHERE id = ANY($1::text[]) AND event_id = $2', [
        [...new Set(ids)],
        eventId,
      ]);
      return found.map(participantFromRow);
    },
    async countParticipants(eventId) {
      const [row] = await read<{ n: number }>(
        pool,
        'SELECT COUNT(*) AS n FROM participants WHERE event_id = $1',
        [eventId],
      );
      return row?.n ?? 0;
    },
    async listParticipants(eventId, { offset, limit }) {
      const page = await rows(
        'SELECT * FROM participants WHERE event_id = $1 ORDER BY joined_at, ord LIMIT $2 OFFSET $3',
        [eventId, limit, offset],
      );
      return page.map(participantFromRow);
    },
    async setParticipantWeight(participantId, baseWeight, meta) {
      const [found] = await read<{ event_id: string }>(
        pool,
        'SELECT event_id FROM participants WHERE id = $1',
        [participantId],
      );
      if (!found) return null;
      return inTransaction(pool, async (tx) => {
        await lockEvent(tx, found.event_id);
        const row = await one<ParticipantRow>(tx, 'SELECT * FROM participants WHERE id = $1', [
          participantId,
        ]);
        if (!row) return null;
        const bonus = await bonusOf(tx, row.event_id);
        if (bonus === null) return null;
        const weight = weightOf({ ...row, base_weight: baseWeight }, bonus);
        await tx.query('UPDATE participants SET base_weight = $1, weight = $2 WHERE id = $3', [
          baseWeight,
          weight,
          participantId,
        ]);
        await moveCounted(tx, row.event_id, countedState(row), countedState({ ...row, weight }));
        await appendAudit(tx, row.event_id, meta, 'participant.tickets', `participant:${participantId}`, {
          participantId,
          baseWeight,
          weight,
        });
        return participantFromRow({ ...row, base_weight: baseWeight, weight });
      });
    },
    async listEntries(eventId, { excludeWinners, checkedInOnly }) {
      const filter = checkedInOnly
        ? excludeWinners
          ? ENTRY_FILTERS.checkedInNonWinners
          : ENTRY_FILTERS.checkedIn
        : excludeWinners
          ? ENTRY_FILTERS.nonWinners
          : ENTRY_FILTERS.all;
      return read<Entry>(pool, `SELECT id, weight FROM participants WHERE event_id = $1${filter}`, [eventId]);
    },
    async weightCounts(eventId, filter) {
      try {
        return await readCounted(pool, eventId, filter);
      } catch (err) {
        return translate(err);
      }
    },
    drain: () => joins.drain(),
  };
}
