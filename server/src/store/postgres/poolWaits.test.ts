// A healthy but slow database makes writes wait for a pooled connection (bounded); one that cannot be
// reached, or does not answer, refuses them at once with the typed STORE_UNAVAILABLE.
import net from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startThrowawayPostgres, type ThrowawayPostgres } from '../../throwaway/postgres';
import { fixtures, SYS } from '../conformance';
import { inTransaction, openPool } from './db';
import { createPostgresStore } from './pgStore';

let server: ThrowawayPostgres;
let databases = 0;
beforeAll(async () => {
  server = await startThrowawayPostgres();
}, 60_000);
afterAll(() => server?.destroy());

const freshDatabase = () => server.createDatabase(`pool_waits_${(databases += 1)}`);

/** Holds every connection of the pool in a statement that takes `seconds` (the database is slow, not down). */
const slowStatements = (pool: { query: (sql: string) => Promise<unknown> }, count: number, seconds: number) =>
  Array.from({ length: count }, () => pool.query(`SELECT pg_sleep(${seconds})`));

describe('PostgreSQL pool waits', () => {
  it('acknowledges a burst of joins that waited longer than a connect timeout for a busy tiny pool', async () => {
    const store = await createPostgresStore({ connectionString: freshDatabase(), maxConnections: 2 });
    try {
      const event = fixtures.event();
      await store.insertEvent(event, SYS);
      const busy = slowStatements(store.pool, 2, 3);
      const phones = Array.from({ length: 100 }, () => fixtures.participant(event.id));
      const results = await Promise.allSettled(phones.map((p) => store.insertParticipantIfAbsent(p, SYS)));
      await Promise.all(busy);
      const refused = results.filter((r) => r.status === 'rejected');
      expect(refused.map((r) => String((r as PromiseRejectedResult).reason))).toEqual([]);
      expect(results.map((r) => (r as PromiseFulfilledResult<{ status: string }>).value.status)).toEqual(
        phones.map(() => 'created'),
      );
      expect(await store.countParticipants(event.id)).toBe(100);
    } finally {
      await store.close();
    }
  }, 60_000);

  it('still refuses, typed, once the bounded wait for a busy pool is over', async () => {
    const store = await createPostgresStore({
      connectionString: freshDatabase(),
      maxConnections: 1,
      acquireTimeoutMs: 300,
    });
    try {
      const event = fixtures.event();
      await store.insertEvent(event, SYS);
      const busy = slowStatements(store.pool, 1, 2);
      await expect(
        store.insertParticipantIfAbsent(fixtures.participant(event.id), SYS),
      ).rejects.toMatchObject({
        code: 'STORE_UNAVAILABLE',
      });
      await Promise.all(busy);
      expect(await store.countParticipants(event.id)).toBe(0);
    } finally {
      await store.close();
    }
  }, 60_000);

  it('refuses at once, typed, when nothing listens or the server never answers the handshake', async () => {
    const silent = net.createServer(() => undefined); // accepts TCP, never speaks PostgreSQL
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const silentPort = (silent.address() as AddressInfo).port;
    const closedPort = await new Promise<number>((resolve) => {
      const s = net.createServer().listen(0, '127.0.0.1', () => {
        const { port } = s.address() as AddressInfo;
        s.close(() => resolve(port));
      });
    });
    try {
      for (const port of [closedPort, silentPort]) {
        const pool = openPool({
          connectionString: `postgres://postgres@127.0.0.1:${port}/postgres`,
          connectTimeoutMs: 300,
        });
        const started = Date.now();
        await expect(inTransaction(pool, (tx) => tx.query('SELECT 1'))).rejects.toMatchObject({
          code: 'STORE_UNAVAILABLE',
        });
        // Far below the 30 s a busy pool may be waited for.
        expect(Date.now() - started).toBeLessThan(5_000);
        await pool.end();
      }
    } finally {
      silent.close();
    }
  }, 60_000);
});
