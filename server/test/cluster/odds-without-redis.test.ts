// Two real nodes on a throwaway PostgreSQL and redis-server: with Redis stopped, a join on node 0 still
// updates the odds of a phone connected to node 1 (the nodes learn of odds changes from PostgreSQL).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OddsAggregateDto } from '@drawcast/shared';
import { startLocalCluster, type LocalCluster } from '../../src/throwaway/localCluster';
import { nextEvent } from '../harness';
import { createRound, health, joinPhones, openEvent, until, type JoinedPhone } from './kit';

let c: LocalCluster;
const phones: JoinedPhone[] = [];

beforeAll(async () => {
  c = await startLocalCluster({ nodes: 2, nginx: false });
}, 120_000);

afterAll(async () => {
  for (const p of phones.splice(0)) p.socket.disconnect();
  await c?.stop();
}, 60_000);

/** Rejects after `ms` with `what`, so a missing broadcast fails the test with a clear message. */
function within<T>(ms: number, work: Promise<T>, what: string): Promise<T> {
  return Promise.race([
    work,
    new Promise<T>((_, reject) => setTimeout(() => reject(new Error(`no ${what} in ${ms} ms`)), ms)),
  ]);
}

describe('odds across nodes while Redis is down', () => {
  it('a join on node 0 reaches the odds of a phone on node 1 within about a second', async () => {
    const [a, b] = c.nodes.map((n) => n.url) as [string, string];
    const { eventId, joinCode, prizeId } = await openEvent(c, a);
    await createRound(c, a, eventId, prizeId, 1);
    const [onB] = await joinPhones(b, joinCode, 1);
    phones.push(onB!);

    await c.redis.stop();
    for (const url of [a, b]) {
      await until(async () => (await health(url)).body.status === 'degraded', 10_000, 'degraded health');
    }
    // Several joins on node 0, one after another: node 1's phone sees each new total, none later than ~1 s.
    const latencies: number[] = [];
    for (let total = 2; total <= 4; total += 1) {
      const seen = nextEvent(onB!.socket, 'odds:aggregate', (o: OddsAggregateDto) => o.total === total);
      const started = Date.now();
      phones.push(...(await joinPhones(a, joinCode, 1)));
      const odds = await within(2_000, seen, `odds with total ${total} on node 1`);
      expect(odds).toMatchObject({ eventId, total });
      latencies.push(Date.now() - started);
    }
    console.info(`Redis stopped: a join on node 0 reached node 1's phone in ${latencies.join(', ')} ms`);
    for (const ms of latencies) expect(ms).toBeLessThan(1_500);

    await c.redis.start();
    for (const url of [a, b]) {
      await until(async () => (await health(url)).body.status === 'ok', 15_000, 'health to say ok again');
    }
    // Redis back: still exactly as before (one path, whichever way Redis is).
    const seen = nextEvent(onB!.socket, 'odds:aggregate', (o: OddsAggregateDto) => o.total === 5);
    phones.push(...(await joinPhones(a, joinCode, 1)));
    await within(2_000, seen, 'odds with total 5 on node 1 after Redis returned');
  }, 120_000);
});
