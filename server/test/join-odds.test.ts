// The join ack's odds over real sockets: exact for the aggregate that includes the join, even in a burst,
// whenever they are cheap (one weight class); the phone must never be shown a stale number as exact.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JoinAckDto, RoundDto } from '@drawcast/shared';
import { deviceToken, okData, openEventWithPrize, startTestServer } from './harness';
import type { TestServer } from './harness';

describe('join ack odds', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer();
  });
  afterAll(async () => {
    await t.close();
  });

  it('gives five phones joining one after another (k = 2) the true odds 1, 1, 0.667, 0.5, 0.4', async () => {
    const { eventId, joinCode, prizeId } = await openEventWithPrize(t, { quantity: 2 });
    await t.api<RoundDto>('POST', `/api/events/${eventId}/rounds`, { prizeId, winners: 2 });
    const acks: JoinAckDto[] = [];
    for (const nickname of ['Ann', 'Bo', 'Cy', 'Di', 'Ed']) {
      const phone = await t.connect();
      acks.push(
        okData(await phone.emitWithAck('event:join', { joinCode, nickname, deviceToken: deviceToken() })),
      );
    }
    expect(acks.map((a) => a.aggregate?.total)).toEqual([1, 2, 3, 4, 5]);
    expect(acks.map((a) => a.oddsExact)).toEqual([true, true, true, true, true]);
    const expected = [1, 1, 2 / 3, 0.5, 0.4];
    acks.forEach((a, i) => expect(a.odds).toBeCloseTo(expected[i]!, 12));
  });

  it('gives every ack of a 300-phone burst in waves (k = 50) the exact odds of its own aggregate', async () => {
    const K = 50;
    const { eventId, joinCode, prizeId } = await openEventWithPrize(t, { quantity: K });
    await t.api<RoundDto>('POST', `/api/events/${eventId}/rounds`, { prizeId, winners: K });
    const phones = await Promise.all(Array.from({ length: 300 }, () => t.connect()));
    // Ten waves of 30 concurrent joins, back to back: a burst whose aggregate changes every few ms.
    const acks: JoinAckDto[] = [];
    for (let wave = 0; wave < 10; wave++) {
      const batch = phones.slice(wave * 30, wave * 30 + 30);
      acks.push(
        ...(await Promise.all(
          batch.map(async (p, i) =>
            okData(
              await p.emitWithAck('event:join', {
                joinCode,
                nickname: `Fan ${wave}.${i}`,
                deviceToken: deviceToken(),
              }),
            ),
          ),
        )),
      );
    }
    expect(new Set(acks.map((a) => a.aggregate!.total)).size).toBeGreaterThanOrEqual(10);
    const wrong = acks.filter(
      (a) => !a.oddsExact || Math.abs(a.odds! - Math.min(1, K / a.aggregate!.total)) > 1e-12,
    );
    expect(wrong.map((a) => [a.aggregate?.total, a.odds, a.oddsExact])).toEqual([]);
    // Each aggregate includes its own join (and every wave acked before it); the last ones see everybody.
    acks.forEach((a, j) => expect(a.aggregate!.total).toBeGreaterThanOrEqual(Math.floor(j / 30) * 30 + 1));
    expect(Math.max(...acks.map((a) => a.aggregate!.total))).toBe(300);
  });
});
