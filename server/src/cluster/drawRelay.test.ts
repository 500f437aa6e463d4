import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixtures, SYS } from '../store/conformance';
import { createPostgresStore, type PostgresStore } from '../store/postgres/pgStore';
import { startThrowawayPostgres, type ThrowawayPostgres } from '../throwaway/postgres';
import { startDrawRelay } from './drawRelay';

let server: ThrowawayPostgres;
let store: PostgresStore;
let url: string;
const logger = pino({ level: 'silent' });

beforeAll(async () => {
  server = await startThrowawayPostgres();
  url = server.createDatabase('relay');
  store = await createPostgresStore({ connectionString: url });
}, 60_000);
afterAll(async () => {
  await store?.close();
  server?.destroy();
});

/** A drawn round of a fresh event. */
async function drawOne(): Promise<string> {
  const event = fixtures.event();
  await store.insertEvent(event, SYS);
  const prize = fixtures.prize(event.id);
  await store.insertPrize(prize, SYS);
  const p = fixtures.participant(event.id);
  await store.insertParticipantIfAbsent(p, SYS);
  const round = fixtures.round(event.id, prize.id);
  await store.insertRound(round, SYS);
  expect((await store.commitDrawResult(round.id, fixtures.outcome([p.id]), SYS)).outcome).toBe('drawn');
  return round.id;
}

function waitFor(seen: string[], id: string): Promise<void> {
  return new Promise((resolve) => {
    const check = () => (seen.includes(id) ? resolve() : setTimeout(check, 5));
    check();
  });
}

describe('draw relay', () => {
  it('hears a draw committed elsewhere through LISTEN/NOTIFY, without waiting for a poll', async () => {
    const seen: string[] = [];
    const relay = startDrawRelay({
      store,
      connectionString: url,
      fromVersion: await store.drawVersion(),
      logger,
      pollMs: 3_600_000,
      onDrawn: async (id) => void seen.push(id),
    });
    try {
      // Let the listener connect (its start-up poll finds nothing), then draw.
      await new Promise((r) => setTimeout(r, 500));
      const roundId = await drawOne();
      await waitFor(seen, roundId);
      expect(seen).toEqual([roundId]);
    } finally {
      await relay.close();
    }
  });

  it('catches up from the draw clock with draws it never heard of', async () => {
    const from = await store.drawVersion();
    const missed = [await drawOne(), await drawOne()];
    const seen: string[] = [];
    const relay = startDrawRelay({
      store,
      connectionString: url,
      fromVersion: from,
      logger,
      onDrawn: async (id) => void seen.push(id),
    });
    try {
      await waitFor(seen, missed[1]!);
      expect(seen.slice(0, 2)).toEqual(missed);
      expect(relay.version).toBe(await store.drawVersion());
    } finally {
      await relay.close();
    }
  });
});
