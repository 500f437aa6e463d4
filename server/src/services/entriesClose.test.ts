import { afterEach, describe, expect, it } from 'vitest';
import { checkFrozenEntries, computeEntriesDigest, DrawcastError, verifyProof } from '@drawcast/shared';
import type { DrawEvent, Prize } from '../domain/types';
import { openServiceHarness, type ServiceHarness } from './testHarness';

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

/** An open event with one prize and n phones joined (device-0 … device-(n-1)). */
async function openEvent(n: number, settings: { streamDelayMs?: number } = {}) {
  const h = await openServiceHarness(`close-${n}`);
  harnesses.push(h);
  const event: DrawEvent = await h.service.createEvent({
    title: 'Close',
    settings: { revealLeadMs: 0, ...settings },
  });
  await h.service.updateEvent(event.id, { status: 'open' });
  const prize: Prize = await h.service.addPrize(event.id, { name: 'Prize', quantity: 10 });
  const ids: string[] = [];
  for (let i = 0; i < n; i += 1) {
    const joined = await h.service.join({
      joinCode: event.joinCode,
      nickname: `n${i}`,
      deviceToken: `device-${i}`,
    });
    ids.push(joined.participant.id);
  }
  return { h, event, prize, ids };
}

describe('closing entries', () => {
  it('refuses public entropy before the close with a typed error and changes nothing', async () => {
    const { h, event, prize } = await openEvent(3);
    const round = await h.service.createRound(event.id, { prizeId: prize.id, winners: 1 });
    const audit = await h.service.listAudit(event.id, { limit: 1000 });
    expect(await codeOf(h.service.setPublicEntropy(round.id, 'too early'))).toBe(
      'ENTRIES_NOT_CLOSED:roundId',
    );
    expect(await h.service.getRound(round.id)).toEqual(round);
    expect(await h.service.listAudit(event.id, { limit: 1000 })).toEqual(audit);
    expect(await codeOf(h.service.getFrozenEntries(round.id))).toBe('ENTRIES_NOT_CLOSED:roundId');
  });

  it('freezes the list at once: digest and count published, a later join is not in it, the draw and proof use it', async () => {
    const { h, event, prize, ids } = await openEvent(5);
    const round = await h.service.createRound(event.id, { prizeId: prize.id, winners: 2 });
    h.clock.advance(100);
    const { round: closed, alreadyClosed } = await h.service.closeEntries(round.id);
    expect(alreadyClosed).toBe(false);
    expect(closed).toMatchObject({ status: 'committed', entriesClosedAt: h.clock.now(), entryCount: 5 });
    const list = await h.service.getFrozenEntries(round.id);
    expect(list).toMatchObject({ roundId: round.id, commitment: round.commitment, entryCount: 5 });
    expect(computeEntriesDigest(list.entries)).toBe(closed.entriesDigest);
    expect(
      checkFrozenEntries(list, { expectedDigest: closed.entriesDigest!, entryId: ids[2] }),
    ).toMatchObject({
      ok: true,
      mine: { id: ids[2], weight: 1 },
    });
    expect((await h.service.closeEntries(round.id)).alreadyClosed).toBe(true);

    // A join (and a ticket change) after the close: not in the round, and the round's odds do not move.
    const late = await h.service.join({
      joinCode: event.joinCode,
      nickname: 'late',
      deviceToken: 'device-late',
    });
    expect(late.openRound).toMatchObject({
      roundId: round.id,
      eligible: false,
      odds: 0,
      entriesDigest: closed.entriesDigest,
      aggregate: { total: 5 },
    });
    await h.service.setBaseTickets(ids[0]!, 7);
    const early = await h.service.participantState(event.id, 'device-0');
    expect(early.openRound).toMatchObject({
      eligible: true,
      entriesClosedAt: closed.entriesClosedAt,
      entryCount: 5,
      entriesDigest: closed.entriesDigest,
    });
    expect(early.openRound?.odds).toBeCloseTo(2 / 5, 12);
    expect(await h.service.currentAggregate(event.id)).toEqual({
      roundId: round.id,
      k: 2,
      counts: { 1: 5 },
      total: 5,
    });

    await h.service.setPublicEntropy(round.id, 'shouted 7');
    const { round: drawn, closedByDraw } = await h.service.drawRound(round.id);
    expect(closedByDraw).toBe(false);
    expect(drawn).toMatchObject({
      entriesClosedAt: closed.entriesClosedAt,
      entriesDigest: closed.entriesDigest,
    });
    h.clock.current = drawn.phoneRevealAt!;
    const proof = await h.service.getProof(round.id);
    expect(verifyProof(proof)).toMatchObject({ ok: true });
    if (!proof.revealed) throw new Error('not revealed');
    expect(proof.entriesDigest).toBe(closed.entriesDigest);
    expect(proof.entries).toEqual(list.entries);
    expect(proof.entries.map((e) => e.id)).not.toContain(late.participant.id);
    expect(proof.auditHead).toEqual(drawn.auditHead);
  });

  it('a never-closed round without entropy closes and draws in one step', async () => {
    const { h, event, prize } = await openEvent(4);
    const round = await h.service.createRound(event.id, { prizeId: prize.id, winners: 1 });
    const { round: drawn, closedByDraw } = await h.service.drawRound(round.id);
    expect(closedByDraw).toBe(true);
    expect(drawn).toMatchObject({ status: 'drawn', entriesClosedAt: drawn.drawnAt, entryCount: 4 });
    expect((await h.service.getFrozenEntries(round.id)).entriesDigest).toBe(drawn.entriesDigest);
  });

  it('refuses a close with too few entries, behind an older undrawn round, or while an earlier result is under wraps', async () => {
    const { h, event, prize } = await openEvent(3, { streamDelayMs: 10_000 });
    const big = await h.service.createRound(event.id, { prizeId: prize.id, winners: 4 });
    expect(await codeOf(h.service.closeEntries(big.id))).toBe('NOT_ENOUGH_ENTRIES:winners');
    expect((await h.service.getRound(big.id)).entriesClosedAt).toBeNull();
    h.clock.advance(1);
    const next = await h.service.createRound(event.id, { prizeId: prize.id, winners: 1 });
    expect(await codeOf(h.service.closeEntries(next.id))).toBe('CONFLICT:roundId');
    await h.service.cancelRound(big.id);
    const first = await h.service.drawRound(next.id);
    h.clock.advance(1);
    const after = await h.service.createRound(event.id, { prizeId: prize.id, winners: 1 });
    // The first result reaches the phones 10 s from now; a public list without its winner would tell.
    expect(await codeOf(h.service.closeEntries(after.id))).toBe('ROUND_NOT_REVEALED:roundId');
    h.clock.current = first.round.phoneRevealAt!;
    expect((await h.service.closeEntries(after.id)).round.entryCount).toBe(2);
    expect(await codeOf(h.service.closeEntries(big.id))).toBe('CONFLICT:roundId');
  });
});
