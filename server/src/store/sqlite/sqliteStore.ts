// The embedded default Store: one SQLite file, WAL journal, every commit fsynced before it is acknowledged
// (on the thread pool, so the event loop never waits for the disk).
import Database from 'better-sqlite3';
import type { Store } from '../store';
import { createAuditLog } from './auditLog';
import { createClaimPart } from './claimPart';
import { createConsolePart } from './consolePart';
import { createWeightCounters } from './counters';
import { createEventPart } from './eventPart';
import { createParticipantPart } from './participantPart';
import type { SqliteParts } from './parts';
import { createPeoplePart } from './peoplePart';
import { createPrivacyPart } from './privacyPart';
import { createRestorePart } from './restorePart';
import { createRevealDuePart } from './revealDuePart';
import { createRoundPart } from './roundPart';
import { createRowCache } from './rowCache';
import { MIGRATIONS, migrate } from './schema';
import {
  CHECKPOINT_THREAD_FROM_BYTES,
  FALLBACK_AUTOCHECKPOINT_PAGES,
  startWalCheckpointer,
  type WalCheckpointer,
} from './walCheckpointer';
import { createWalSyncer, durableMethods, totalChanges, walFileFsync } from './walSync';
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
  /** Tests: a read method (get…/list…/count…) that writes throws, as it would skip the fsync wait. */
  assertReadsDoNotWrite?: boolean;
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
  // NORMAL: commits write the WAL without syncing it; walSync.ts fsyncs it off the event loop before any
  // write resolves, so acknowledged data is as durable as with FULL.
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  // 64 MB of page cache (the default is 2 MB): a 100,000-row import touches several random-key indexes.
  db.pragma('cache_size = -65536');
  migrate(db);
  return db;
}

/**
 * Opens (and migrates) a SQLite store. Every write resolves only after the WAL holding its commit has
 * been fsynced (on the thread pool, see walSync.ts), so a join or draw that was acknowledged survives
 * kill -9 and power loss alike; joins arriving in the same tick share one commit (group commit) and
 * commits arriving during an fsync share the next one, so the disk flush is paid per batch, not per phone.
 */
export function createSqliteStore(options: SqliteStoreOptions): Store {
  const db = openDatabase(options);
  const counters = createWeightCounters(db);
  const rows = createRowCache(db, !options.readonly);
  const changes = totalChanges(db);
  let closed = false;
  let checkpointer: WalCheckpointer | null = null;
  const wal =
    options.readonly || options.file === ':memory:'
      ? null
      : walFileFsync(options.file, (bytes) => {
          if (checkpointer || closed || bytes < CHECKPOINT_THREAD_FROM_BYTES) return;
          checkpointer = startWalCheckpointer(options.file, {
            onError: (message) => process.emitWarning(`SQLite checkpoint failed: ${message}`),
          });
        });
  if (wal) db.pragma(`wal_autocheckpoint = ${FALLBACK_AUTOCHECKPOINT_PAGES}`);
  const syncer = createWalSyncer(changes, wal ? wal.fsync : async () => {});
  const parts: SqliteParts = {
    db,
    audit: createAuditLog(db),
    counters,
    weigher: createWeigher(db, counters, rows),
    rows,
    fsyncRunning: () => syncer.running(),
    sync: () => syncer.sync(),
  };
  const { flush, ...participants } = createParticipantPart(parts);
  const { discardUnfinishedImports, ...people } = createPeoplePart(parts);
  if (!options.readonly) discardUnfinishedImports();
  const methods: Omit<Store, 'close' | 'whenDurable'> = {
    ...createEventPart(parts),
    ...participants,
    ...createRoundPart(parts),
    ...createClaimPart(parts),
    ...people,
    ...createRestorePart(parts),
    ...createRevealDuePart(parts),
    ...createConsolePart(parts),
    ...createPrivacyPart(parts),
  };
  return {
    ...durableMethods(methods, changes, syncer, options.assertReadsDoNotWrite),
    whenDurable: () => syncer.sync(),
    async close() {
      if (closed) return;
      closed = true;
      flush();
      await syncer.sync().catch(() => undefined);
      await checkpointer?.stop();
      wal?.close();
      db.close();
    },
  };
}
