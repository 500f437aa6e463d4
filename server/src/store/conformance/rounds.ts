// Store contract: rounds, draws and durability.
import { describe, expect, it } from 'vitest';
import type { Round } from '../../domain/types';
import { fixtures, SYS } from './kit';
import type { ConformanceKit } from './kit';

/** Registers the rounds, draws and durability part of the Store contract. */
export function describeRoundContract(kit: ConformanceKit): void {
  const { setup, seeded } = kit;
  describe('rounds', () => {
    it('inserts, gets, lists oldest first, and keeps the seed', async () => {
      const { store } = await setup();
      const { event, prize } = await seeded(store, 0);
      const later = fixtures.round(event.id, prize.id, {
        createdAt: 9,
        blocklist: ['p_x'],
        publicEntropy: 'π',
      });
      const earlier = fixtures.round(event.id, prize.id, { createdAt: 8, excludePreviousWinners: false });
      expect(await store.insertRound(later, SYS)).toEqual({ ok: true });
      expect(await store.insertRound(earlier, SYS)).toEqual({ ok: true });
      expect(await store.getRound(later.id)).toEqual(later);
      expect(await store.listRounds(event.id)).toEqual([earlier, later]);
      expect(await store.getRound('rnd_missing')).toBeNull();
      expect(await store.getRoundEntries(later.id)).toBeNull();
    });

    it('finds the oldest committed round as the current one', async () => {
      const { store } = await setup();
      const { event, prize, participants } = await seeded(store, 1);
      expect(await store.getCurrentRound(event.id)).toBeNull();
      const first = fixtures.round(event.id, prize.id, { createdAt: 10 });
      const second = fixtures.round(event.id, prize.id, { createdAt: 10 });
      const third = fixtures.round(event.id, prize.id, { createdAt: 11 });
      for (const r of [first, second, third]) await store.insertRound(r, SYS);
      expect((await store.getCurrentRound(event.id))?.id).toBe(first.id);
      await store.commitDrawResult(first.id, fixtures.outcome([participants[0]?.id as string]), SYS);
      expect((await store.getCurrentRound(event.id))?.id).toBe(second.id);
      await store.cancelRound(second.id, SYS);
      expect(await store.getCurrentRound(event.id)).toEqual(third);
    });

    it('reserves prize capacity for undrawn rounds and refuses beyond it', async () => {
      const { store } = await setup();
      const { event, prize } = await seeded(store, 0, 5);
      expect(await store.insertRound(fixtures.round(event.id, prize.id, { k: 3 }), SYS)).toEqual({
        ok: true,
      });
      const tooMany = fixtures.round(event.id, prize.id, { k: 3 });
      expect(await store.insertRound(tooMany, SYS)).toEqual({
        ok: false,
        reason: 'PRIZE_EXHAUSTED',
        available: 2,
      });
      expect(await store.getRound(tooMany.id)).toBeNull();
      const other = await seeded(store, 0);
      expect(await store.insertRound(fixtures.round(event.id, other.prize.id), SYS)).toEqual({
        ok: false,
        reason: 'PRIZE_NOT_FOUND',
      });
      expect(await store.insertRound(fixtures.round(event.id, 'prz_missing'), SYS)).toEqual({
        ok: false,
        reason: 'PRIZE_NOT_FOUND',
      });
    });

    it('cancelling frees the reservation; a cancelled round cannot be drawn or changed', async () => {
      const { store } = await setup();
      const { event, prize, participants } = await seeded(store, 2, 2);
      const round = fixtures.round(event.id, prize.id, { k: 2 });
      await store.insertRound(round, SYS);
      const cancelled = await store.cancelRound(round.id, SYS);
      expect(cancelled).toEqual({ ok: true, round: { ...round, status: 'cancelled' } });
      expect(await store.cancelRound(round.id, SYS)).toMatchObject({ ok: false, reason: 'NOT_COMMITTED' });
      expect(await store.setPublicEntropy(round.id, 'x', SYS)).toMatchObject({
        ok: false,
        reason: 'NOT_COMMITTED',
      });
      expect(
        await store.commitDrawResult(round.id, fixtures.outcome(participants.map((p) => p.id)), SYS),
      ).toMatchObject({ outcome: 'cancelled' });
      expect(await store.insertRound(fixtures.round(event.id, prize.id, { k: 2 }), SYS)).toEqual({
        ok: true,
      });
      expect(await store.cancelRound('rnd_missing', SYS)).toEqual({ ok: false, reason: 'ROUND_NOT_FOUND' });
    });

    it('sets public entropy only after the close and while committed', async () => {
      const { store } = await setup();
      const { event, prize, participants } = await seeded(store, 1);
      const round = fixtures.round(event.id, prize.id);
      await store.insertRound(round, SYS);
      const closing = await store.closeRoundEntries(round.id, 4_100, SYS);
      const closed = closing.outcome === 'closed' ? closing.round : round;
      const set = await store.setPublicEntropy(round.id, 'lotto 7 11 🎲', SYS);
      expect(set).toEqual({ ok: true, round: { ...closed, publicEntropy: 'lotto 7 11 🎲' } });
      const winner = [participants[0]?.id as string];
      const frozen = { entriesDigest: closed.entriesDigest as string };
      const stale = await store.commitDrawResult(round.id, { ...fixtures.outcome(winner), ...frozen }, SYS);
      expect(stale).toMatchObject({ outcome: 'stale_entropy' });
      expect((await store.getRound(round.id))?.status).toBe('committed');
      const fresh = await store.commitDrawResult(
        round.id,
        { ...fixtures.outcome(winner, undefined, 'lotto 7 11 🎲'), ...frozen },
        SYS,
      );
      expect(fresh.outcome).toBe('drawn');
      const late = await store.setPublicEntropy(round.id, 'late', SYS);
      expect(late).toMatchObject({ ok: false, reason: 'NOT_COMMITTED' });
      expect((await store.getRound(round.id))?.publicEntropy).toBe('lotto 7 11 🎲');
      expect(await store.setPublicEntropy('rnd_missing', 'x', SYS)).toEqual({
        ok: false,
        reason: 'ROUND_NOT_FOUND',
      });
    });

    it('commits a draw once: stores the outcome, awards the prize, marks winners; a repeat returns the stored result', async () => {
      const { store } = await setup();
      const { event, prize, participants } = await seeded(store, 5);
      const round = fixtures.round(event.id, prize.id, { k: 2 });
      await store.insertRound(round, SYS);
      const entries = participants.map(({ id, weight }) => ({ id, weight }));
      const first = fixtures.outcome([participants[3]?.id as string, participants[1]?.id as string], entries);
      const result = await store.commitDrawResult(round.id, first, SYS);
      const head = (await store.listAudit(event.id, 0, 1_000)).at(-1)!;
      // Never closed: the draw closes it in the same transaction, with the list it used.
      const drawn: Round = {
        ...round,
        status: 'drawn',
        drawnAt: first.drawnAt,
        revealAt: first.revealAt,
        phoneRevealAt: first.phoneRevealAt,
        entriesClosedAt: first.drawnAt,
        entryCount: entries.length,
        entriesDigest: first.entriesDigest,
        winners: first.winners,
        auditHead: { seq: head.seq, hash: head.hash },
      };
      expect(result).toEqual({ outcome: 'drawn', round: drawn });
      expect(await store.getRoundEntries(round.id)).toEqual(entries);
      expect((await store.getPrize(prize.id))?.awarded).toBe(2);

      const second = fixtures.outcome([participants[0]?.id as string, participants[2]?.id as string]);
      expect(await store.commitDrawResult(round.id, second, SYS)).toEqual({
        outcome: 'already_drawn',
        round: drawn,
      });
      expect((await store.getPrize(prize.id))?.awarded).toBe(2);
      expect((await store.getParticipant(participants[0]?.id as string))?.hasWon).toBe(false);
      expect(await store.commitDrawResult('rnd_missing', second, SYS)).toEqual({ outcome: 'not_found' });
    });

    it('compare-and-set: concurrent commits of different outcomes store exactly one', async () => {
      const { store } = await setup();
      const { event, prize, participants } = await seeded(store, 10);
      const round = fixtures.round(event.id, prize.id, { k: 1 });
      await store.insertRound(round, SYS);
      const results = await Promise.all(
        participants.map((p) => store.commitDrawResult(round.id, fixtures.outcome([p.id]), SYS)),
      );
      const drawn = results.filter((r) => r.outcome === 'drawn');
      expect(drawn).toHaveLength(1);
      expect(results.filter((r) => r.outcome === 'already_drawn')).toHaveLength(9);
      const winners = new Set(results.map((r) => ('round' in r ? r.round.winners?.join() : '')));
      expect(winners.size).toBe(1);
      expect((await store.getPrize(prize.id))?.awarded).toBe(1);
      expect(await store.weightCounts(event.id, { excludeWinners: true })).toEqual(
        await store.weightCounts(event.id, { excludeWinners: true }),
      );
      expect((await store.listEntries(event.id, { excludeWinners: true })).length).toBe(9);
    });

    it('refuses to award beyond the prize quantity', async () => {
      const { store } = await setup();
      const { event, prize, participants } = await seeded(store, 3, 3);
      const round = fixtures.round(event.id, prize.id, { k: 3 });
      await store.insertRound(round, SYS);
      const fourWinners = fixtures.outcome([...participants.map((p) => p.id), 'p_extra']);
      expect(await store.commitDrawResult(round.id, fourWinners, SYS)).toMatchObject({
        outcome: 'prize_exhausted',
        available: 3,
      });
      expect((await store.getRound(round.id))?.status).toBe('committed');
      expect((await store.getPrize(prize.id))?.awarded).toBe(0);
    });

    it('a 500-winner draw over 2,000 entries round-trips', async () => {
      const { store } = await setup();
      const { event, prize, participants } = await seeded(store, 2_000, 500);
      const round = fixtures.round(event.id, prize.id, { k: 500 });
      await store.insertRound(round, SYS);
      const entries = participants.map(({ id, weight }) => ({ id, weight }));
      const winners = participants.slice(0, 500).map((p) => p.id);
      expect((await store.commitDrawResult(round.id, fixtures.outcome(winners, entries), SYS)).outcome).toBe(
        'drawn',
      );
      expect((await store.getRound(round.id))?.winners).toEqual(winners);
      expect(await store.getRoundEntries(round.id)).toEqual(entries);
      expect(await store.listEntries(event.id, { excludeWinners: true })).toHaveLength(1_500);
    }, 30_000);
  });

  describe('durability', () => {
    it('keeps everything across close and reopen, including an undrawn round seed', async () => {
      const { store, reopen } = await setup();
      const { event, prize, participants } = await seeded(store, 4);
      const committed = fixtures.round(event.id, prize.id, {
        serverSeed: '12'.repeat(32),
        publicEntropy: 'ε',
      });
      const drawnRound = fixtures.round(event.id, prize.id, { createdAt: 4_001 });
      await store.insertRound(committed, SYS);
      await store.insertRound(drawnRound, SYS);
      const outcome = fixtures.outcome([participants[2]?.id as string]);
      await store.commitDrawResult(drawnRound.id, outcome, SYS);
      const before = {
        event: await store.getEvent(event.id),
        prizes: await store.listPrizes(event.id),
        rounds: await store.listRounds(event.id),
        entries: await store.getRoundEntries(drawnRound.id),
        participant: await store.getParticipantByDevice(event.id, participants[1]?.deviceTokenHash as string),
        counts: await store.weightCounts(event.id, { excludeWinners: true }),
      };

      const again = await reopen();
      expect(await again.getEvent(event.id)).toEqual(before.event);
      expect(await again.listPrizes(event.id)).toEqual(before.prizes);
      expect(await again.listRounds(event.id)).toEqual(before.rounds);
      expect((await again.getRound(committed.id))?.serverSeed).toBe('12'.repeat(32));
      expect(await again.getRoundEntries(drawnRound.id)).toEqual(before.entries);
      expect(
        await again.getParticipantByDevice(event.id, participants[1]?.deviceTokenHash as string),
      ).toEqual(before.participant);
      expect(await again.weightCounts(event.id, { excludeWinners: true })).toEqual(before.counts);
      expect(await again.countParticipants(event.id)).toBe(4);
    });
  });
}
