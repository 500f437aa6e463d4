import { createHash } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { DrawcastError, verifyProof } from '@drawcast/shared';
import { openServiceHarness, type ServiceHarness } from './testHarness';

const harnesses: ServiceHarness[] = [];
afterEach(async () => {
  for (const h of harnesses.splice(0)) await h.cleanup();
});

async function harness(): Promise<ServiceHarness> {
  const h = await openServiceHarness();
  harnesses.push(h);
  return h;
}

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof DrawcastError) return `${error.code}${error.field ? `:${error.field}` : ''}`;
    throw error;
  }
  return 'resolved';
}

describe('DrawcastService: a whole event', () => {
  it('runs create → join → commit → close → entropy → draw → stage reveal → phone reveal with a verifiable proof', async () => {
    const h = await harness();
    const { clock } = h;
    const event = await h.service.createEvent({
      title: 'Shop opening',
      settings: { streamDelayMs: 20_000, revealLeadMs: 5_000 },
    });
    expect(event).toMatchObject({ status: 'draft', title: 'Shop opening' });
    expect(event.joinCode).toMatch(/^[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{6}$/);
    expect(await h.service.getEventByJoinCode(event.joinCode.toLowerCase())).toEqual(event);
    const prize = await h.service.addPrize(event.id, { name: 'Coffee for a year', quantity: 2 });

    // Joining a draft event is refused; the host opens it.
    expect(
      await codeOf(
        h.service.join({ joinCode: event.joinCode, nickname: 'early', deviceToken: 'device-early' }),
      ),
    ).toBe('EVENT_NOT_OPEN:joinCode');
    await h.service.updateEvent(event.id, { status: 'open' });

    const names = ['Ann', '小明', '👩‍🚀 Zoë', 'Bob', 'Carla'];
    const joined = [];
    for (const [i, nickname] of names.entries()) {
      clock.advance(10);
      const result = await h.service.join({ joinCode: event.joinCode, nickname, deviceToken: `device-${i}` });
      expect(result.created).toBe(true);
      expect(result.participant.nickname).toBe(nickname);
      expect(result.openRound).toBeNull();
      joined.push(result.participant);
    }
    const again = await h.service.join({
      joinCode: event.joinCode,
      nickname: 'Renamed',
      deviceToken: 'device-0',
    });
    expect(again).toMatchObject({ created: false, participant: joined[0] });
    expect(await h.service.countParticipants(event.id)).toBe(5);

    // Commit: the stored seed hashes to the published commitment, and the view never carries it.
    const round = await h.service.createRound(event.id, { prizeId: prize.id, winners: 2 });
    const stored = await h.store.getRound(round.id);
    expect(round.commitment).toBe(
      createHash('sha256')
        .update(Buffer.from(stored?.serverSeed ?? '', 'hex'))
        .digest('hex'),
    );
    expect(JSON.stringify(round)).not.toContain(stored?.serverSeed);
    expect(round).toMatchObject({ status: 'committed', k: 2, prizeName: 'Coffee for a year', winners: null });
    expect(await h.service.getProof(round.id)).toEqual({
      algorithm: 'drawcast-v1',
      roundId: round.id,
      state: 'committed',
      revealed: false,
      commitment: round.commitment,
      publicEntropy: '',
      k: 2,
      revealAt: null,
      phoneRevealAt: null,
      entriesClosedAt: null,
      entryCount: null,
      entriesDigest: null,
    });

    // A late joiner sees the round and exact odds 2/6 in the join ack.
    const late = await h.service.join({
      joinCode: event.joinCode,
      nickname: 'Late',
      deviceToken: 'device-late',
    });
    expect(late.openRound).toMatchObject({
      roundId: round.id,
      k: 2,
      eligible: true,
      aggregate: { total: 6 },
    });
    expect(late.openRound?.odds).toBeCloseTo(2 / 6, 12);
    expect(await h.service.currentAggregate(event.id)).toEqual({
      roundId: round.id,
      k: 2,
      counts: { 1: 6 },
      total: 6,
    });

    await h.service.closeEntries(round.id);
    await h.service.setPublicEntropy(round.id, 'audience shouted 42');
    clock.advance(1_000);
    const drawnAt = clock.now();
    const { round: drawn, alreadyDrawn } = await h.service.drawRound(round.id);
    expect(alreadyDrawn).toBe(false);
    expect(drawn).toMatchObject({
      status: 'drawn',
      drawnAt,
      revealAt: drawnAt + 5_000,
      phoneRevealAt: drawnAt + 25_000,
      revealed: false,
      publicEntropy: 'audience shouted 42',
    });
    expect(drawn.winners).toHaveLength(2);
    expect((await h.service.listPrizes(event.id))[0]?.awarded).toBe(2);
    expect(await h.service.currentRound(event.id)).toBeNull();

    // At the stage reveal the phones (and the proof) are still held back by the stream delay.
    clock.current = drawnAt + 5_000;
    const atStage = await h.service.getProof(round.id);
    expect(atStage).toMatchObject({ state: 'drawn', revealed: false });
    expect(JSON.stringify(atStage)).not.toContain(stored?.serverSeed);
    const stateBefore = await h.service.participantState(event.id, 'device-late');
    expect(stateBefore.results).toEqual([]);
    expect(stateBefore.wins).toEqual([]);
    expect(stateBefore.pendingReveals).toEqual([
      {
        roundId: round.id,
        prizeId: prize.id,
        prizeName: 'Coffee for a year',
        revealAt: drawnAt + 5_000,
        phoneRevealAt: drawnAt + 25_000,
      },
    ]);
    expect(stateBefore.openRound).toBeNull();

    // From phoneRevealAt on: full proof, verified by the shared verifier; results and wins in the state.
    clock.current = drawnAt + 25_000;
    const proof = await h.service.getProof(round.id);
    expect(proof).toMatchObject({ state: 'revealed', revealed: true, serverSeed: stored?.serverSeed, k: 2 });
    expect(verifyProof(proof)).toMatchObject({ ok: true });
    if (proof.revealed) {
      expect(proof.entries).toHaveLength(6);
      expect(proof.winners).toEqual(drawn.winners?.map((w) => w.participantId));
      expect(JSON.stringify(proof.entries)).not.toMatch(/Ann|小明|device/);
    }
    const winnerId = drawn.winners?.[0]?.participantId as string;
    const winnerDevice =
      winnerId === late.participant.id
        ? 'device-late'
        : `device-${joined.findIndex((p) => p.id === winnerId)}`;
    const winnerState = await h.service.participantState(event.id, winnerDevice);
    expect(winnerState.wins).toEqual([
      {
        roundId: round.id,
        prizeId: prize.id,
        prizeName: 'Coffee for a year',
        place: 1,
        claim: expect.objectContaining({ status: 'pending', code: expect.stringMatching(/^[2-9A-Z]{10}$/) }),
      },
    ]);
    expect(winnerState.results).toHaveLength(1);
    expect(winnerState.results[0]?.winners).toEqual(drawn.winners);
    expect(winnerState.pendingReveals).toEqual([]);

    // Closing the event stops new joins but the known device still gets its entry back.
    await h.service.updateEvent(event.id, { status: 'closed' });
    expect(
      await codeOf(h.service.join({ joinCode: event.joinCode, nickname: 'New', deviceToken: 'device-new' })),
    ).toBe('EVENT_NOT_OPEN:joinCode');
    expect(
      (await h.service.join({ joinCode: event.joinCode, nickname: 'x', deviceToken: 'device-1' })).created,
    ).toBe(false);
  });
});
