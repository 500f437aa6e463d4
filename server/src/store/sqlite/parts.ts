// What every part of the SQLite store shares: the database, the audit log, the counters and the weigher.
import type Database from 'better-sqlite3';
import type { AuditLog } from './auditLog';
import type { WeightCounters } from './counters';
import type { RowCache } from './rowCache';
import type { Weigher } from './weights';

/** Passed to each part's factory; parts add their own prepared statements. */
export interface SqliteParts {
  db: Database.Database;
  audit: AuditLog;
  counters: WeightCounters;
  weigher: Weigher;
  /** Events, prizes and current rounds; every writer of those tables calls rows.invalidate() first. */
  rows: RowCache;
  /** The fsync now running, if any (the join group commit batches behind it). */
  fsyncRunning: () => Promise<void> | null;
  /** Resolves once every commit so far is on disk (fsync on the thread pool; starts the checkpoint thread). */
  sync: () => Promise<void>;
}
