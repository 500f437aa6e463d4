// Events and prizes in PostgreSQL.
import type { DrawEvent } from '../../domain/types';
import { patchedPrize, prizeEditAudit } from '../sqlite/prizeEdit';
import { eventFromRow, prizeFromRow, type EventRow, type PrizeRow } from '../sqlite/rows';
import type { Store } from '../store';
import { appendAudit } from './audit';
import { inTransaction, isUniqueViolation, lockEvent, read } from './db';
import type { PgParts } from './parts';
import { reweighEvent } from './writers';

/** The event and prize methods of the PostgreSQL store. */
export type PgEventPart = Pick<
  Store,
  | 'insertEvent'
  | 'getEvent'
  | 'getEventByJoinCode'
  | 'listEvents'
  | 'updateEvent'
  | 'insertPrize'
  | 'getPrize'
  | 'updatePrize'
  | 'listPrizes'
>;

/** Builds the event and prize methods. */
export function createPgEventPart({ pool }: PgParts): PgEventPart {
  return {
    async insertEvent(event, meta) {
      try {
        return await inTransaction(pool, async (tx) => {
          await lockEvent(tx, event.id);
          const { rowCount } = await tx.query(
            `INSERT INTO events (id, title, join_code, status, settings, created_at)
             VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (join_code) DO NOTHING`,
            [
              event.id,
              event.title,
              event.joinCode,
              event.status,
              JSON.stringify(event.settings),
              event.createdAt,
            ],
          );
          if (rowCount === 0) return { ok: false as const, reason: 'JOIN_CODE_TAKEN' as const };
          await appendAudit(tx, event.id, meta, 'event.create', `event:${event.id}`, {
            title: event.title,
            joinCode: event.joinCode,
            status: event.status,
            settings: { ...event.settings },
          });
          return { ok: true as const };
        });
      } catch (err) {
        // Two nodes minting the same code at the same instant: the loser retries with a fresh one.
        if (isUniqueViolation(err, 'events_join_code_key')) return { ok: false, reason: 'JOIN_CODE_TAKEN' };
        throw err;
      }
    },
    async getEvent(eventId) {
      const [row] = await read<EventRow>(pool, 'SELECT * FROM events WHERE id = $1', [eventId]);
      return row ? eventFromRow(row) : null;
    },
    async getEventByJoinCode(joinCode) {
      const [row] = await read<EventRow>(pool, 'SELECT * FROM events WHERE join_code = $1', [joinCode]);
      return row ? eventFromRow(row) : null;
    },
    async listEvents() {
      return (await read<EventRow>(pool, 'SELECT * FROM events ORDER BY created_at, ord')).map(eventFromRow);
    },
    async updateEvent(eventId, patch, meta) {
      return inTransaction(pool, async (tx) => {
        await lockEvent(tx, eventId);
        const { rows } = await tx.query<EventRow>('SELECT * FROM events WHERE id = $1 FOR UPDATE', [eventId]);
        if (!rows[0]) return null;
        const current = eventFromRow(rows[0]);
        const next: DrawEvent = {
          ...current,
          title: patch.title ?? current.title,
          status: patch.status ?? current.status,
          settings: patch.settings ?? current.settings,
        };
        await tx.query('UPDATE events SET title = $1, status = $2, settings = $3 WHERE id = $4', [
          next.title,
          next.status,
          JSON.stringify(next.settings),
          eventId,
        ]);
        const bonusChanged = JSON.stringify(next.settings.bonus) !== JSON.stringify(current.settings.bonus);
        const reweighed = bonusChanged ? await reweighEvent(tx, eventId, next.settings.bonus) : 0;
        await appendAudit(tx, eventId, meta, 'event.update', `event:${eventId}`, {
          ...(patch.title !== undefined && { title: next.title }),
          ...(patch.status !== undefined && { status: next.status }),
          ...(patch.settings !== undefined && { settings: { ...next.settings } }),
          reweighed,
        });
        return next;
      });
    },
    async insertPrize(prize, meta) {
      await inTransaction(pool, async (tx) => {
        await lockEvent(tx, prize.eventId);
        await tx.query(
          `INSERT INTO prizes (id, event_id, name, description, image_url, quantity, awarded, created_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
          [
            prize.id,
            prize.eventId,
            prize.name,
            prize.description,
            prize.imageUrl,
            prize.quantity,
            prize.awarded,
            prize.createdAt,
          ],
        );
        await appendAudit(tx, prize.eventId, meta, 'prize.add', `prize:${prize.id}`, {
          prizeId: prize.id,
          name: prize.name,
          quantity: prize.quantity,
        });
      });
    },
    async getPrize(prizeId) {
      const [row] = await read<PrizeRow>(pool, 'SELECT * FROM prizes WHERE id = $1', [prizeId]);
      return row ? prizeFromRow(row) : null;
    },
    async updatePrize(prizeId, patch, meta) {
      const [found] = await read<PrizeRow>(pool, 'SELECT * FROM prizes WHERE id = $1', [prizeId]);
      if (!found) return { outcome: 'not_found' };
      return inTransaction(pool, async (tx) => {
        // The event lock orders this edit with round creation and draws (they reserve and award units).
        await lockEvent(tx, found.event_id);
        const { rows } = await tx.query<PrizeRow>('SELECT * FROM prizes WHERE id = $1 FOR UPDATE', [prizeId]);
        if (!rows[0]) return { outcome: 'not_found' as const };
        const current = prizeFromRow(rows[0]);
        const reserved = await tx.query<{ reserved: string | number }>(
          "SELECT COALESCE(SUM(k), 0) AS reserved FROM rounds WHERE prize_id = $1 AND status = 'committed'",
          [prizeId],
        );
        const result = patchedPrize(current, patch, Number(reserved.rows[0]?.reserved ?? 0));
        if (result.outcome !== 'updated') return result;
        const next = result.prize;
        await tx.query(
          'UPDATE prizes SET name = $1, description = $2, image_url = $3, quantity = $4 WHERE id = $5',
          [next.name, next.description, next.imageUrl, next.quantity, prizeId],
        );
        await appendAudit(
          tx,
          current.eventId,
          meta,
          'prize.update',
          `prize:${prizeId}`,
          prizeEditAudit(current, next),
        );
        return result;
      });
    },
    async listPrizes(eventId) {
      const rows = await read<PrizeRow>(
        pool,
        'SELECT * FROM prizes WHERE event_id = $1 ORDER BY created_at, ord',
        [eventId],
      );
      return rows.map(prizeFromRow);
    },
  };
}
