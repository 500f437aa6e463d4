// The claim-deadline sweep on its own timer (as in production): before the deadline it forfeits nothing;
// once the injected clock passes the deadline, the next tick forfeits the pending win and tells the winner.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ClaimDto, RoundDto } from '@drawcast/shared';
import {
  deviceToken,
  nextEvent,
  okData,
  openEventWithPrize,
  shiftableClock,
  startTestServer,
} from './harness';
import type { Client, TestServer } from './harness';

const HOUR = 3_600_000;

describe('claim-deadline sweep timer', () => {
  let t: TestServer;
  const clock = shiftableClock();
  beforeAll(async () => {
    t = await startTestServer({ clock, config: { claimSweepIntervalMs: 25 } });
  });
  afterAll(async () => {
    await t.close();
  });

  it('forfeits a pending win on a tick after the injected clock passes the deadline', async () => {
    // Count the timer's sweeps and keep their results (no host or test calls the sweep here).
    const ticks: Array<Awaited<ReturnType<typeof t.server.actions.sweepClaimDeadlines>>> = [];
    const listeners: Array<() => void> = [];
    const actions = t.server.actions;
    const sweep = actions.sweepClaimDeadlines.bind(actions);
    actions.sweepClaimDeadlines = async (eventId?: string) => {
      const results = await sweep(eventId);
      ticks.push(results);
      listeners.splice(0).forEach((l) => l());
      return results;
    };
    const nextTick = () => new Promise<void>((resolve) => listeners.push(resolve));

    const { eventId, joinCode, prizeId } = await openEventWithPrize(t, {
      quantity: 1,
      settings: { claimDeadline: clock.now() + HOUR },
    });
    const phones = new Map<string, Client>();
    for (const nickname of ['Ann', 'Bo', 'Cy']) {
      const socket = await t.connect();
      const ack = okData(
        await socket.emitWithAck('event:join', { joinCode, nickname, deviceToken: deviceToken() }),
      );
      phones.set(ack.participantId, socket);
    }
    const round = (await t.api<RoundDto>('POST', `/api/events/${eventId}/rounds`, { prizeId, winners: 1 }))
      .body;
    const drawn = (await t.api<RoundDto>('POST', `/api/rounds/${round.id}/draw`)).body;
    const winner = drawn.winners![0]!.participantId;

    // Two ticks after the draw, before the deadline: nothing forfeited, the claim still pending.
    await nextTick();
    await nextTick();
    expect(ticks.length).toBeGreaterThanOrEqual(2);
    expect(ticks.at(-1)).toEqual([]);
    const pending = (await t.api<ClaimDto[]>('GET', `/api/events/${eventId}/claims`)).body;
    expect(pending.map((c) => [c.participantId, c.status])).toEqual([[winner, 'pending']]);

    // Past the deadline on the injected clock: the timer's next sweep forfeits it and the phone hears so.
    const told = nextEvent(phones.get(winner)!, 'you:forfeited');
    const swept = ticks.length;
    clock.advance(2 * HOUR);
    expect(await told).toMatchObject({ reason: 'deadline', roundId: round.id });
    const forfeiting = ticks.slice(swept).find((r) => r.length > 0);
    expect(forfeiting?.map((r) => r.participantId)).toEqual([winner]);
    const after = (await t.api<ClaimDto[]>('GET', `/api/events/${eventId}/claims`)).body;
    expect(after.map((c) => [c.participantId, c.status, c.forfeitReason])).toEqual([
      [winner, 'forfeited', 'deadline'],
    ]);
  });
});
