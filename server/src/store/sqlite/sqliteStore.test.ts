import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { describeStoreConformance, fixtures, SYS } from '../conformance';
import { createSqliteStore } from './sqliteStore';
import { MIGRATIONS } from './schema';

async function tempFile(): Promise<{ file: string; dir: string }> {
  const dir = await mkdtemp(join(tmpdir(), 'drawcast-store-'));
  return { dir, file: join(dir, 'drawcast.sqlite') };
}

describeStoreConformance('sqlite', async () => {
  const { dir, file } = await tempFile();
  return {
    open: async () => createSqliteStore({ file, assertReadsDoNotWrite: true }),
    cleanup: () => rm(dir, { recursive: true, force: true }),
  };
});

describe('sqlite store specifics', () => {
  it('runs WAL and records the schema version', async () => {
    const { dir, file } = await tempFile();
    const store = createSqliteStore({ file });
    await store.insertEvent(fixtures.event(), SYS);
    await store.close();
    const db = new Database(file, { readonly: true });
    try {
      expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
      expect(db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length);
    } finally {
      db.close();
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('refuses a file from a newer server instead of corrupting it', async () => {
    const { dir, file } = await tempFile();
    const db = new Database(file);
    db.pragma(`user_version = ${MIGRATIONS.length + 1}`);
    db.close();
    try {
      expect(() => createSqliteStore({ file })).toThrow(/newer than this server/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('migrates rounds drawn before issue #9: their entries froze at the draw', async () => {
    const { dir, file } = await tempFile();
    const db = new Database(file);
    // The database as it was just before the #9 migration (every earlier one applied).
    const issue9 = MIGRATIONS.findIndex((sql) => sql.includes('ADD COLUMN entries_closed_at'));
    expect(issue9).toBeGreaterThan(0);
    for (const sql of MIGRATIONS.slice(0, issue9)) db.exec(sql);
    db.pragma(`user_version = ${issue9}`);
    db.exec(`INSERT INTO events VALUES ('evt_1', 'Old', 'ABC234', 'open', '{}', 1)`);
    db.exec(
      `INSERT INTO prizes (id, event_id, name, description, quantity, created_at) VALUES ('prz_1', 'evt_1', 'P', '', 5, 1)`,
    );
    const insert = db.prepare(
      `INSERT INTO rounds (id, event_id, prize_id, k, exclude_previous_winners, blocklist, server_seed, commitment,
         public_entropy, status, created_at, drawn_at, entries_digest, winners)
       VALUES (?, 'evt_1', 'prz_1', 1, 1, '[]', ?, ?, '', ?, 2, ?, ?, ?)`,
    );
    insert.run('rnd_drawn', '1'.repeat(64), 'c'.repeat(64), 'drawn', 50, 'd'.repeat(64), '["p_a"]');
    insert.run('rnd_open', '1'.repeat(64), 'c'.repeat(64), 'committed', null, null, null);
    db.exec(
      `INSERT INTO round_entries VALUES ('rnd_drawn', '[{"id":"p_a","weight":1},{"id":"p_b","weight":2}]')`,
    );
    db.close();
    const store = createSqliteStore({ file });
    try {
      expect(await store.getRound('rnd_drawn')).toMatchObject({
        entriesClosedAt: 50,
        entryCount: 2,
        auditHead: null,
      });
      expect(await store.getRound('rnd_open')).toMatchObject({ entriesClosedAt: null, entryCount: null });
    } finally {
      await store.close();
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('answers the aggregate from counters, not a participants scan', async () => {
    const { dir, file } = await tempFile();
    const store = createSqliteStore({ file });
    await store.close();
    const db = new Database(file, { readonly: true });
    try {
      const plan = db
        .prepare('EXPLAIN QUERY PLAN SELECT weight, entries, winners FROM weight_counts WHERE event_id = ?')
        .all('e') as { detail: string }[];
      expect(plan.map((p) => p.detail).join()).toMatch(/SEARCH weight_counts USING PRIMARY KEY/);
      const byDevice = db
        .prepare('EXPLAIN QUERY PLAN SELECT * FROM participants WHERE event_id = ? AND device_token_hash = ?')
        .all('e', 'd') as { detail: string }[];
      expect(byDevice.map((p) => p.detail).join()).toMatch(/participants_by_device/);
      // Winner lookups must go by primary key, not scan the event's participants.
      const byIds = db
        .prepare(
          'EXPLAIN QUERY PLAN SELECT p.* FROM json_each(?) AS j CROSS JOIN participants AS p ON p.id = j.value WHERE p.event_id = ?',
        )
        .all('[]', 'e') as { detail: string }[];
      expect(byIds.map((p) => p.detail).join()).toMatch(
        /SEARCH p USING INDEX sqlite_autoindex_participants_1 \(id=\?\)/,
      );
    } finally {
      db.close();
      await rm(dir, { recursive: true, force: true });
    }
  });
});
