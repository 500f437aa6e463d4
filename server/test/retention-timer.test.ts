// The retention purge on its own timer (as in production): before the event's retention days have
// passed since its close nothing is deleted; once the injected clock passes them, the next tick purges
// every personal field, and the proof and the audit chain still verify.
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyProof } from '@drawcast/shared';
import type { RoundDto } from '@drawcast/shared';
import type { PurgeView } from '../src/services/privacyTypes';
import { deviceToken, okData, openEventWithPrize, shiftableClock, startTestServer } from './harness';
import type { TestServer } from './harness';
import { StoreProbe } from './fuzz/storeProbe';

const DAY = 86_400_000;

describe('retention purge timer', () => {
  let t: TestServer;
  const clock = shiftableClock();
  beforeAll(async () => {
    t = await startTestServer({ clock, config: { retentionSweepIntervalMs: 25 } });
  });
  afterAll(async () => {
    await t.close();
  });

  it('purges a closed event once its retention days have passed on the injected clock', async () => {
    // Count the timer's purges and keep their results (nobody else calls the purge here).
    const ticks: PurgeView[][] = [];
    const listeners: Array<() => void> = [];
    const privacy = t.server.commands.privacy;
    const purge = privacy.purgeExpired.bind(privacy);
    privacy.purgeExpired = async () => {
      const results = await purge();
      ticks.push(results);
      listeners.splice(0).forEach((l) => l());
      return results;
    };
    const nextTick = () => new Promise<void>((resolve) => listeners.push(resolve));

    const { eventId, joinCode, prizeId } = await openEventWithPrize(t, { settings: { retentionDays: 7 } });
    const names = ['KeptUntilDay7', 'AlsoPersonal'];
    const phones = [];
    for (const nickname of names) {
      const socket = await t.connect();
      phones.push(socket);
      okData(
        await socket.emitWithAck('event:join', {
          joinCode,
          nickname,
          deviceToken: deviceToken(),
          phone: `1380000000${phones.length}`,
        }),
      );
    }
    const round = (await t.api<RoundDto>('POST', `/api/events/${eventId}/rounds`, { prizeId, winners: 1 }))
      .body;
    expect((await t.api('POST', `/api/rounds/${round.id}/draw`)).status).toBe(200);
    expect((await t.api('POST', `/api/events/${eventId}/close`)).status).toBe(200);
    const snapshot = () => {
      const probe = new StoreProbe(path.join(t.dataDir, 'drawcast.db'));
      const dump = JSON.stringify(probe.snapshot());
      probe.close();
      return dump;
    };

    // Six days after the close: ticks run, nothing is purged.
    clock.advance(6 * DAY);
    const before = ticks.length;
    await nextTick();
    await nextTick();
    expect(ticks.length).toBeGreaterThanOrEqual(before + 2);
    expect(ticks.slice(before).flat()).toEqual([]);
    expect(snapshot()).toContain('KeptUntilDay7');

    // Past seven days: the next tick purges the event, once.
    const passed = ticks.length;
    clock.advance(2 * DAY);
    while (!ticks.slice(passed).some((r) => r.length > 0)) await nextTick();
    const purged = ticks.slice(passed).flat();
    expect(purged).toEqual([expect.objectContaining({ eventId, participants: 2, claimsForfeited: 1 })]);
    await nextTick();
    expect(ticks.slice(passed).flat()).toHaveLength(1);

    const dump = snapshot();
    for (const secret of [...names, '138****0001', '138****0002', '13800000001', '13800000002']) {
      expect({ secret, found: dump.includes(secret) }).toEqual({ secret, found: false });
    }
    const proof = (await t.api<Parameters<typeof verifyProof>[0]>('GET', `/api/rounds/${round.id}/proof`))
      .body;
    expect(verifyProof(proof)).toMatchObject({ ok: true });
    expect((await t.api('GET', `/api/events/${eventId}/audit/verify`)).body).toMatchObject({ ok: true });
  });
});
