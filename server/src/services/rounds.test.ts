import { afterEach, describe, expect, it } from 'vitest';
import { DrawcastError, oddsByWeight, verifyProof } from '@drawcast/shared';
import type { DrawEvent, Prize } from '../domain/types';
import { openServiceHarness, type ServiceHarness } from './testHarness';
import type { ParticipantView } from './types';

const harnesses: ServiceHarness[] = [];
afterEach(async () => {
  for (const h of harnesses.splice(0)) await h.cleanup();
});

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof DrawcastError) return `${error.code}:${error.field}`;
    throw error;
  }
  return 'resolved';
}

/** An open event (no stage lead, no stream delay) with one prize and n participants joined concurrently. */
async function openEvent(n: number, quantity = 10, prefix = 'device-token') {
  const h = await openServiceHarness(`rounds-${n}-${quantity}`);
  harnesses.push(h);
  const event: DrawEvent = await h.service.createEvent({ title: 'Gala', settings: { revealLeadMs: 0 } });
  await h.service.updateEvent(event.id, { status: 'open' });
  const prize: Prize = await h.service.addPrize(event.id, { name: 'Prize', quantity });
  const participants: ParticipantView[] = [];
  for (let start = 0; start < n; start += 500) {
    const batch = await Promise.all(
      Array.from({ length: Math.min(500, n - start) }, (_, i) =>
        h.service.join({
          joinCode: event.joinCode,
          nickname: `n${start + i}`,
          deviceToken: `${prefix}-${start + i}`,
        }),
      ),
    );
    participants.push(...batch.map((r) => r.participant));
  }
  return { h, event, prize, participants };
}

async function revealedProof(h: ServiceHarness, roundId: string) {
  const round = await h.service.getRound(roundId);
  h.clock.current = Math.max(h.clock.current, round.phoneRevealAt ?? 0);
  const proof = await h.service.getProof(roundId);
  expect(verifyProof(proof)).toMatchObject({ ok: true });
  return proof;
}

