// Imports written in slices stay all-or-nothing: uncounted until the last slice, removed if cut off.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { UNLINKED_DEVICE_PREFIX } from '../../domain/types';
import { fixtures, SYS } from '../conformance/kit';
import type { ImportedPersonInput, Store } from '../store';
import { createSqliteStore } from './sqliteStore';

const dirs: string[] = [];
const stores: Store[] = [];
afterEach(async () => {
  for (const s of stores.splice(0)) await s.close();
  for (const d of dirs.splice(0)) await rm(d, { recursive: true, force: true });
});

async function openStore(file?: string): Promise<{ store: Store; file: string }> {
  let path = file;
  if (path === undefined) {
    const dir = await mkdtemp(join(tmpdir(), 'drawcast-import-run-'));
    dirs.push(dir);
    path = join(dir, 'drawcast.sqlite');
  }
  const store = createSqliteStore({ file: path });
  stores.push(store);
  return { store, file: path };
}

function rows(eventId: string, importId: string, n: number): ImportedPersonInput[] {
  return Array.from({ length: n }, (_, i) => {
    const participant = fixtures.participant(eventId, { source: 'import', joinedAt: 100 });
    participant.deviceTokenHash = `${UNLINKED_DEVICE_PREFIX}${participant.id}`;
    return {
      participant,
      person: {
        participantId: participant.id,
        eventId,
        importId,
        row: i + 2,
        name: `员工 ${i}`,
        checkinToken: `T${importId.slice(-4)}${String(i).padStart(11, '0')}`,
        checkedInBy: null,
        masked: {},
        hashes: { employeeId: `${importId}-h-${i}` },
      },
    };
  });
}

const batchOf = (eventId: string, id: string, total: number) => ({
  id,
  eventId,
  filename: 'list.xlsx',
  format: 'xlsx' as const,
  total,
  rejected: 0,
});

const ALL = { excludeWinners: false, checkedInOnly: false };

describe('imports written in slices (SQLite)', () => {
  it('counts none of the rows until the last slice commits, and lets other work run in between', async () => {
    const { store } = await openStore();
    const event = fixtures.event();
    await store.insertEvent(event, SYS);
    const n = 30_000;
    let settled = false;
    const writing = store
      .insertImportedPeople(
        batchOf(event.id, 'imp_0000000000000001', n),
        rows(event.id, 'imp_0000000000000001', n),
        SYS,
      )
      .finally(() => (settled = true));
    // Other store calls are answered while the import is being written, and only ever see the
    // counters before it (nothing) or after it (every row): never part of it.
    const seen: string[] = [];
    while (!settled) {
      seen.push(JSON.stringify(await store.weightCounts(event.id, ALL)));
      await new Promise((resolve) => setImmediate(resolve));
    }
    expect(await writing).toEqual({ inserted: n, duplicates: [] });
    for (const state of seen) expect(['{}', JSON.stringify({ 1: n })]).toContain(state);
    expect(seen.filter((s) => s === '{}').length).toBeGreaterThan(1);
    expect(await store.weightCounts(event.id, ALL)).toEqual({ 1: n });
    expect(await store.countParticipants(event.id)).toBe(n);
  });

  it('removes the rows of a run the process never finished when the store opens again', async () => {
    const { store, file } = await openStore();
    const event = fixtures.event();
    await store.insertEvent(event, SYS);
    const done = rows(event.id, 'imp_0000000000000001', 5);
    await store.insertImportedPeople(batchOf(event.id, 'imp_0000000000000001', 5), done, SYS);
    await store.close();
    // What kill -9 between two slices leaves on disk: a listed run and some of its rows.
    const cut = rows(event.id, 'imp_0000000000000002', 3);
    const db = new Database(file);
    db.prepare('INSERT INTO import_runs (id, event_id, started_at) VALUES (?, ?, ?)').run(
      'imp_0000000000000002',
      event.id,
      1,
    );
    const p = db.prepare(
      `INSERT INTO participants (id, event_id, nickname, device_token_hash, weight, joined_at, source)
       VALUES (?, ?, 'x', ?, 1, 100, 'import')`,
    );
    const q = db.prepare(
      `INSERT INTO people (participant_id, event_id, import_id, row, name, checkin_token, masked, employee_id_hash)
       VALUES (?, ?, 'imp_0000000000000002', ?, 'x', ?, '{}', ?)`,
    );
    for (const { participant, person } of cut) {
      p.run(participant.id, event.id, participant.deviceTokenHash);
      q.run(participant.id, event.id, person.row, person.checkinToken, person.hashes.employeeId);
    }
    db.close();

    const reopened = (await openStore(file)).store;
    expect(await reopened.countParticipants(event.id)).toBe(5);
    expect(await reopened.weightCounts(event.id, ALL)).toEqual({ 1: 5 });
    expect((await reopened.listPeople(event.id, { offset: 0, limit: 100 })).map((x) => x.importId)).toEqual(
      new Array(5).fill('imp_0000000000000001'),
    );
    // The same rows import cleanly afterwards: nothing of the cut run is left to clash with.
    expect(
      await reopened.insertImportedPeople(batchOf(event.id, 'imp_0000000000000002', 3), cut, SYS),
    ).toEqual({ inserted: 3, duplicates: [] });
  });

  it('removes every row it wrote when a slice fails, and changes no counter', async () => {
    const { store } = await openStore();
    const event = fixtures.event();
    await store.insertEvent(event, SYS);
    const n = 20_000;
    const people = rows(event.id, 'imp_0000000000000001', n);
    // Two rows with one participant id: the second insert fails after many slices have committed.
    people[n - 1] = {
      ...people[n - 1]!,
      participant: { ...people[n - 1]!.participant, id: people[0]!.participant.id },
    };
    await expect(
      store.insertImportedPeople(batchOf(event.id, 'imp_0000000000000001', n), people, SYS),
    ).rejects.toThrow();
    expect(await store.countParticipants(event.id)).toBe(0);
    expect(await store.weightCounts(event.id, ALL)).toEqual({});
    expect(await store.listPeople(event.id, { offset: 0, limit: 10 })).toEqual([]);
  });
});
