import { afterEach, describe, expect, it } from 'vitest';
import { commitmentOf, verifyProof } from '@drawcast/shared';
import { openServiceHarness, type ServiceHarness } from './testHarness';
import type { RevealedProofDocument } from './types';

const harnesses: ServiceHarness[] = [];
afterEach(async () => {
  for (const h of harnesses.splice(0)) await h.cleanup();
});

function codeOf(p: Promise<unknown>): Promise<string> {
  return p.then(
    () => 'resolved',
    (e: { code: string; field?: string }) => `${e.code}:${e.field}`,
  );
}

async function eventWithWinners(participants: number, k: number) {
  const h = await openServiceHarness('redraw');
  harnesses.push(h);
  const event = await h.service.createEvent({ title: 'Redraw', settings: { revealLeadMs: 0 } });
  await h.service.updateEvent(event.id, { status: 'open' });
  const prize = await h.service.addPrize(event.id, { name: 'Bike', quantity: k });
  for (let i = 0; i < participants; i += 1) {
    await h.service.join({ joinCode: event.joinCode, nickname: `p${i}`, deviceToken: `device-${i}` });
  }
  const round = await h.service.createRound(event.id, { prizeId: prize.id, winners: k });
  await h.service.drawRound(round.id);
  h.clock.advance(1);
  return { h, event, prize, round, claims: await h.service.listClaims(event.id) };
}

describe('forfeit then redraw', () => {
  it('redraws one forfeited slot as a new, separately provable k=1 round among those who have not won', async () => {
    const { h, event, prize, round, claims } = await eventWithWinners(10, 2);
    const originalProof = await h.service.getProof(round.id);
    const [kept, lost] = claims as [(typeof claims)[0], (typeof claims)[0]];
    expect(await codeOf(h.service.redraw(lost.id))).toBe('NOT_FORFEITED:claimId');
    await h.service.forfeit(lost.id, 'no_show');
    expect((await h.service.getPrize(prize.id)).awarded).toBe(1);

    const redraw = await h.service.redraw(lost.id);
    expect(redraw).toMatchObject({
      k: 1,
      status: 'committed',
      prizeId: prize.id,
      excludePreviousWinners: true,
      redrawOf: { claimId: lost.id, roundId: round.id, place: 2 },
    });
    expect(redraw.id).not.toBe(round.id);
    // Its own seed, stored before the commitment was returned.
    expect(commitmentOf((await h.store.getRound(redraw.id))?.serverSeed ?? '')).toBe(redraw.commitment);
    expect((await h.service.getClaim(lost.id)).redrawRoundId).toBe(redraw.id);
    expect(await codeOf(h.service.redraw(lost.id))).toBe('ALREADY_REDRAWN:claimId');
    expect(await codeOf(h.service.redraw(kept.id))).toBe('NOT_FORFEITED:claimId');
    expect((await h.service.roundAggregate(redraw.id)).total).toBe(8);

    await h.service.closeEntries(redraw.id);
    await h.service.setPublicEntropy(redraw.id, 'replacement beacon');
    const { round: drawn } = await h.service.drawRound(redraw.id);
    const newWinner = drawn.winners?.[0]?.participantId;
    expect([kept.participantId, lost.participantId]).not.toContain(newWinner);
    expect((await h.service.getPrize(prize.id)).awarded).toBe(2);
    h.clock.advance(1);
    const proof = (await h.service.getProof(redraw.id)) as RevealedProofDocument;
    expect(proof).toMatchObject({
      revealed: true,
      roundId: redraw.id,
      k: 1,
      publicEntropy: 'replacement beacon',
    });
    expect(verifyProof(proof).ok).toBe(true);
    expect(proof.entries.map((e) => e.id)).not.toContain(lost.participantId);
    expect(proof.entries).toHaveLength(8);
    expect(await h.service.getProof(round.id)).toEqual(originalProof);

    const replacement = (await h.service.listClaims(event.id)).find((c) => c.roundId === redraw.id);
    expect(replacement).toMatchObject({ participantId: newWinner, place: 2, status: 'pending' });
    const device = `device-${Number((await h.store.getParticipant(newWinner ?? ''))?.nickname.slice(1))}`;
    const state = await h.service.participantState(event.id, device);
    expect(state.wins).toEqual([expect.objectContaining({ roundId: redraw.id, place: 2 })]);
    const audit = await h.service.listAudit(event.id, { limit: 1000 });
    expect(audit.map((r) => r.action)).toEqual(expect.arrayContaining(['claim.forfeit', 'round.redraw']));
    expect((await h.service.verifyAudit(event.id)).ok).toBe(true);
  });

  it('a cancelled redraw frees the slot for another redraw; nobody left means NOT_ENOUGH_ENTRIES', async () => {
    const { h, claims } = await eventWithWinners(3, 2);
    await h.service.forfeit(claims[0]!.id, 'no_show');
    const first = await h.service.redraw(claims[0]!.id);
    await h.service.cancelRound(first.id);
    const second = await h.service.redraw(claims[0]!.id);
    expect(second.id).not.toBe(first.id);
    await h.service.drawRound(second.id);
    // All three people have now won: the next forfeited slot has nobody to go to.
    await h.service.forfeit(claims[1]!.id, 'no_show');
    expect(await codeOf(h.service.redraw(claims[1]!.id))).toBe('NOT_ENOUGH_ENTRIES:claimId');
    expect((await h.service.getClaim(claims[1]!.id)).redrawRoundId).toBeNull();
  });
});
