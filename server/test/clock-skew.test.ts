// Phones whose clocks are seconds off estimate the server offset and reveal within ±50 ms of each other.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serverToLocal, syncClock } from '@drawcast/shared';
import type { RoundDto } from '@drawcast/shared';
import { deviceToken, nextEvent, okData, openEventWithPrize, startTestServer } from './harness';
import type { TestServer } from './harness';

const SKEWS_MS = [-9000, -4000, -1500, -250, 0, 700, 3000, 6500, 12_000];

describe('reveal with skewed clocks', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer();
  });
  afterAll(async () => {
    await t.close();
  });

  it('puts every phone on the same true instant', async () => {
    const { eventId, joinCode, prizeId } = await openEventWithPrize(t, {
      settings: { revealLeadMs: 4000, streamDelayMs: 0 },
    });
    const phones = await Promise.all(
      SKEWS_MS.map(async (skew, i) => {
        const socket = await t.connect();
        okData(
          await socket.emitWithAck('event:join', {
            joinCode,
            nickname: `Skew ${i}`,
            deviceToken: deviceToken(),
          }),
        );
        // The phone's own wrong clock: true time + skew.
        const now = () => Date.now() + skew;
        const estimate = await syncClock({
          ping: async () => okData(await socket.emitWithAck('clock:ping', {})),
          now,
          samples: 7,
        });
        return { socket, skew, estimate };
      }),
    );
    for (const p of phones) expect(Math.abs(p.estimate.offsetMs + p.skew)).toBeLessThan(50);

    const round = (await t.api<RoundDto>('POST', `/api/events/${eventId}/rounds`, { prizeId, winners: 1 }))
      .body;
    const reveals = phones.map((p) => nextEvent(p.socket, 'round:reveal'));
    await t.api('POST', `/api/rounds/${round.id}/draw`);
    const received = await Promise.all(reveals);

    // Each phone would fire its reveal at serverToLocal(revealAt) on its own clock; map back to true time.
    const trueInstants = received.map(
      (r, i) => serverToLocal(r.revealAt, phones[i]!.estimate) - phones[i]!.skew,
    );
    const revealAt = received[0]!.revealAt;
    for (const r of received) expect(r.revealAt).toBe(revealAt);
    for (const instant of trueInstants) expect(Math.abs(instant - revealAt)).toBeLessThanOrEqual(50);
    expect(Math.max(...trueInstants) - Math.min(...trueInstants)).toBeLessThanOrEqual(100);
    // And the reveal is still ahead of every phone when it arrives (the animation has time to run).
    expect(revealAt).toBeGreaterThan(Date.now());
  });
});
