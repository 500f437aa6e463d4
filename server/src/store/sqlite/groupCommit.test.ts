import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { createGroupCommit } from './groupCommit';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

async function openDb(): Promise<Database.Database> {
  const dir = await mkdtemp(join(tmpdir(), 'drawcast-gc-'));
  const db = new Database(join(dir, 'gc.sqlite'));
  db.pragma('journal_mode = WAL');
  db.exec('CREATE TABLE items (value INTEGER PRIMARY KEY)');
  cleanups.push(async () => {
    db.close();
    await rm(dir, { recursive: true, force: true });
  });
  return db;
}

describe('createGroupCommit', () => {
  it('commits items of one tick in one transaction, in order', async () => {
    const db = await openDb();
    const insert = db.prepare('INSERT INTO items (value) VALUES (?)');
    const batcher = createGroupCommit(db, (value: number) => {
      if (!db.inTransaction) throw new Error('not in a transaction');
      return Number(insert.run(value).lastInsertRowid);
    });
    db.pragma('wal_checkpoint(TRUNCATE)');
    const values = Array.from({ length: 20 }, (_, i) => i + 1);
    expect(await Promise.all(values.map((v) => batcher.submit(v)))).toEqual(values);
    // One transaction touching one page writes one WAL frame; twenty commits would write twenty.
    const [walAfterBatch] = db.pragma('wal_checkpoint(PASSIVE)') as { log: number }[];
    expect(walAfterBatch?.log).toBe(1);
    db.pragma('wal_checkpoint(TRUNCATE)');
    for (const v of [21, 22, 23]) await batcher.submit(v);
    const [walAfterSequential] = db.pragma('wal_checkpoint(PASSIVE)') as { log: number }[];
    expect(walAfterSequential?.log).toBe(3);
  });

  it('a failing item fails alone; the others of its batch are committed', async () => {
    const db = await openDb();
    const insert = db.prepare('INSERT INTO items (value) VALUES (?)');
    const batcher = createGroupCommit(db, (value: number) => insert.run(value).changes);
    const results = await Promise.allSettled([10, 11, 10, 12].map((v) => batcher.submit(v)));
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'fulfilled', 'rejected', 'fulfilled']);
    const values = (db.prepare('SELECT value FROM items ORDER BY value').all() as { value: number }[]).map(
      (r) => r.value,
    );
    expect(values).toEqual([10, 11, 12]);
  });

  it('flush commits what is queued at once', async () => {
    const db = await openDb();
    const insert = db.prepare('INSERT INTO items (value) VALUES (?)');
    const batcher = createGroupCommit(db, (value: number) => insert.run(value).changes);
    const pending = batcher.submit(7);
    batcher.flush();
    expect((db.prepare('SELECT COUNT(*) AS n FROM items').get() as { n: number }).n).toBe(1);
    await expect(pending).resolves.toBe(1);
  });

  it('while an fsync runs, items of several ticks wait for it and then commit in one transaction', async () => {
    const db = await openDb();
    const insert = db.prepare('INSERT INTO items (value) VALUES (?)');
    let transactions = 0;
    const counted = new Proxy(db, {
      get(target, prop) {
        if (prop === 'transaction') {
          return (fn: (...args: never[]) => unknown) => {
            const tx = target.transaction(fn);
            return (...args: never[]) => {
              transactions += 1;
              return tx(...args);
            };
          };
        }
        const value: unknown = Reflect.get(target, prop);
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });
    let release = () => {};
    let fsyncRunning: Promise<void> | null = new Promise<void>((resolve) => (release = resolve));
    const batcher = createGroupCommit(
      counted,
      (value: number) => {
        insert.run(value);
        return value;
      },
      () => fsyncRunning,
    );
    const tick = () => new Promise<void>((resolve) => setImmediate(resolve));
    const first = batcher.submit(1);
    await tick();
    const second = batcher.submit(2);
    await tick();
    expect(transactions).toBe(0); // nothing commits while the fsync runs
    fsyncRunning = null;
    release();
    await expect(Promise.all([first, second])).resolves.toEqual([1, 2]);
    expect(transactions).toBe(1);
  });
});