describe('DrawcastService rounds', () => {
  it('draws 500 winners from 2,000 participants, unique, all participants, proof verified', async () => {
    const { h, event, prize, participants } = await openEvent(2_000, 500);
    expect(await h.service.countParticipants(event.id)).toBe(2_000);
    const round = await h.service.createRound(event.id, { prizeId: prize.id, winners: 500 });
    const { round: drawn } = await h.service.drawRound(round.id);
    const ids = drawn.winners?.map((w) => w.participantId) ?? [];
    expect(ids).toHaveLength(500);
    expect(new Set(ids).size).toBe(500);
    const known = new Map(participants.map((p) => [p.id, p.nickname]));
    for (const w of drawn.winners ?? []) expect(w.nickname).toBe(known.get(w.participantId));
    const proof = await revealedProof(h, round.id);
    if (proof.revealed) expect(proof.entries).toHaveLength(2_000);
    expect((await h.service.getPrize(prize.id)).awarded).toBe(500);
  }, 30_000);

  it('two concurrent draws of one round draw once: same result, prize awarded once', async () => {
    const { h, event, prize } = await openEvent(20);
    const round = await h.service.createRound(event.id, { prizeId: prize.id, winners: 3 });
    const [a, b, c] = await Promise.all([
      h.service.drawRound(round.id),
      h.service.drawRound(round.id),
      h.service.drawRound(round.id),
    ]);
    expect([a, b, c].filter((r) => !r.alreadyDrawn)).toHaveLength(1);
    expect(b.round.winners).toEqual(a.round.winners);
    expect(c.round.winners).toEqual(a.round.winners);
    expect(b.round.drawnAt).toBe(a.round.drawnAt);
    expect((await h.service.getPrize(prize.id)).awarded).toBe(3);
    const later = await h.service.drawRound(round.id);
    expect(later).toEqual({
      round: { ...a.round, revealed: later.round.revealed },
      alreadyDrawn: true,
      closedByDraw: false,
    });
    expect([a, b, c].filter((r) => r.closedByDraw)).toHaveLength(1);
  });

  it('two service instances over one database (two processes) still draw once', async () => {
    const { h, event, prize } = await openEvent(40);
    const round = await h.service.createRound(event.id, { prizeId: prize.id, winners: 4 });
    const other = h.openOther(h.file);
    const [a, b] = await Promise.all([h.service.drawRound(round.id), other.service.drawRound(round.id)]);
    expect([a.alreadyDrawn, b.alreadyDrawn].sort()).toEqual([false, true]);
    expect(b.round.winners).toEqual(a.round.winners);
    expect((await other.service.getPrize(prize.id)).awarded).toBe(4);
    // A drawn round's aggregate is its frozen list: all 40 entries, winners included.
    expect(await h.service.roundAggregate(round.id)).toMatchObject({ total: 40 });
    expect(await h.service.currentAggregate(event.id)).toBeNull();
  });

  it('never awards a prize beyond its quantity (awarded + undrawn reservations)', async () => {
    const { h, event, prize } = await openEvent(10, 5);
    const first = await h.service.createRound(event.id, { prizeId: prize.id, winners: 3 });
    expect(await codeOf(h.service.createRound(event.id, { prizeId: prize.id, winners: 3 }))).toBe(
      'PRIZE_EXHAUSTED:winners',
    );
    const second = await h.service.createRound(event.id, { prizeId: prize.id, winners: 2 });
    await h.service.drawRound(first.id);
    await h.service.drawRound(second.id);
    expect((await h.service.getPrize(prize.id)).awarded).toBe(5);
    expect(await codeOf(h.service.createRound(event.id, { prizeId: prize.id, winners: 1 }))).toBe(
      'PRIZE_EXHAUSTED:winners',
    );
    expect(await h.service.listRounds(event.id)).toHaveLength(2);
  });

  it('excludes earlier winners by default, and includes them when the round says so', async () => {
    const { h, event, prize, participants } = await openEvent(6, 20);
    const r1 = await h.service.createRound(event.id, { prizeId: prize.id, winners: 3 });
    const first = (await h.service.drawRound(r1.id)).round.winners?.map((w) => w.participantId) ?? [];
    const r2 = await h.service.createRound(event.id, { prizeId: prize.id, winners: 3 });
    expect(await h.service.roundAggregate(r2.id)).toEqual({
      roundId: r2.id,
      k: 3,
      counts: { 1: 3 },
      total: 3,
    });
    const second = (await h.service.drawRound(r2.id)).round.winners?.map((w) => w.participantId) ?? [];
    expect(new Set([...first, ...second]).size).toBe(6);
    const proof = await revealedProof(h, r2.id);
    if (proof.revealed) expect(proof.entries.map((e) => e.id).sort()).toEqual([...second].sort());

    // Everyone has won now: an excluding round cannot draw, an including one can.
    const r3 = await h.service.createRound(event.id, { prizeId: prize.id, winners: 1 });
    expect(await codeOf(h.service.drawRound(r3.id))).toBe('NOT_ENOUGH_ENTRIES:winners');
    expect((await h.service.getRound(r3.id)).status).toBe('committed');
    await h.service.cancelRound(r3.id);
    const r4 = await h.service.createRound(event.id, {
      prizeId: prize.id,
      winners: 6,
      excludePreviousWinners: false,
    });
    expect((await h.service.roundAggregate(r4.id)).total).toBe(6);
    const all = (await h.service.drawRound(r4.id)).round.winners?.map((w) => w.participantId) ?? [];
    expect([...all].sort()).toEqual(participants.map((p) => p.id).sort());
  });

  it('never lets a blocklisted participant win, and leaves them out of the odds and the proof', async () => {
    const { h, event, prize, participants } = await openEvent(10);
    const blocked = participants.slice(0, 4).map((p) => p.id);
    const round = await h.service.createRound(event.id, {
      prizeId: prize.id,
      winners: 6,
      blocklist: blocked,
    });
    expect(await h.service.roundAggregate(round.id)).toMatchObject({ total: 6, counts: { 1: 6 } });
    const state = await h.service.participantState(event.id, 'device-token-0');
    expect(state.openRound).toMatchObject({ eligible: false, odds: 0 });
    const free = await h.service.participantState(event.id, 'device-token-9');
    expect(free.openRound).toMatchObject({ eligible: true, odds: 1 });
    const winners = (await h.service.drawRound(round.id)).round.winners?.map((w) => w.participantId) ?? [];
    expect(winners.some((id) => blocked.includes(id))).toBe(false);
    const proof = await revealedProof(h, round.id);
    if (proof.revealed) expect(proof.entries.some((e) => blocked.includes(e.id))).toBe(false);
  });

  it('refuses a blocklist naming someone who is not a participant of the event', async () => {
    const { h, event, prize } = await openEvent(2);
    expect(
      await codeOf(
        h.service.createRound(event.id, { prizeId: prize.id, winners: 1, blocklist: ['p_AAAAAAAAAAAAAAAA'] }),
      ),
    ).toBe('PARTICIPANT_NOT_FOUND:blocklist');
    expect(await h.service.listRounds(event.id)).toEqual([]);
  });

  it('public entropy can be set after the close until the draw, and the draw uses it', async () => {
    const { h, event, prize } = await openEvent(30);
    const round = await h.service.createRound(event.id, { prizeId: prize.id, winners: 5 });
    await h.service.closeEntries(round.id);
    await h.service.setPublicEntropy(round.id, 'first');
    const updated = await h.service.setPublicEntropy(round.id, 'lottery 3-14-15');
    expect(updated.publicEntropy).toBe('lottery 3-14-15');
    await h.service.drawRound(round.id);
    expect(await codeOf(h.service.setPublicEntropy(round.id, 'late'))).toBe('ROUND_ALREADY_DRAWN:roundId');
    const proof = await revealedProof(h, round.id);
    expect(proof.publicEntropy).toBe('lottery 3-14-15');
    expect(await codeOf(h.service.cancelRound(round.id))).toBe('ROUND_ALREADY_DRAWN:roundId');
  });

  it('an entropy change racing a draw either lands before it or is refused; the proof always verifies', async () => {
    const { h, event, prize } = await openEvent(50);
    const round = await h.service.createRound(event.id, { prizeId: prize.id, winners: 5 });
    await h.service.closeEntries(round.id);
    const [drawn, entropy] = await Promise.allSettled([
      h.service.drawRound(round.id),
      h.service.setPublicEntropy(round.id, 'racing'),
    ]);
    expect(drawn.status).toBe('fulfilled');
    const proof = await revealedProof(h, round.id);
    expect(proof.publicEntropy).toBe(entropy.status === 'fulfilled' ? 'racing' : '');
  });

  it('odds in the join ack follow the shared odds function over the eligible aggregate', async () => {
    const { h, event, prize, participants } = await openEvent(12);
    // Host-set base tickets (no bonus rule here, so weight = base).
    await h.service.setBaseTickets(participants[0]?.id as string, 5);
    await h.service.setBaseTickets(participants[1]?.id as string, 3);
    await h.service.createRound(event.id, { prizeId: prize.id, winners: 4 });
    const aggregate = await h.service.currentAggregate(event.id);
    expect(aggregate).toMatchObject({ counts: { 1: 10, 3: 1, 5: 1 }, total: 12 });
    const state = await h.service.participantState(event.id, 'device-token-0');
    expect(state.tickets).toBe(5);
    expect(state.openRound?.odds).toBeCloseTo(oddsByWeight({ 1: 10, 3: 1, 5: 1 }, 4)[5] as number, 12);
    const ack = await h.service.join({
      joinCode: event.joinCode,
      nickname: 'x',
      deviceToken: 'device-token-1',
    });
    expect(ack.openRound?.odds).toBeCloseTo(oddsByWeight({ 1: 10, 3: 1, 5: 1 }, 4)[3] as number, 12);
  });
});
