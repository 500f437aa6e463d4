// Store contract: the reveal schedule's due state (recorded once, sent once, survives a reopen).
import { describe, expect, it } from 'vitest';
import { revealDuesOf } from '../../domain/revealDues';
import { fixtures, SYS } from './kit';
import type { ConformanceKit } from './kit';

/** Registers the reveal-schedule part of the Store contract. */
export function describeRevealDueContract(kit: ConformanceKit): void {
  const { setup, seeded } = kit;
  describe('reveal dues', () => {
    it('records each part once, lists the unsent soonest first, and lets exactly one caller mark a part sent', async () => {
      const { store, reopen } = await setup();
      const { event, prize, participants } = await seeded(store, 3);
      const round = fixtures.round(event.id, prize.id);
      await store.insertRound(round, SYS);
      const outcome = fixtures.outcome([participants[0]!.id]);
      await store.commitDrawResult(round.id, outcome, SYS);
      const dues = revealDuesOf({ ...outcome, id: round.id, eventId: event.id });
      expect(await store.listPendingRevealDues()).toEqual([]);

      await store.addRevealDues(dues);
      await store.addRevealDues(dues); // a second node (or a restart) recording the same round
      expect(await store.listPendingRevealDues()).toEqual(dues);

      const [first, second] = await Promise.all([
        store.claimRevealDue(round.id, 'audience', 7_000),
        store.claimRevealDue(round.id, 'audience', 7_001),
      ]);
      expect([first, second].sort()).toEqual([false, true]);
      expect(await store.claimRevealDue(round.id, 'audience', 8_000)).toBe(false);
      expect(await store.claimRevealDue('rnd_missing', 'audience', 8_000)).toBe(false);

      // Recording again never un-sends a part.
      await store.addRevealDues(dues);
      const reopened = await reopen();
      expect((await reopened.listPendingRevealDues()).map((d) => d.kind)).toEqual(['stage', 'winners']);
      expect(await reopened.claimRevealDue(round.id, 'audience', 9_000)).toBe(false);
      expect(await reopened.claimRevealDue(round.id, 'stage', 9_000)).toBe(true);
      expect((await reopened.listPendingRevealDues()).map((d) => d.kind)).toEqual(['winners']);
      // A node that sent a part first and records it afterwards marks it sent.
      await reopened.addRevealDues([{ ...dues[2]!, sentAt: 9_500 }]);
      expect(await reopened.listPendingRevealDues()).toEqual([]);
      expect(await reopened.claimRevealDue(round.id, 'winners', 9_600)).toBe(false);
    });
  });
}
