// Store contract (issue #9): closing a round's entries freezes its list before any entropy; the draw then
// uses exactly that list, and records the event's audit head.
import { computeEntriesDigest } from '@drawcast/shared';
import { describe, expect, it } from 'vitest';
import { verifyChain } from '../../domain/audit/auditChain';
import { fixtures, SYS } from './kit';
import type { ConformanceKit } from './kit';

/** Registers the entries-close part of the Store contract. */
export function describeEntriesContract(kit: ConformanceKit): void {
  const { setup, seeded } = kit;
  describe('closing entries', () => {
    it('freezes the filtered list minus the blocklist in canonical order, with digest, count and one audit record', async () => {
      const { store } = await setup();
      const { event, prize, participants } = await seeded(store, 5);
      const blocked = participants[1]!.id;
      const round = fixtures.round(event.id, prize.id, { k: 2, blocklist: [blocked] });
      await store.insertRound(round, SYS);
      const before = (await store.listAudit(event.id, 0, 100)).length;
      const closed = await store.closeRoundEntries(round.id, 4_500, { actor: 'host', at: 4_500 });
      const expected = participants
        .filter((p) => p.id !== blocked)
        .map(({ id, weight }) => ({ id, weight }))
        .sort((a, b) => (Buffer.from(a.id) < Buffer.from(b.id) ? -1 : 1));
      const digest = computeEntriesDigest(expected);
      expect(closed).toEqual({
        outcome: 'closed',
        round: { ...round, entriesClosedAt: 4_500, entryCount: 4, entriesDigest: digest },
      });
      expect(await store.getRoundEntries(round.id)).toEqual(expected);
      expect(await store.getRound(round.id)).toEqual(closed.outcome === 'closed' ? closed.round : null);
      expect((await store.getCurrentRound(event.id))?.entriesClosedAt).toBe(4_500);
      const records = await store.listAudit(event.id, 0, 100);
      expect(records).toHaveLength(before + 1);
      expect(records.at(-1)).toMatchObject({
        action: 'round.close',
        subject: `round:${round.id}`,
        data: { roundId: round.id, entries: 4, entriesDigest: digest },
      });

      // Closing again changes nothing; a join after the close is not in the frozen list.
      expect(await store.closeRoundEntries(round.id, 9_999, SYS)).toEqual({
        outcome: 'already_closed',
        round: closed.outcome === 'closed' ? closed.round : null,
      });
      await store.insertParticipantIfAbsent(fixtures.participant(event.id), SYS);
      expect(await store.getRoundEntries(round.id)).toEqual(expected);
      expect(verifyChain(await store.listAudit(event.id, 0, 100))).toMatchObject({ ok: true });
    });

    it('refuses fewer entries than winners, a drawn or cancelled round and an unknown one, changing nothing', async () => {
      const { store } = await setup();
      const { event, prize } = await seeded(store, 2);
      const round = fixtures.round(event.id, prize.id, { k: 3 });
      await store.insertRound(round, SYS);
      const audit = await store.listAudit(event.id, 0, 100);
      expect(await store.closeRoundEntries(round.id, 1, SYS)).toEqual({
        outcome: 'not_enough_entries',
        round,
        entries: 2,
      });
      expect(await store.getRound(round.id)).toEqual(round);
      expect(await store.getRoundEntries(round.id)).toBeNull();
      await store.cancelRound(round.id, SYS);
      expect(await store.closeRoundEntries(round.id, 1, SYS)).toMatchObject({ outcome: 'not_committed' });
      expect(await store.closeRoundEntries('rnd_missing', 1, SYS)).toEqual({ outcome: 'not_found' });
      expect((await store.listAudit(event.id, 0, 100)).length).toBe(audit.length + 1); // the cancel only
    });

    it('takes public entropy only after the close; the draw must use the frozen list and records the audit head', async () => {
      const { store } = await setup();
      const { event, prize, participants } = await seeded(store, 4);
      const round = fixtures.round(event.id, prize.id, { k: 1 });
      await store.insertRound(round, SYS);
      const audit = await store.listAudit(event.id, 0, 100);
      expect(await store.setPublicEntropy(round.id, 'early', SYS)).toEqual({
        ok: false,
        reason: 'ENTRIES_OPEN',
        round,
      });
      expect(await store.getRound(round.id)).toEqual(round);
      expect(await store.listAudit(event.id, 0, 100)).toEqual(audit);

      const closed = await store.closeRoundEntries(round.id, 4_500, SYS);
      if (closed.outcome !== 'closed') throw new Error(closed.outcome);
      expect(await store.setPublicEntropy(round.id, 'beacon', SYS)).toMatchObject({ ok: true });
      const frozen = (await store.getRoundEntries(round.id))!;
      const winner = [participants[2]!.id];
      const otherList = fixtures.outcome(winner, frozen, 'beacon');
      expect(await store.commitDrawResult(round.id, otherList, SYS)).toMatchObject({
        outcome: 'entries_changed',
      });
      expect((await store.getRound(round.id))?.status).toBe('committed');
      const right = { ...otherList, entriesDigest: closed.round.entriesDigest as string };
      const drawn = await store.commitDrawResult(round.id, right, SYS);
      const records = await store.listAudit(event.id, 0, 100);
      const drawRecord = records.at(-1)!;
      expect(drawRecord.action).toBe('round.draw');
      expect(drawn).toMatchObject({
        outcome: 'drawn',
        round: {
          status: 'drawn',
          entriesClosedAt: 4_500,
          entryCount: 4,
          entriesDigest: closed.round.entriesDigest,
          auditHead: { seq: drawRecord.seq, hash: drawRecord.hash },
        },
      });
      expect(await store.getRoundEntries(round.id)).toEqual(frozen);
    });

    it('keeps a closed list and its commitment across a reopen', async () => {
      const { store, reopen } = await setup();
      const { event, prize } = await seeded(store, 3);
      const round = fixtures.round(event.id, prize.id, { k: 1 });
      await store.insertRound(round, SYS);
      const closed = await store.closeRoundEntries(round.id, 4_500, SYS);
      const entries = await store.getRoundEntries(round.id);
      const again = await reopen();
      expect(await again.getRound(round.id)).toEqual(closed.outcome === 'closed' ? closed.round : null);
      expect(await again.getRoundEntries(round.id)).toEqual(entries);
    });
  });
}
