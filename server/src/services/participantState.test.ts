import { afterEach, describe, expect, it } from 'vitest';
import { openServiceHarness, type ServiceHarness } from './testHarness';

const harnesses: ServiceHarness[] = [];
afterEach(async () => {
  for (const h of harnesses.splice(0)) await h.cleanup();
});

describe('participantState (reconnect)', () => {
  it('rebuilds entry, odds, revealed results and every win; unrevealed results stay hidden', async () => {
    const h = await openServiceHarness('state');
    harnesses.push(h);
    const { service: s, clock } = h;
    const event = await s.createEvent({
      title: 'Live',
      settings: { revealLeadMs: 2_000, streamDelayMs: 10_000 },
    });
    await s.updateEvent(event.id, { status: 'open' });
    const tv = await s.addPrize(event.id, { name: 'TV', quantity: 1 });
    const mug = await s.addPrize(event.id, { name: 'Mug', quantity: 10 });
    const devices = Array.from({ length: 8 }, (_, i) => `state-device-${i}`);
    for (const [i, deviceToken] of devices.entries()) {
      await s.join({ joinCode: event.joinCode, nickname: `Player ${i} 🎲`, deviceToken });
    }

    // Round 1 (TV, 1 winner, including earlier winners) is drawn and revealed while some phone is offline.
    const r1 = await s.createRound(event.id, { prizeId: tv.id, winners: 1 });
    const d1 = (await s.drawRound(r1.id)).round;
    clock.current = d1.phoneRevealAt ?? 0;
    // Round 2 (mugs, 3 winners, everyone may win again) is drawn but its phone reveal is still ahead.
    const r2 = await s.createRound(event.id, { prizeId: mug.id, winners: 3, excludePreviousWinners: false });
    const d2 = (await s.drawRound(r2.id)).round;
    // Round 3 is committed: the open round phones see odds for.
    const r3 = await s.createRound(event.id, { prizeId: mug.id, winners: 2 });

    const tvWinner = d1.winners?.[0]?.participantId as string;
    const tvDevice = devices[
      (await Promise.all(devices.map((d) => s.getParticipantByDevice(event.id, d)))).findIndex(
        (p) => p?.id === tvWinner,
      )
    ] as string;
    const state = await s.participantState(event.id, tvDevice);
    expect(state.participant.id).toBe(tvWinner);
    expect(state.participant.nickname).toMatch(/^Player \d 🎲$/);
    expect(state.tickets).toBe(1);
    expect(state.serverNow).toBe(clock.now());
    expect(state.event).toEqual(await s.getEvent(event.id));
    expect(state.results).toEqual([
      {
        roundId: r1.id,
        prizeId: tv.id,
        prizeName: 'TV',
        commitment: r1.commitment,
        revealAt: d1.revealAt,
        phoneRevealAt: d1.phoneRevealAt,
        winners: d1.winners,
      },
    ]);
    expect(state.wins).toEqual([
      {
        roundId: r1.id,
        prizeId: tv.id,
        prizeName: 'TV',
        place: 1,
        claim: expect.objectContaining({ status: 'pending', qrSvg: expect.stringContaining('<svg') }),
      },
    ]);
    expect(state.pendingReveals).toEqual([
      {
        roundId: r2.id,
        prizeId: mug.id,
        prizeName: 'Mug',
        revealAt: d2.revealAt,
        phoneRevealAt: d2.phoneRevealAt,
      },
    ]);
    expect(JSON.stringify(state)).not.toContain(JSON.stringify(d2.winners));
    // The TV winner's win is revealed, so round 3 (default exclusion) shows them as not eligible.
    expect(state.openRound).toMatchObject({
      roundId: r3.id,
      prizeName: 'Mug',
      k: 2,
      eligible: false,
      odds: 0,
    });
    // Round 2's winners are excluded from the pool already (the draw happened)...
    const excluded = new Set([tvWinner, ...(d2.winners ?? []).map((w) => w.participantId)]);
    expect(state.openRound?.aggregate.total).toBe(8 - excluded.size);
    // ...but a mug winner who is not the TV winner must not learn it from "eligible: false" before the reveal.
    const mugOnly = (d2.winners ?? []).map((w) => w.participantId).find((id) => id !== tvWinner);
    const participantsNow = await Promise.all(devices.map((d) => s.getParticipantByDevice(event.id, d)));
    const mugDevice = devices[participantsNow.findIndex((p) => p?.id === mugOnly)] as string;
    const early = await s.participantState(event.id, mugDevice);
    expect(early.openRound).toMatchObject({ eligible: true });
    expect(early.openRound?.odds).toBeGreaterThan(0);
    expect(early.wins).toEqual([]);

    // After round 2's phone reveal, its result and any mug win show up on reconnect.
    clock.current = d2.phoneRevealAt ?? 0;
    const later = await s.participantState(event.id, tvDevice);
    expect(later.pendingReveals).toEqual([]);
    expect(later.results.map((r) => r.roundId)).toEqual([r1.id, r2.id]);
    const mugPlace = (d2.winners ?? []).findIndex((w) => w.participantId === tvWinner);
    expect(later.wins).toHaveLength(mugPlace >= 0 ? 2 : 1);
    if (mugPlace >= 0) expect(later.wins[1]).toMatchObject({ roundId: r2.id, place: mugPlace + 1 });
    const revealedMug = await s.participantState(event.id, mugDevice);
    expect(revealedMug.openRound).toMatchObject({ eligible: false, odds: 0 });
    expect(revealedMug.wins.map((w) => w.roundId)).toContain(r2.id);

    // A non-winner who is still eligible gets their exact odds for round 3.
    const loserIndex = (
      await Promise.all(devices.map((d) => s.getParticipantByDevice(event.id, d)))
    ).findIndex((p) => p !== null && !excluded.has(p.id));
    const loser = await s.participantState(event.id, devices[loserIndex] as string);
    expect(loser.wins).toEqual([]);
    expect(loser.openRound).toMatchObject({ eligible: true });
    expect(loser.openRound?.odds).toBeCloseTo(2 / (8 - excluded.size), 12);
  });
});
