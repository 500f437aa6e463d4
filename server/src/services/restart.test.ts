import { afterEach, describe, expect, it } from 'vitest';
import { commitmentOf, draw, verifyProof } from '@drawcast/shared';
import { openServiceHarness, type ServiceHarness } from './testHarness';

const harnesses: ServiceHarness[] = [];
afterEach(async () => {
  for (const h of harnesses.splice(0)) await h.cleanup();
});

async function preparedEvent(h: ServiceHarness, n: number) {
  const event = await h.service.createEvent({ title: 'Restart', settings: { revealLeadMs: 3_000 } });
  await h.service.updateEvent(event.id, { status: 'open' });
  const prize = await h.service.addPrize(event.id, { name: 'Bike', quantity: 10 });
  await Promise.all(
    Array.from({ length: n }, (_, i) =>
      h.service.join({ joinCode: event.joinCode, nickname: `n${i}`, deviceToken: `restart-device-${i}` }),
    ),
  );
  return { event, prize };
}

describe('DrawcastService across restarts', () => {
  it('a committed round draws the same winners after a restart as it would have without one', async () => {
    const h = await openServiceHarness('restart');
    harnesses.push(h);
    const { event, prize } = await preparedEvent(h, 25);
    const round = await h.service.createRound(event.id, { prizeId: prize.id, winners: 3 });
    await h.service.closeEntries(round.id);
    await h.service.setPublicEntropy(round.id, 'beacon 991');

    // Freeze the file as it is now, then "kill" this process and start two fresh ones on two copies.
    const copy = await h.copyTo('copy.sqlite');
    await h.restart();
    const twin = h.openOther(copy, 'a different random stream');
    const [afterRestart, onCopy] = await Promise.all([
      h.service.drawRound(round.id),
      twin.service.drawRound(round.id),
    ]);
    expect(afterRestart.round.commitment).toBe(round.commitment);
    expect(afterRestart.round.winners).toEqual(onCopy.round.winners);

    // And it is the drawcast-v1 result of the seed that was stored before the commitment was returned.
    const stored = await h.store.getRound(round.id);
    expect(commitmentOf(stored?.serverSeed ?? '')).toBe(round.commitment);
    const entries = await h.store.listEntries(event.id, { excludeWinners: false });
    const expected = draw({
      roundId: round.id,
      serverSeed: stored?.serverSeed ?? '',
      publicEntropy: 'beacon 991',
      entries,
      k: 3,
    });
    expect(afterRestart.round.winners?.map((w) => w.participantId)).toEqual(expected.winners);
  });

  it('a drawn round keeps its stored result, timing and proof after a restart', async () => {
    const h = await openServiceHarness('restart-drawn');
    harnesses.push(h);
    const { event, prize } = await preparedEvent(h, 15);
    const round = await h.service.createRound(event.id, { prizeId: prize.id, winners: 2 });
    const { round: drawn } = await h.service.drawRound(round.id);
    await h.restart();
    const again = await h.service.drawRound(round.id);
    expect(again.alreadyDrawn).toBe(true);
    expect(again.round).toEqual(drawn);
    expect((await h.service.getPrize(prize.id)).awarded).toBe(2);
    h.clock.current = drawn.phoneRevealAt ?? 0;
    expect(verifyProof(await h.service.getProof(round.id))).toMatchObject({ ok: true });
    const state = await h.service.participantState(event.id, 'restart-device-3');
    expect(state.results[0]?.winners).toEqual(drawn.winners);
  });

  it('joins acknowledged before a restart are all still there, same device same entry', async () => {
    const h = await openServiceHarness('restart-joins');
    harnesses.push(h);
    const { event } = await preparedEvent(h, 40);
    const before = await h.service.getParticipantByDevice(event.id, 'restart-device-7');
    await h.restart();
    expect(await h.service.countParticipants(event.id)).toBe(40);
    const rejoin = await h.service.join({
      joinCode: event.joinCode,
      nickname: 'again',
      deviceToken: 'restart-device-7',
    });
    expect(rejoin).toMatchObject({ created: false, participant: before });
  });
});
