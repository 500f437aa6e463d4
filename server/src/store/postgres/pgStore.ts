// The shared Store for several nodes: PostgreSQL. Every invariant that matters under concurrency is one
// transaction with the database's own guarantees (unique keys, CHECKs, compare-and-set, advisory locks).
import type pg from 'pg';
import type { Store } from '../store';
import { openPool, read } from './db';
import { createPgClaimPart } from './claimPart';
import { createPgConsolePart } from './consolePart';
import { createPgEventPart } from './eventPart';
import { createPgOddsClock, type OddsClock } from './oddsClock';
import type { PgParts } from './parts';
import { createPgParticipantPart } from './participantPart';
import { createPgPeoplePart } from './peoplePart';
import { createPgPrivacyPart } from './privacyPart';
import { createPgRestorePart } from './restorePart';
import { createPgRevealDuePart } from './revealDuePart';
import { createPgRoundPart } from './roundPart';
import { migratePostgres } from './schema';

/** Options of the PostgreSQL store. */
export interface PostgresStoreOptions {
  /** postgres://user:password@host:port/database */
  connectionString: string;
  /** Pool size per node. */
  maxConnections?: number;
  /** Longest wait for a free pooled connection (default POOL_WAITS). */
  acquireTimeoutMs?: number;
  /** Longest handshake of a new connection (default POOL_WAITS). */
  connectTimeoutMs?: number;
}

/** The Store plus what a node needs beyond it: health, the draw clock the reveal poller reads, the odds clock. */
export interface PostgresStore extends Store, OddsClock {
  /** Resolves if the database answers now (readiness). */
  ping(): Promise<void>;
  /** The draw clock: bumped by every draw, so a node learns of draws made elsewhere by reading one row. */
  drawVersion(): Promise<number>;
  /** Rounds drawn after `version` (with their draw version), oldest first. */
  drawnSince(
    version: number,
    limit?: number,
  ): Promise<{ roundId: string; eventId: string; version: number }[]>;
  readonly pool: pg.Pool;
}

/**
 * Opens a pool, migrates the schema (one node at a time) and returns the store. Writes resolve only
 * after COMMIT (synchronous_commit on: flushed to the WAL), joins arriving together share one commit.
 */
export async function createPostgresStore(options: PostgresStoreOptions): Promise<PostgresStore> {
  const pool = openPool({
    connectionString: options.connectionString,
    max: options.maxConnections,
    acquireTimeoutMs: options.acquireTimeoutMs,
    connectTimeoutMs: options.connectTimeoutMs,
  });
  try {
    await migratePostgres(pool);
  } catch (err) {
    await pool.end();
    throw err;
  }
  const parts: PgParts = { pool };
  const { drain: drainJoins, ...participants } = createPgParticipantPart(parts);
  const { drain: drainSupport, ...consolePart } = createPgConsolePart(parts);
  const drain = async () => {
    await Promise.all([drainJoins(), drainSupport()]);
  };
  let closed = false;
  return {
    ...createPgEventPart(parts),
    ...participants,
    ...createPgRoundPart(parts),
    ...createPgClaimPart(parts),
    ...createPgPeoplePart(parts),
    ...createPgRestorePart(parts),
    ...createPgRevealDuePart(parts),
    ...consolePart,
    ...createPgOddsClock(pool),
    ...createPgPrivacyPart(parts),
    pool,
    whenDurable: () => drain(),
    async ping() {
      await read(pool, 'SELECT 1');
    },
    async drawVersion() {
      const [row] = await read<{ version: number }>(pool, 'SELECT version FROM draw_clock WHERE id = 1');
      return row?.version ?? 0;
    },
    async drawnSince(version, limit = 100) {
      const rows = await read<{ id: string; event_id: string; draw_version: number }>(
        pool,
        `SELECT id, event_id, draw_version FROM rounds WHERE draw_version > $1 ORDER BY draw_version LIMIT $2`,
        [version, limit],
      );
      return rows.map((r) => ({ roundId: r.id, eventId: r.event_id, version: r.draw_version }));
    },
    async close() {
      if (closed) return;
      closed = true;
      await drain().catch(() => undefined);
      await pool.end();
    },
  };
}
