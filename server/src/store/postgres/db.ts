// The PostgreSQL plumbing every part shares: the pool, transactions, the per-event lock and error mapping.
import { DrawcastError, ErrorCode } from '@drawcast/shared';
import pg from 'pg';

/** A connection inside a transaction (or the pool itself for single reads). */
export type Queryable = Pick<pg.PoolClient, 'query'>;

/** Advisory-lock namespace of Drawcast (first key of the two-key form); the second key names the thing. */
export const LOCK_NAMESPACE = 0x44435354; // "DCST"
/** Second key of the migration lock: one node migrates at a time. */
export const MIGRATION_LOCK = 0;

// int8 (counts, epoch ms, sequence numbers) and numeric (SUMs) as JS numbers: every value we store fits
// well inside 2^53, and the SQLite mappers expect numbers.
const INT8 = 20;
const NUMERIC = 1700;
const parseNumber = (text: string) => Number(text);
const types = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    if (oid === INT8 || oid === NUMERIC) return parseNumber;
    return pg.types.getTypeParser(oid, format);
  },
} as pg.CustomTypesConfig;

/** Options of the pool; the defaults suit a node beside a local or LAN database. */
export interface PoolOptions {
  connectionString: string;
  /** Connections per node (joins use one per batch, draws one each). */
  max?: number;
  /**
   * How long a caller waits for a pooled connection while all are busy (a healthy but slow database:
   * the wait is bounded, and only then is the write refused with STORE_UNAVAILABLE).
   */
  acquireTimeoutMs?: number;
  /** How long opening one new connection may take: an unreachable database is refused this fast. */
  connectTimeoutMs?: number;
}

/** Defaults of the two waits above. */
export const POOL_WAITS = { acquireTimeoutMs: 30_000, connectTimeoutMs: 5_000 } as const;

/**
 * Opens a pool that turns numbers into numbers and never crashes the process on a dropped idle connection.
 * pg-pool has one timeout for two different waits (a free connection, and a new connection's handshake);
 * it is set to the long one, and each client gets the short one for its own connect.
 */
export function openPool({
  connectionString,
  max = 10,
  acquireTimeoutMs = POOL_WAITS.acquireTimeoutMs,
  connectTimeoutMs = POOL_WAITS.connectTimeoutMs,
}: PoolOptions): pg.Pool {
  class QuickConnectClient extends pg.Client {
    constructor(config: pg.ClientConfig = {}) {
      super({ ...config, connectionTimeoutMillis: connectTimeoutMs });
    }
  }
  const pool = new pg.Pool({
    connectionString,
    max,
    types,
    Client: QuickConnectClient,
    // Waiting for a free connection: a burst of joins on a busy database queues instead of failing. A
    // database that is down fails at once anyway (refused connect), one that does not answer after
    // connectTimeoutMs (the client's own handshake timeout, not the OS connect timeout).
    connectionTimeoutMillis: acquireTimeoutMs,
    idleTimeoutMillis: 30_000,
    // A statement stuck behind a lock (or a half-open connection) fails instead of hanging a join.
    query_timeout: 15_000,
    application_name: 'drawcast',
  });
  // Idle clients whose server went away emit 'error' on the pool; the next checkout reconnects.
  pool.on('error', () => undefined);
  return pool;
}

const UNAVAILABLE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'ENOTFOUND',
  'EHOSTUNREACH',
  '57P01', // admin_shutdown
  '57P02', // crash_shutdown
  '57P03', // cannot_connect_now (starting up / shutting down)
  '53300', // too_many_connections
]);

/** True when the error means "the database cannot be reached now" rather than "this request is wrong". */
export function isUnavailable(err: unknown): boolean {
  if (!(err instanceof Error)) return false;
  const code = (err as { code?: unknown }).code;
  if (typeof code === 'string' && (UNAVAILABLE_CODES.has(code) || code.startsWith('08'))) return true;
  return /Connection terminated|connection timeout|Client has encountered a connection error|timeout expired|timeout exceeded when trying to connect|Query read timeout/i.test(
    err.message,
  );
}

/** The typed error callers get while PostgreSQL is unreachable: nothing was written. */
export function unavailableError(): DrawcastError {
  return new DrawcastError(
    ErrorCode.STORE_UNAVAILABLE,
    'the database is unavailable; nothing was stored, try again in a few seconds',
  );
}

/** Rethrows a connection failure as the typed STORE_UNAVAILABLE error; other errors pass unchanged. */
export function translate(err: unknown): never {
  if (isUnavailable(err)) throw unavailableError();
  throw err;
}

/** True for a unique-key violation (optionally of the named constraint). */
export function isUniqueViolation(err: unknown, constraint?: string): boolean {
  if (!(err instanceof Error)) return false;
  const e = err as { code?: unknown; constraint?: unknown };
  return e.code === '23505' && (constraint === undefined || e.constraint === constraint);
}

/**
 * Runs `work` in one transaction on one pooled connection; commits, or rolls back and rethrows.
 * `prelude` (SQL without parameters, e.g. the advisory locks) is sent with BEGIN in one round trip.
 */
export async function inTransaction<T>(
  pool: pg.Pool,
  work: (tx: Queryable) => Promise<T>,
  prelude?: (escapeLiteral: (text: string) => string) => string,
): Promise<T> {
  let client: pg.PoolClient;
  try {
    client = await pool.connect();
  } catch (err) {
    return translate(err);
  }
  let broken = false;
  try {
    await client.query(prelude ? `BEGIN; ${prelude((t) => client.escapeLiteral(t))}` : 'BEGIN');
    const result = await work(client);
    await client.query('COMMIT');
    return result;
  } catch (err) {
    broken = isUnavailable(err);
    if (!broken) await client.query('ROLLBACK').catch(() => (broken = true));
    return translate(err);
  } finally {
    // A connection that failed mid-transaction is discarded, never handed to the next caller.
    client.release(broken ? true : undefined);
  }
}

/** A read outside any transaction, with connection failures typed. */
export async function read<R extends pg.QueryResultRow>(
  pool: pg.Pool,
  text: string,
  values: unknown[] = [],
): Promise<R[]> {
  try {
    return (await pool.query<R>(text, values)).rows;
  } catch (err) {
    return translate(err);
  }
}

/**
 * Serialises every write of one event across all nodes until the transaction ends: the audit chain's
 * next seq, draws of two rounds of the event, and check-then-insert of joins are all taken under it.
 */
export async function lockEvent(tx: Queryable, eventId: string): Promise<void> {
  await tx.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [LOCK_NAMESPACE, eventId]);
}

/**
 * The SQL that locks several events in a fixed order (ascending key), so two batches can never wait on
 * each other (no deadlock); literal, so it can travel with BEGIN in one round trip.
 */
export function lockEventsSql(escapeLiteral: (text: string) => string, eventIds: Iterable<string>): string {
  const keys = [...new Set(eventIds)].sort().map(escapeLiteral);
  if (keys.length === 0) return 'SELECT 1';
  return `SELECT pg_advisory_xact_lock(${LOCK_NAMESPACE}, k) FROM (SELECT DISTINCT hashtext(e) AS k FROM unnest(ARRAY[${keys.join(', ')}]::text[]) AS e ORDER BY 1) AS s`;
}
