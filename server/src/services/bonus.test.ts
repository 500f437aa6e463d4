import { afterEach, describe, expect, it } from 'vitest';
import { oddsByWeight, verifyProof } from '@drawcast/shared';
import type { BonusSettings } from '../domain/bonus/bonusSettings';
import { freezeEntries } from '../domain/bonus/freezeEntries';
import { openServiceHarness, type ServiceHarness } from './testHarness';
import type { RevealedProofDocument } from './types';

const harnesses: ServiceHarness[] = [];
afterEach(async () => {
  for (const h of harnesses.splice(0)) await h.cleanup();
});

async function harness(): Promise<ServiceHarness> {
  const h = await openServiceHarness('bonus');
  harnesses.push(h);
  return h;
}

describe('bonus tickets end to end (real SQLite)', () => {
  it('referral chains and caps and early-bird show in the odds aggregate and in the proof weights', async () => {
    const h = await harness();
    const T0 = h.clock.now();
    const bonus: BonusSettings = {
      referral: { enabled: true, ticketsPerFriend: 2, maxBonus: 6 },
      earlyBird: { enabled: true, before: T0 + 50, tickets: 1 },
    };
    const event = await h.service.createEvent({
      title: 'Referral night',
      settings: { bonus, revealLeadMs: 0 },
    });
    await h.service.updateEvent(event.id, { status: 'open' });
    const prize = await h.service.addPrize(event.id, { name: 'Phone', quantity: 10 });
    const join = async (name: string, ref?: string) => {
      h.clock.advance(10);
      return h.service.join({ joinCode: event.joinCode, nickname: name, deviceToken: `device-${name}`, ref });
    };

    // A (early) → B (early, via A) → C (late, via B); D..H via A (late): A's bonus is capped at 6.
    const a = await join('A');
    expect(a.participant.shareCode).toMatch(/^[2-9A-Z]{8}$/);
    const b = await join('B', a.participant.shareCode ?? '');
    expect(b.referral).toEqual({ counted: true });
    h.clock.advance(100);
    const c = await join('C', (b.participant.shareCode ?? '').toLowerCase().replace(/(....)/, '$1-'));
    expect(c.referral).toEqual({ counted: true });
    for (const name of ['D', 'E', 'F', 'G', 'H']) await join(name, a.participant.shareCode ?? '');
    expect((await join('I', 'NOT-A-CODE')).referral).toEqual({ counted: false, reason: 'UNKNOWN_CODE' });
    expect((await join('B', a.participant.shareCode ?? '')).referral).toEqual({
      counted: false,
      reason: 'NOT_FIRST_JOIN',
    });
    // A share code of another event does not count here.
    const other = await h.service.createEvent({ title: 'Other' });
    await h.service.updateEvent(other.id, { status: 'open' });
    const outsider = await h.service.join({
      joinCode: other.joinCode,
      nickname: 'O',
      deviceToken: 'device-O',
    });
    expect((await join('J', outsider.participant.shareCode ?? '')).referral).toEqual({
      counted: false,
      reason: 'UNKNOWN_CODE',
    });

    const state = await h.service.participantState(event.id, 'device-A');
    expect(state.ticketBreakdown).toEqual({ base: 1, referral: 6, earlyBird: 1, total: 8 });
    expect(state.participant).toMatchObject({ referrals: 6, tickets: 8 });
    const weightOf = async (name: string) =>
      (await h.service.participantState(event.id, `device-${name}`)).tickets;
    expect([await weightOf('B'), await weightOf('C'), await weightOf('D')]).toEqual([4, 1, 1]);

    const round = await h.service.createRound(event.id, { prizeId: prize.id, winners: 3 });
    const aggregate = await h.service.roundAggregate(round.id);
    expect(aggregate).toEqual({ roundId: round.id, k: 3, counts: { 1: 8, 4: 1, 8: 1 }, total: 10 });
    const withOdds = await h.service.participantState(event.id, 'device-A');
    expect(withOdds.openRound?.odds).toBeCloseTo(oddsByWeight(aggregate.counts, 3)[8] as number, 12);

    await h.service.drawRound(round.id);
    h.clock.advance(1);
    const proof = (await h.service.getProof(round.id)) as RevealedProofDocument;
    expect(proof.revealed).toBe(true);
    expect(verifyProof(proof).ok).toBe(true);
    // The oracle: the pure freeze of the same people under the same rule at the draw instant.
    const people = await h.store.listParticipants(event.id, { offset: 0, limit: 100 });
    const expected = freezeEntries(people, bonus, proof.drawnAt);
    expect(proof.entries).toEqual(expected);
    expect(Object.fromEntries(proof.entries.map((e) => [e.id, e.weight]))[a.participant.id]).toBe(8);

    // Later friends change weights for the next round, never the frozen proof.
    await join('K', c.participant.shareCode ?? '');
    expect(await weightOf('C')).toBe(3);
    expect(await h.service.getProof(round.id)).toEqual(proof);
    const next = await h.service.createRound(event.id, {
      prizeId: prize.id,
      winners: 1,
      excludePreviousWinners: false,
    });
    expect((await h.service.roundAggregate(next.id)).counts).toEqual({ 1: 8, 3: 1, 4: 1, 8: 1 });

    // A new rule re-weighs everyone at once: no early-bird, 1 per friend up to 2.
    await h.service.updateEvent(event.id, {
      settings: {
        bonus: {
          ...bonus,
          referral: { enabled: true, ticketsPerFriend: 1, maxBonus: 2 },
          earlyBird: { ...bonus.earlyBird, enabled: false },
        },
      },
    });
    expect((await h.service.roundAggregate(next.id)).counts).toEqual({ 1: 8, 2: 2, 3: 1 });
    expect(await weightOf('A')).toBe(3);
  });

  it('host base tickets add to the bonus; bad input names the field and changes nothing', async () => {
    const h = await harness();
    const event = await h.service.createEvent({ title: 'Base tickets' });
    await h.service.updateEvent(event.id, { status: 'open' });
    const p = await h.service.join({ joinCode: event.joinCode, nickname: 'VIP', deviceToken: 'device-vip' });
    expect((await h.service.setBaseTickets(p.participant.id, 5)).tickets).toBe(5);
    await expect(h.service.setBaseTickets(p.participant.id, 0)).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      field: 'baseTickets',
    });
    await expect(h.service.setBaseTickets('p_nobodyxxxxxxxxxxxx', 2)).rejects.toMatchObject({
      code: 'PARTICIPANT_NOT_FOUND',
    });
    await expect(
      h.service.updateEvent(event.id, { settings: { bonus: { referral: { enabled: true } } } as never }),
    ).rejects.toMatchObject({ code: 'VALIDATION_FAILED', field: 'settings.bonus.referral.ticketsPerFriend' });
    expect((await h.service.getEvent(event.id)).settings.bonus.referral.enabled).toBe(false);
    expect((await h.service.participantState(event.id, 'device-vip')).tickets).toBe(5);
  });
});
