import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startThrowawayPostgres, type ThrowawayPostgres } from '../../throwaway/postgres';
import { verifyChain } from '../../domain/audit/auditChain';
import { describeStoreConformance, fixtures, SYS } from '../conformance';
import { createPostgresStore } from './pgStore';
import { PG_MIGRATIONS } from './schema';

let server: ThrowawayPostgres;
let databases = 0;

beforeAll(async () => {
  server = await startThrowawayPostgres();
}, 60_000);
afterAll(() => server?.destroy());

/** A fresh database per harness, on the one throwaway server of this file. */
function freshDatabase(): string {
  databases += 1;
  return server.createDatabase(`conformance_${databases}`);
}

describeStoreConformance('postgres', async () => {
  const url = freshDatabase();
  return {
    open: async () => createPostgresStore({ connectionString: url }),
    cleanup: async () => undefined,
  };
});

describe('postgres store specifics', () => {
  it('migrates once even when three nodes start together, and records the version', async () => {
    const url = freshDatabase();
    const stores = await Promise.all([1, 2, 3].map(() => createPostgresStore({ connectionString: url })));
    try {
      const { rows } = await stores[0]!.pool.query<{ version: number }>(
        'SELECT version FROM schema_migrations ORDER BY version',
      );
      expect(rows.map((r) => r.version)).toEqual(PG_MIGRATIONS.map((_, i) => i + 1));
    } finally {
      await Promise.all(stores.map((s) => s.close()));
    }
  });

  it('refuses a database from a newer server', async () => {
    const url = freshDatabase();
    const store = await createPostgresStore({ connectionString: url });
    await store.pool.query('INSERT INTO schema_migrations (version) VALUES ($1)', [PG_MIGRATIONS.length + 1]);
    await store.close();
    await expect(createPostgresStore({ connectionString: url })).rejects.toThrow(/newer than this server/);
  });

  it('keeps one audit chain when two nodes write console changes to one event at once', async () => {
    const url = freshDatabase();
    const [a, b] = await Promise.all([1, 2].map(() => createPostgresStore({ connectionString: url })));
    try {
      const event = fixtures.event();
      await a!.insertEvent(event, SYS);
      const people = Array.from({ length: 20 }, () => fixtures.participant(event.id));
      for (const p of people) await a!.insertParticipantIfAbsent(p, SYS);
      // Support messages (group-committed), disqualifications and a credential, half on each node.
      await Promise.all(
        people.flatMap((p, i) => {
          const node = i % 2 === 0 ? a! : b!;
          return [
            node.insertSupportMessage(
              {
                id: `msg_${i}`,
                eventId: event.id,
                participantId: p.id,
                body: `help ${i}`,
                createdAt: 10 + i,
                answer: null,
                answeredAt: null,
                readAt: null,
              },
              SYS,
            ),
            // Both nodes disqualify the same person: exactly one of them changes anything.
            a!.setDisqualified(event.id, people[i % 5]!.id, true, SYS),
            b!.setDisqualified(event.id, people[i % 5]!.id, true, SYS),
          ];
        }),
      );
      expect(await b!.listSupportMessages(event.id)).toHaveLength(20);
      expect(new Set(await a!.listDisqualified(event.id)).size).toBe(5);
      const audit = await a!.listAudit(event.id, 0, 1_000);
      expect(verifyChain(audit)).toMatchObject({ ok: true });
      expect(audit.filter((r) => r.action === 'support.message')).toHaveLength(20);
      expect(audit.filter((r) => r.action === 'participant.disqualify')).toHaveLength(5);
    } finally {
      await Promise.all([a!.close(), b!.close()]);
    }
  });

  it('keeps the audit log append-only and the prize stock within bounds in the database itself', async () => {
    const url = freshDatabase();
    const store = await createPostgresStore({ connectionString: url });
    try {
      const event = fixtures.event();
      await store.insertEvent(event, SYS);
      const prize = fixtures.prize(event.id, { quantity: 2 });
      await store.insertPrize(prize, SYS);
      await expect(store.pool.query('DELETE FROM audit_log')).rejects.toThrow(/append-only/);
      await expect(
        store.pool.query('UPDATE prizes SET awarded = 3 WHERE id = $1', [prize.id]),
      ).rejects.toThrow(/check constraint/);
      await expect(
        store.pool.query('UPDATE prizes SET awarded = -1 WHERE id = $1', [prize.id]),
      ).rejects.toThrow(/check constraint/);
    } finally {
      await store.close();
    }
  });
});
