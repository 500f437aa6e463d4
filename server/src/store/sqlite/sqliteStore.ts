// The embedded default Store: one SQLite file, WAL journal, every commit fsynced before it is acknowledged.
import Database from 'better-sqlite3';
import type { Store } from '../store';
import { createAuditLog } from './auditLog';
import { createClaimPart } from './claimPart';
import { createWeightCounters } from './counters';
import { createEventPart } from './eventPart';
import { createParticipantPart } from './participantPart';
import type { SqliteParts } from './parts';
import { createPeoplePart } from './peoplePart';
import { createRestorePart } from './restorePart';
import { createRoundPart } from './roundPart';
import { createRowCache } from './rowCache';
import { MIGRATIONS, migrate } from './schema';
import { createWeigher } from './weights';

/** Options of the SQLite store. */
export interface SqliteStoreOptions {
  /** Path of the database file; created (with -wal/-shm companions) if missing. */
  file: string;
  /**
   * Open an existing, migrated file without writing (backups and checks next to a running server);
   * every write method then fails.
   */
  readonly?: boolean;
}

function openDatabase(options: SqliteStoreOptions): Database.Database {
  if (options.readonly) {
    const db = new Database(options.file, { readonly: true, fileMustExist: true });
    const version = db.pragma('user_version', { simple: true }) as number;
    if (version !== MIGRATIONS.length) {
      db.close();
      throw new Error(
        `database schema version ${version} differs from this server's (${MIGRATIONS.length}); start the server once to migrate it`,
      );
    }
    return db;
  }
  const db = new Database(options.file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  // 64 MB of page cache (the default is 2 MB): a 100,000-row import touches several random-key indexes.
  db.pragma('cache_size = -65536');
  migrate(db);
  return db;
}

/**
 * Opens (and migrates) a SQLite store. synchronous=FULL in WAL mode fsyncs the WAL on every commit, so a
 * join or draw that was acknowledged survives kill -9 and power loss alike; joins arriving in the same
 * tick share one commit (group commit), so the fsync cost is paid per batch, not per phone.
 */
export function createSqliteStore(options: SqliteStoreOptions): Store {
  const db = openDatabase(options);
  const counters = createWeightCounters(db);
  const rows = createRowCache(db, !options.readonly);
  const parts: SqliteParts = {
    db,
    audit: createAuditLog(db),
    counters,
    weigher: createWeigher(db, counters, rows),
    rows,
  };
  const { flush, ...participants } = createParticipantPart(parts);
  let closed = false;
  return {
    ...createEventPart(parts),
    ...participants,
    ...createRoundPart(parts),
    ...createClaimPart(parts),
    ...createPeoplePart(parts),
    ...createRestorePart(parts),
    async close() {
      if (closed) return;
      closed = true;
      flush();
      db.close();
    },
  };
}
