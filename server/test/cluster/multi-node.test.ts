// Three real nodes (child processes) on a throwaway PostgreSQL and redis-server, behind the real nginx config.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RoundDto, RoundRevealDto } from '@drawcast/shared';
import { startLocalCluster, type LocalCluster } from '../../src/throwaway/localCluster';
import { nextEvent, okData } from '../harness';
import { api, createRound, health, joinPhones, ok, openEvent, phone, until, type JoinedPhone } from './kit';

let c: LocalCluster;
let db: pg.Pool;
const everyPhone: JoinedPhone[] = [];

beforeAll(async () => {
  c = await startLocalCluster({
    nodes: 3,
    env: { DRAWCAST_JOINS_PER_IP_PER_MINUTE: '1000000', DRAWCAST_JOINS_PER_DEVICE_PER_MINUTE: '1000' },
  });
  db = new pg.Pool({ connectionString: c.databaseUrl, max: 2 });
  db.on('error', () => undefined);
}, 120_000);

afterAll(async () => {
  for (const p of everyPhone.splice(0)) p.socket.disconnect();
  await db?.end();
  await c?.stop();
}, 60_000);

const node = (i: number) => c.nodes[i]!.url;

describe('three nodes behind nginx', () => {
  it('300 phones spread over the nodes all get one draw, revealing within 50 ms of each other', async () => {
    const { eventId, joinCode, prizeId } = await openEvent(c, c.url, { settings: { revealLeadMs: 5_000 } });
    const phones = await joinPhones(c.url, joinCode, 300);
    everyPhone.push(...phones);
    const perNode = await Promise.all(c.nodes.map(async (n) => (await health(n.url)).body.sockets));
    expect(perNode.reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(300);
    for (const n of perNode) expect(n).toBeGreaterThan(30);

    const round = await createRound(c, node(1), eventId, prizeId, 5);
    const arrivals = phones.map((p) =>
      nextEvent(p.socket, 'round:reveal', (r: RoundRevealDto) => r.roundId === round.id).then((dto) => ({
        dto,
        at: Date.now(),
      })),
    );
    const drawn = ok(await api<RoundDto>(c, node(0), 'POST', `/api/rounds/${round.id}/draw`));
    const got = await Promise.all(arrivals);
    expect(got).toHaveLength(300);
    const winners = drawn.winners!.map((w) => w.participantId);
    for (const { dto } of got) expect(dto.winners.map((w) => w.participantId)).toEqual(winners);
    // A phone shows the result at revealAt (server time) or on arrival if that was later.
    const moments = got.map(({ dto, at }) => Math.max(at, dto.revealAt));
    const spread = Math.max(...moments) - Math.min(...moments);
    const arrivalSpread = Math.max(...got.map((g) => g.at)) - Math.min(...got.map((g) => g.at));
    console.info(
      `300 phones on ${perNode.join('/')} sockets per node: reveal moments spread ${spread} ms, arrivals spread ${arrivalSpread} ms`,
    );
    expect(spread).toBeLessThanOrEqual(50);
    expect(Math.max(...got.map((g) => g.at))).toBeLessThan(drawn.phoneRevealAt!);
  }, 120_000);

  it('a draw sent to two nodes at once gives one result, 50 times over', async () => {
    const { eventId, joinCode, prizeId } = await openEvent(c, node(0), { quantity: 50 });
    everyPhone.push(...(await joinPhones(node(2), joinCode, 60)));
    for (let i = 0; i < 50; i += 1) {
      const round = await createRound(c, node(i % 3), eventId, prizeId, 1);
      const [a, b] = await Promise.all(
        [node(1), node(2)].map(async (url) =>
          ok(await api<RoundDto>(c, url, 'POST', `/api/rounds/${round.id}/draw`)),
        ),
      );
      expect(a!.winners).toHaveLength(1);
      expect(b!.winners).toEqual(a!.winners);
    }
    const { rows } = await db.query<{ awarded: number; claims: string }>(
      'SELECT awarded, (SELECT COUNT(*)::int FROM claims WHERE prize_id = $1) AS claims FROM prizes WHERE id = $1',
      [prizeId],
    );
    expect(rows[0]).toEqual({ awarded: 50, claims: 50 });
  }, 120_000);

  it('two rounds of one event drawn on two nodes at once never share a winner, 50 times over', async () => {
    const { eventId, joinCode, prizeId } = await openEvent(c, node(0), { quantity: 100 });
    everyPhone.push(...(await joinPhones(c.url, joinCode, 120)));
    const everyWinner: string[] = [];
    for (let i = 0; i < 50; i += 1) {
      const one = await createRound(c, node(0), eventId, prizeId, 1);
      const two = await createRound(c, node(0), eventId, prizeId, 1);
      const [a, b] = await Promise.all([
        api<RoundDto>(c, node(1), 'POST', `/api/rounds/${one.id}/draw`).then(ok),
        api<RoundDto>(c, node(2), 'POST', `/api/rounds/${two.id}/draw`).then(ok),
      ]);
      const wa = a.winners![0]!.participantId;
      const wb = b.winners![0]!.participantId;
      expect(wa).not.toBe(wb);
      everyWinner.push(wa, wb);
    }
    expect(new Set(everyWinner).size).toBe(100);
  }, 120_000);

  it('the same code redeemed on three nodes at once is redeemed once, 100 times over; stock never below zero', async () => {
    const { eventId, joinCode, prizeId } = await openEvent(c, node(0), { quantity: 100 });
    everyPhone.push(...(await joinPhones(c.url, joinCode, 100)));
    const round = await createRound(c, node(0), eventId, prizeId, 100);
    ok(await api(c, node(1), 'POST', `/api/rounds/${round.id}/draw`));
    const claims = ok(await api<{ code: string }[]>(c, node(2), 'GET', `/api/events/${eventId}/claims`));
    expect(claims).toHaveLength(100);
    for (let start = 0; start < 100; start += 10) {
      await Promise.all(
        claims.slice(start, start + 10).map(async ({ code }) => {
          const answers = await Promise.all(
            [0, 1, 2].map((i) =>
              api<{ code?: string }>(c, node(i), 'POST', '/api/claims/redeem', { code, staff: `desk ${i}` }),
            ),
          );
          expect(answers.filter((r) => r.status === 200)).toHaveLength(1);
          expect(answers.filter((r) => r.status === 409).map((r) => r.body.code)).toEqual([
            'ALREADY_REDEEMED',
            'ALREADY_REDEEMED',
          ]);
        }),
      );
    }
    const { rows } = await db.query<{ redeemed: number; awarded: number }>(
      `SELECT COUNT(*) FILTER (WHERE c.status = 'redeemed')::int AS redeemed, MIN(p.awarded) AS awarded
       FROM claims c JOIN prizes p ON p.id = c.prize_id WHERE c.event_id = $1`,
      [eventId],
    );
    expect(rows[0]).toEqual({ redeemed: 100, awarded: 100 });
  }, 120_000);
});

/** Joins one new phone through `url`; resolves with the ack (ok or the typed failure), never throws. */
async function tryJoin(
  url: string,
  joinCode: string,
): Promise<{ ok: boolean; code?: string; id?: string; ms: number }> {
  const started = Date.now();
  const socket = phone(url);
  try {
    const ack = await socket.timeout(15_000).emitWithAck('event:join', {
      joinCode,
      nickname: 'late',
      deviceToken: randomBytes(16).toString('base64url'),
    });
    return ack.ok
      ? { ok: true, id: ack.data.participantId, ms: Date.now() - started }
      : { ok: false, code: ack.code, ms: Date.now() - started };
  } catch (err) {
    return { ok: false, code: (err as Error).message, ms: Date.now() - started };
  } finally {
    socket.disconnect();
  }
}

async function storedIds(eventId: string): Promise<Set<string>> {
  const { rows } = await db.query<{ id: string }>('SELECT id FROM participants WHERE event_id = $1', [
    eventId,
  ]);
  return new Set(rows.map((r) => r.id));
}

describe('faults', () => {
  it('SIGKILL one node under load: its phones reconnect to the others and nothing acknowledged is lost', async () => {
    const { eventId, joinCode } = await openEvent(c, node(0));
    const phones = await joinPhones(c.url, joinCode, 90, { reconnect: true });
    everyPhone.push(...phones);
    const dropped = new Set<JoinedPhone>();
    for (const p of phones) p.socket.on('disconnect', () => dropped.add(p));
    const acked: string[] = [];
    let loading = true;
    const load = Promise.all(
      Array.from({ length: 4 }, async () => {
        while (loading) {
          const r = await tryJoin(c.url, joinCode);
          if (r.ok) acked.push(r.id!);
        }
      }),
    );
    await until(() => acked.length >= 10, 20_000, 'load to start');
    await c.nodes[2]!.kill();
    await until(() => dropped.size > 0, 10_000, 'phones of the killed node to notice');
    await until(() => [...dropped].every((p) => p.socket.connected), 30_000, 'dropped phones to reconnect');
    for (const p of dropped) {
      const state = okData(
        await p.socket.emitWithAck('participant:state', { eventId, deviceToken: p.deviceToken }),
      );
      expect(state.participant.id).toBe(p.participantId);
    }
    const before = acked.length;
    await until(() => acked.length >= before + 10, 20_000, 'joins to go on after the kill');
    loading = false;
    await load;
    const stored = await storedIds(eventId);
    for (const p of phones) expect(stored.has(p.participantId)).toBe(true);
    for (const id of acked) expect(stored.has(id)).toBe(true);
    await c.restartNode(2);
  }, 120_000);

  it('redis-server stopped for 10 s during a draw: degraded, joins go on, every phone gets the reveal, the adapter resumes', async () => {
    const { eventId, joinCode, prizeId } = await openEvent(c, node(0), { settings: { revealLeadMs: 3_000 } });
    const phones = await joinPhones(c.url, joinCode, 30);
    const [onNodeOne] = await joinPhones(node(1), joinCode, 1);
    everyPhone.push(...phones, onNodeOne!);
    const stoppedAt = Date.now();
    await c.redis.stop();
    for (const n of c.nodes) {
      await until(
        async () => (await health(n.url)).body.status === 'degraded',
        10_000,
        'health to say degraded',
      );
      const h = await health(n.url);
      expect(h.status).toBe(200);
      expect(h.body.reasons.join(' ')).toMatch(/redis/);
    }
    expect((await tryJoin(c.url, joinCode)).ok).toBe(true);

    const round = await createRound(c, node(2), eventId, prizeId, 3);
    const arrivals = [...phones, onNodeOne!].map((p) =>
      nextEvent(p.socket, 'round:reveal', (r: RoundRevealDto) => r.roundId === round.id).then(() =>
        Date.now(),
      ),
    );
    const drawn = ok(await api<RoundDto>(c, node(0), 'POST', `/api/rounds/${round.id}/draw`));
    const got = await Promise.all(arrivals);
    expect(Math.max(...got)).toBeLessThan(drawn.phoneRevealAt!);

    await new Promise((r) => setTimeout(r, Math.max(0, 10_000 - (Date.now() - stoppedAt))));
    await c.redis.start();
    for (const n of c.nodes) {
      await until(async () => (await health(n.url)).body.status === 'ok', 15_000, 'health to say ok again');
    }
    // A broadcast made on node 0 reaches a phone on node 1 again: that only travels through Redis.
    const updated = nextEvent(onNodeOne!.socket, 'event:updated', (e) => e.title === 'After the outage');
    ok(await api(c, node(0), 'PATCH', `/api/events/${eventId}`, { title: 'After the outage' }));
    await expect(
      Promise.race([
        updated,
        new Promise((_, reject) => setTimeout(() => reject(new Error('no broadcast')), 5_000)),
      ]),
    ).resolves.toMatchObject({ title: 'After the outage' });
  }, 120_000);

  it('PostgreSQL stopped for 10 s: writes fail at once with STORE_UNAVAILABLE, nothing acknowledged is lost, service resumes within 5 s', async () => {
    const { eventId, joinCode } = await openEvent(c, node(0));
    const acked = (await joinPhones(c.url, joinCode, 30)).map((p) => {
      everyPhone.push(p);
      return p.participantId;
    });
    // Joins in flight while the database goes down: each is either acknowledged (and stored) or refused.
    const inFlight = Array.from({ length: 20 }, () => tryJoin(c.url, joinCode));
    c.postgres!.stop();
    const stoppedAt = Date.now();
    for (const r of await Promise.all(inFlight)) {
      if (r.ok) acked.push(r.id!);
      else expect(r.code).toBe('STORE_UNAVAILABLE');
    }
    const refused = await tryJoin(c.url, joinCode);
    expect(refused).toMatchObject({ ok: false, code: 'STORE_UNAVAILABLE' });
    expect(refused.ms).toBeLessThan(3_000);
    for (const n of c.nodes) {
      const h = await health(n.url);
      expect(h.status).toBe(503);
      expect(h.body.status).toBe('unavailable');
    }
    while (Date.now() - stoppedAt < 10_000) {
      expect((await tryJoin(c.url, joinCode)).code).toBe('STORE_UNAVAILABLE');
      await new Promise((r) => setTimeout(r, 500));
    }
    c.postgres!.start();
    const startedAt = Date.now();
    for (let i = 0; i < 3; i += 1) {
      await until(
        async () => {
          const r = await tryJoin(node(i), joinCode);
          if (r.ok) acked.push(r.id!);
          return r.ok;
        },
        5_000,
        `node ${i} to take joins again`,
      );
    }
    const resumedMs = Date.now() - startedAt;
    console.info(
      `PostgreSQL back: all three nodes took joins again after ${resumedMs} ms; refused in ${refused.ms} ms while down`,
    );
    expect(resumedMs).toBeLessThan(5_000);
    for (const n of c.nodes) expect((await health(n.url)).status).toBe(200);
    const stored = await storedIds(eventId);
    for (const id of acked) expect(stored.has(id)).toBe(true);
  }, 120_000);
});
