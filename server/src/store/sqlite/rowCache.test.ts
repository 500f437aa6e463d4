import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { createRowCache } from './rowCache';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

interface Row {
  id: string;
  status: string;
}

async function openDb() {
  const dir = await mkdtemp(join(tmpdir(), 'drawcast-rows-'));
  const db = new Database(join(dir, 'rows.sqlite'));
  db.pragma('journal_mode = WAL');
  db.exec(
    "CREATE TABLE events (id TEXT PRIMARY KEY, status TEXT NOT NULL); INSERT INTO events VALUES ('e1', 'draft')",
  );
  cleanups.push(async () => {
    db.close();
    await rm(dir, { recursive: true, force: true });
  });
  const select = db.prepare<[string], Row>('SELECT * FROM events WHERE id = ?');
  const setStatus = db.prepare('UPDATE events SET status = ? WHERE id = ?');
  let loads = 0;
  const load = (id: string) => () => {
    loads += 1;
    return select.get(id);
  };
  return { db, setStatus, load, loads: () => loads };
}

describe('createRowCache', () => {
  it('serves repeated reads (and "no row") from memory, frozen, until invalidated', async () => {
    const { db, setStatus, load, loads } = await openDb();
    const rows = createRowCache(db);
    expect(rows.read('event:e1', load('e1'))).toEqual({ id: 'e1', status: 'draft' });
    expect(rows.read('event:e1', load('e1'))?.status).toBe('draft');
    expect(rows.read('event:nope', load('nope'))).toBeUndefined();
    expect(rows.read('event:nope', load('nope'))).toBeUndefined();
    expect(loads()).toBe(2);
    expect(Object.isFrozen(rows.read('event:e1', load('e1')))).toBe(true);

    rows.invalidate();
    setStatus.run('open', 'e1');
    expect(rows.read('event:e1', load('e1'))?.status).toBe('open');
    expect(loads()).toBe(3);
  });

  it('never keeps a row read after a write inside a transaction that then rolls back', async () => {
    const { db, setStatus, load } = await openDb();
    const rows = createRowCache(db);
    expect(rows.read('event:e1', load('e1'))?.status).toBe('draft');
    const failingChange = db.transaction(() => {
      rows.invalidate();
      setStatus.run('closed', 'e1');
      // Inside the transaction the change is visible, but must not be cached...
      expect(rows.read('event:e1', load('e1'))?.status).toBe('closed');
      throw new Error('audit append failed');
    });
    expect(() => failingChange()).toThrow('audit append failed');
    // ...so after the rollback the committed row is read again.
    expect(rows.read('event:e1', load('e1'))?.status).toBe('draft');
  });

  it('reads through every time when disabled (a read-only store next to a running server)', async () => {
    const { db, setStatus, load, loads } = await openDb();
    const rows = createRowCache(db, false);
    expect(rows.read('event:e1', load('e1'))?.status).toBe('draft');
    setStatus.run('open', 'e1');
    expect(rows.read('event:e1', load('e1'))?.status).toBe('open');
    expect(loads()).toBe(2);
  });
});
