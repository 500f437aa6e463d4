// Participants in PostgreSQL: group-committed joins under the event lock, entries and weight counters.
import type { Entry } from '@drawcast/shared';
import { countedState } from '../sqlite/participantPart';
import { participantFromRow, type ParticipantRow } from '../sqlite/rows';
import { weightOf } from '../sqlite/weights';
import type { InsertParticipantResult, Store } from '../store';
import { appendAudit } from './audit';
import { moveCounted, readCounted } from './counters';
import { inTransaction, lockEvent, lockEventsSql, read, translate, type Queryable } from './db';
import { createPgGroupCommit } from './groupCommit';
import { applyJoinBatch, type JoinItem } from './joinBatch';
import type { PgParts } from './parts';
import { bonusOf } from './writers';

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

async function one<R extends object>(tx: Queryable, text: string, values: unknown[]): Promise<R | undefined> {
  return (await tx.query<R & Record<string, unknown>>(text, values)).rows[0];
}

const ENTRY_FILTERS = {
  all: '',
  nonWinners: ' AND has_won = 0',
  checkedIn: ' AND checked_in_at IS NOT NULL',
  checkedInNonWinners: ' AND has_won = 0 AND checked_in_at IS NOT NULL',
};

/** Builds the participant methods. */
export function createPgParticipantPart({ pool }: PgParts): PgParticipantPart {
  const joins = createPgGroupCommit<JoinItem, InsertParticipantResult>(
    pool,
    applyJoinBatch,
    (escape, items) =>
      lockEventsSql(
        escape,
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
      // Id order, binary (COLLATE "C", as the spec sorts and SQLite compares), whatever the database's locale.
      return read<Entry>(
        pool,
        `SELECT id, weight FROM participants WHERE event_id = $1${filter} ORDER BY id COLLATE "C"`,
        [eventId],
      );
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
