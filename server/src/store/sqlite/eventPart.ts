// Events and prizes in SQLite.
import type { AuditMeta } from '../../domain/audit/actor';
import type { DrawEvent, Prize } from '../../domain/types';
import type { EventPatch, PrizePatch, Store } from '../store';
import { patchedPrize, prizeEditAudit } from './prizeEdit';
import type { SqliteParts } from './parts';
import { eventFromRow, prizeFromRow, type EventRow, type PrizeRow } from './rows';

/** The event and prize methods of the SQLite store. */
export type EventPart = Pick<
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
export function createEventPart({ db, audit, weigher, rows }: SqliteParts): EventPart {
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
    updatePrize: db.prepare(
      'UPDATE prizes SET name = ?, description = ?, image_url = ?, quantity = ? WHERE id = ?',
    ),
    reserved: db.prepare<[string], { reserved: number }>(
      "SELECT COALESCE(SUM(k), 0) AS reserved FROM rounds WHERE prize_id = ? AND status = 'committed'",
    ),
    listPrizes: db.prepare<[string], PrizeRow>(
      'SELECT * FROM prizes WHERE event_id = ? ORDER BY created_at, rowid',
    ),
  };

  const insertEventTx = db.transaction((event: DrawEvent, meta: AuditMeta) => {
    rows.invalidate();
    if (sql.eventByJoinCode.get(event.joinCode))
      return { ok: false as const, reason: 'JOIN_CODE_TAKEN' as const };
    sql.insertEvent.run(
      event.id,
      event.title,
      event.joinCode,
      event.status,
      JSON.stringify(event.settings),
      event.createdAt,
    );
    audit.append(event.id, meta, 'event.create', `event:${event.id}`, {
      title: event.title,
      joinCode: event.joinCode,
      status: event.status,
      settings: { ...event.settings },
    });
    return { ok: true as const };
  });

  const updateEventTx = db.transaction((eventId: string, patch: EventPatch, meta: AuditMeta) => {
    rows.invalidate();
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
    const bonusChanged = JSON.stringify(next.settings.bonus) !== JSON.stringify(current.settings.bonus);
    const reweighed = bonusChanged ? weigher.reweighEvent(eventId, next.settings.bonus) : 0;
    audit.append(eventId, meta, 'event.update', `event:${eventId}`, {
      ...(patch.title !== undefined && { title: next.title }),
      ...(patch.status !== undefined && { status: next.status }),
      ...(patch.settings !== undefined && { settings: { ...next.settings } }),
      reweighed,
    });
    return next;
  });

  const insertPrizeTx = db.transaction((prize: Prize, meta: AuditMeta) => {
    rows.invalidate();
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
    audit.append(prize.eventId, meta, 'prize.add', `prize:${prize.id}`, {
      prizeId: prize.id,
      name: prize.name,
      quantity: prize.quantity,
    });
  });

  const updatePrizeTx = db.transaction((prizeId: string, patch: PrizePatch, meta: AuditMeta) => {
    rows.invalidate();
    const row = sql.prizeById.get(prizeId);
    if (!row) return { outcome: 'not_found' as const };
    const current = prizeFromRow(row);
    const result = patchedPrize(current, patch, sql.reserved.get(prizeId)?.reserved ?? 0);
    if (result.outcome !== 'updated') return result;
    const next = result.prize;
    sql.updatePrize.run(next.name, next.description, next.imageUrl, next.quantity, prizeId);
    audit.append(current.eventId, meta, 'prize.update', `prize:${prizeId}`, prizeEditAudit(current, next));
    return result;
  });

  return {
    async insertEvent(event, meta) {
      return insertEventTx(event, meta);
    },
    async getEvent(eventId) {
      const row = rows.read(`event:${eventId}`, () => sql.eventById.get(eventId));
      return row ? eventFromRow(row) : null;
    },
    async getEventByJoinCode(joinCode) {
      const row = rows.read(`joinCode:${joinCode}`, () => sql.eventByJoinCode.get(joinCode));
      return row ? eventFromRow(row) : null;
    },
    async listEvents() {
      return sql.listEvents.all().map(eventFromRow);
    },
    async updateEvent(eventId, patch, meta) {
      return updateEventTx(eventId, patch, meta);
    },
    async insertPrize(prize, meta) {
      insertPrizeTx(prize, meta);
    },
    async getPrize(prizeId) {
      const row = rows.read(`prize:${prizeId}`, () => sql.prizeById.get(prizeId));
      return row ? prizeFromRow(row) : null;
    },
    async updatePrize(prizeId, patch, meta) {
      return updatePrizeTx(prizeId, patch, meta);
    },
    async listPrizes(eventId) {
      return sql.listPrizes.all(eventId).map(prizeFromRow);
    },
  };
}
