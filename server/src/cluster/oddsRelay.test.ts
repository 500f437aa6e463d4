import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { usePostgresStore } from '../../test/postgresSuite';
import type { OddsTick } from '../store/postgres/oddsClock';
import { startOddsRelay, type OddsRelay } from './oddsRelay';

const pg = usePostgresStore('odds');
const logger = pino({ level: 'silent' });

/** A relay for node `nodeId` that records what it is told changed elsewhere. */
function node(
  nodeId: string,
  pollMs?: number,
  atStart: OddsTick[] = [],
): { relay: OddsRelay; heard: string[]; next: () => Promise<string> } {
  const heard: string[] = [];
  const waiting: ((eventId: string) => void)[] = [];
  const relay = startOddsRelay({
    clock: pg.store,
    atStart,
    connectionString: pg.url,
    nodeId,
    logger,
    ...(pollMs !== undefined && { pollMs }),
    onElsewhere: (eventId) => {
      heard.push(eventId);
      waiting.shift()?.(eventId);
    },
  });
  return { relay, heard, next: () => new Promise((resolve) => waiting.push(resolve)) };
}

describe('odds relay', () => {
  it('tells the other node of each change, never the node its own', async () => {
    const a = node('a', 3_600_000);
    const b = node('b', 3_600_000);
    try {
      // The relays' listeners connect in the background; keep changing until b hears (NOTIFY or poll).
      const heardByB = b.next();
      a.relay.changed('evt_1');
      expect(await heardByB).toBe('evt_1');
      const heardByA = a.next();
      b.relay.changed('evt_2');
      expect(await heardByA).toBe('evt_2');
      // Notices arrive in commit order, so a's own tick (evt_1) came before evt_2 and was ignored.
      expect(a.heard).toEqual(['evt_2']);
      expect(b.heard).toEqual(['evt_1']);
    } finally {
      await Promise.all([a.relay.close(), b.relay.close()]);
    }
  });

  it('finds a tick it was never notified of by polling', async () => {
    await pg.store.tickOdds('evt_polled', 'elsewhere');
    // Started as a node starts: what is already there is noted, not rebroadcast.
    const b = node('b2', 50, await pg.store.recentOddsTicks(5_000));
    try {
      const heard = b.next();
      // A change without a NOTIFY (as if the notice were lost): only the poll can see it.
      await pg.store.pool.query(
        `UPDATE odds_clock SET version = version + 1, origin = 'elsewhere', changed_at = clock_timestamp()
         WHERE event_id = 'evt_polled'`,
      );
      expect(await heard).toBe('evt_polled');
    } finally {
      await b.relay.close();
    }
  });
});
