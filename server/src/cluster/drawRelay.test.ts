import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { fixtures, SYS } from '../store/conformance';
import { usePostgresStore } from '../../test/postgresSuite';
import { startDrawRelay } from './drawRelay';

const pg = usePostgresStore('relay');
const logger = pino({ level: 'silent' });

/** A drawn round of a fresh event. */
async function drawOne(): Promise<string> {
  const event = fixtures.event();
  await pg.store.insertEvent(event, SYS);
  const prize = fixtures.prize(event.id);
  await pg.store.insertPrize(prize, SYS);
  const p = fixtures.participant(event.id);
  await pg.store.insertParticipantIfAbsent(p, SYS);
  const round = fixtures.round(event.id, prize.id);
  await pg.store.insertRound(round, SYS);
  expect((await pg.store.commitDrawResult(round.id, fixtures.outcome([p.id]), SYS)).outcome).toBe('drawn');
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
      store: pg.store,
      connectionString: pg.url,
      fromVersion: await pg.store.drawVersion(),
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
    const from = await pg.store.drawVersion();
    const missed = [await drawOne(), await drawOne()];
    const seen: string[] = [];
    const relay = startDrawRelay({
      store: pg.store,
      connectionString: pg.url,
      fromVersion: from,
      logger,
      onDrawn: async (id) => void seen.push(id),
    });
    try {
      await waitFor(seen, missed[1]!);
      expect(seen.slice(0, 2)).toEqual(missed);
      expect(relay.version).toBe(await pg.store.drawVersion());
    } finally {
      await relay.close();
    }
  });
});
