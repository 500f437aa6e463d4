import { afterEach, describe, expect, it } from 'vitest';
import { openServiceHarness, type ServiceHarness } from '../services/testHarness';
import type { Broadcaster } from './broadcaster';
import { JoinLimits } from './joinLimits';
import { createMetrics } from './metrics';
import { ParticipantCommands } from './participantCommands';

const harnesses: ServiceHarness[] = [];
afterEach(async () => {
  for (const h of harnesses.splice(0)) await h.cleanup();
});

/** The broadcasts are not under test here: a hub that records nothing. */
const silentHub: Broadcaster = {
  eventUpdated() {},
  roundCommitted() {},
  entriesClosed() {},
  roundUpdated() {},
  roundDrawn() {},
  oddsChanged() {},
  participantReferred() {},
  claimForfeited() {},
  claimRedeemed() {},
  claimUpdated() {},
  importProgress() {},
  audienceCount: () => 0,
};

describe('ParticipantCommands.state', () => {
  it('shows a redraw winner who reconnects in the stream-delay window the place of the slot they re-won', async () => {
    const h = await openServiceHarness('redraw-window');
    harnesses.push(h);
    const phone = new ParticipantCommands(
      h.service,
      silentHub,
      h.clock,
      new JoinLimits({ perIpPerMinute: 1000, perDevicePerMinute: 1000 }),
      createMetrics(),
    );
    // Stage reveal 1 s after the draw, phones 3 s later: the audience gets the result at +3 s.
    const event = await h.service.createEvent({
      title: 'Window',
      settings: { revealLeadMs: 1000, streamDelayMs: 3000 },
    });
    await h.service.updateEvent(event.id, { status: 'open' });
    const prize = await h.service.addPrize(event.id, { name: 'Bike', quantity: 3 });
    for (let i = 0; i < 8; i += 1) {
      await h.service.join({ joinCode: event.joinCode, nickname: `p${i}`, deviceToken: `device-${i}` });
    }
    const round = await h.service.createRound(event.id, { prizeId: prize.id, winners: 3 });
    await h.service.drawRound(round.id);
    h.clock.advance(5000);
    const third = (await h.service.listClaims(event.id)).find((c) => c.place === 3)!;
    await h.service.forfeit(third.id, 'no_show');
    const redraw = await h.service.redraw(third.id);
    const { round: drawn } = await h.service.drawRound(redraw.id);
    const winnerId = drawn.winners![0]!.participantId;
    const device = `device-${Number((await h.service.getRound(redraw.id)).winners![0]!.nickname.slice(1))}`;
    expect((await h.service.getParticipantByDevice(event.id, device))?.id).toBe(winnerId);

    // Inside the window: released to the audience (drawnAt + 3 s), phone reveal not yet (drawnAt + 4 s).
    h.clock.advance(3500);
    const state = await phone.state(event.id, device);
    const win = state.wins.find((w) => w.roundId === redraw.id);
    expect(win).toMatchObject({ place: 3, prize: { id: prize.id } });
    expect(win?.claim).toMatchObject({ status: 'pending' });
    expect(win?.claim?.code).toEqual(expect.any(String));
  });
});
