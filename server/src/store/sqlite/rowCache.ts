// A read-through cache of the rows every join reads but hosts rarely change (events, prizes, current
// rounds): a join would otherwise run four of its nine statements only to read them again.
import type Database from 'better-sqlite3';

/** Cached rows per store; a hit is the frozen row as SQLite returned it (mappers build fresh entities). */
export interface RowCache {
  /** The row under `key`, loaded (and cached, "no row" too) on a miss. */
  read<R extends object>(key: string, load: () => R | undefined): R | undefined;
  /**
   * Must be called before any statement that writes events, prizes or rounds: drops everything, and
   * until that transaction has ended every read goes to SQLite (so a rollback leaves nothing stale).
   */
  invalidate(): void;
}

/** Entries kept at most; past it the cache starts over (a few bytes per event, prize and round). */
const MAX_ENTRIES = 10_000;

/** Builds the cache; a read-only store (a backup next to a running server) must not cache at all. */
export function createRowCache(db: Database.Database, enabled = true): RowCache {
  const rows = new Map<string, { row: object | undefined }>();
  // True from a write inside a transaction until the first read outside any transaction.
  let dirtyTransaction = false;
  return {
    read<R extends object>(key: string, load: () => R | undefined): R | undefined {
      if (!enabled) return load();
      if (!db.inTransaction) dirtyTransaction = false;
      else if (dirtyTransaction) return load();
      const hit = rows.get(key);
      if (hit) return hit.row as R | undefined;
      const row = load();
      if (rows.size >= MAX_ENTRIES) rows.clear();
      rows.set(key, { row: row === undefined ? undefined : Object.freeze(row) });
      return row;
    },
    invalidate() {
      rows.clear();
      dirtyTransaction = db.inTransaction;
    },
  };
}
