// Store contract: participants, entries and counters.
import { describe, expect, it } from 'vitest';
import type { Participant } from '../../domain/types';
import { fixtures, SYS } from './kit';
import type { ConformanceKit } from './kit';

/** Registers the participants, entries and counters part of the Store contract. */
export function describeParticipantContract(kit: ConformanceKit): void {
  const { setup, seeded } = kit;
  describe('participants', () => {
    it('is idempotent per (event, device): a second join returns the first entry unchanged', async () => {
      const { store } = await setup();
      const { event } = await seeded(store, 0);
      const first = fixtures.participant(event.id);
      expect(await store.insertParticipantIfAbsent(first, SYS)).toEqual({
        status: 'created',
        participant: first,
      });
      const again = fixtures.participant(event.id, {
        deviceTokenHash: first.deviceTokenHash,
        nickname: 'other',
      });
      expect(await store.insertParticipantIfAbsent(again, SYS)).toEqual({
        status: 'existing',
        participant: first,
      });
      expect(await store.getParticipant(again.id)).toBeNull();
      expect(await store.countParticipants(event.id)).toBe(1);
      expect(await store.weightCounts(event.id, { excludeWinners: false })).toEqual({ 1: 1 });
    });

    it('concurrent joins: the same device twice gives one entry, distinct devices all get theirs', async () => {
      const { store } = await setup();
      const { event } = await seeded(store, 0);
      const device = fixtures.participant(event.id);
      const twin = fixtures.participant(event.id, { deviceTokenHash: device.deviceTokenHash });
      const others = Array.from({ length: 50 }, () => fixtures.participant(event.id));
      const results = await Promise.all(
        [device, twin, ...others].map((p) => store.insertParticipantIfAbsent(p, SYS)),
      );
      expect(results[0]).toEqual({ status: 'created', participant: device });
      expect(results[1]).toEqual({ status: 'existing', participant: device });
      expect(results.slice(2).every((r) => r.status === 'created')).toBe(true);
      expect(await store.countParticipants(event.id)).toBe(51);
      expect(await store.weightCounts(event.id, { excludeWinners: false })).toEqual({ 1: 51 });
    });

    it('lets the same device join another event as a separate entry', async () => {
      const { store } = await setup();
      const one = await seeded(store, 0);
      const two = await seeded(store, 0);
      const a = fixtures.participant(one.event.id, { deviceTokenHash: 'same' });
      const b = fixtures.participant(two.event.id, { deviceTokenHash: 'same' });
      expect((await store.insertParticipantIfAbsent(a, SYS)).status).toBe('created');
      expect((await store.insertParticipantIfAbsent(b, SYS)).status).toBe('created');
      expect((await store.getParticipantByDevice(two.event.id, 'same'))?.id).toBe(b.id);
    });

    it('refuses a phone already used in the event, and allows it in another event', async () => {
      const { store } = await setup();
      const one = await seeded(store, 0);
      const two = await seeded(store, 0);
      const phone = { phoneHash: 'h'.repeat(64), phoneMasked: '138****5678' };
      const a = fixtures.participant(one.event.id, phone);
      expect((await store.insertParticipantIfAbsent(a, SYS)).status).toBe('created');
      const b = fixtures.participant(one.event.id, phone);
      expect(await store.insertParticipantIfAbsent(b, SYS)).toEqual({ status: 'phone_taken' });
      expect(await store.countParticipants(one.event.id)).toBe(1);
      expect(
        (await store.insertParticipantIfAbsent(fixtures.participant(two.event.id, phone), SYS)).status,
      ).toBe('created');
    });

    it('stores unicode nicknames exactly', async () => {
      const { store } = await setup();
      const { event } = await seeded(store, 0);
      const names = ['小明', '👨‍👩‍👧‍👦', 'مرحبا', 'O\'Brien "<b>"', '𝕏𝕐ℤ', 'e\u0301'];
      for (const nickname of names) {
        const p = fixtures.participant(event.id, { nickname });
        await store.insertParticipantIfAbsent(p, SYS);
        expect((await store.getParticipant(p.id))?.nickname).toBe(nickname);
      }
    });

    it('finds by ids within the event only, across more ids than one query chunk', async () => {
      const { store } = await setup();
      const { event, participants } = await seeded(store, 1_100);
      const other = await seeded(store, 1);
      const ids = [...participants.map((p) => p.id), 'p_unknown', other.participants[0]?.id as string];
      const found = await store.getParticipantsByIds(event.id, ids);
      expect(found.map((p) => p.id).sort()).toEqual(participants.map((p) => p.id).sort());
      expect(await store.getParticipantsByIds(event.id, [])).toEqual([]);
    }, 30_000);

    it('pages participants in join order', async () => {
      const { store } = await setup();
      const { event } = await seeded(store, 0);
      const joined = [3, 1, 2, 2].map((t) => fixtures.participant(event.id, { joinedAt: t }));
      for (const p of joined) await store.insertParticipantIfAbsent(p, SYS);
      const order = [joined[1], joined[2], joined[3], joined[0]].map((p) => p?.id);
      expect((await store.listParticipants(event.id, { offset: 0, limit: 10 })).map((p) => p.id)).toEqual(
        order,
      );
      expect((await store.listParticipants(event.id, { offset: 1, limit: 2 })).map((p) => p.id)).toEqual(
        order.slice(1, 3),
      );
      expect(await store.listParticipants('evt_other', { offset: 0, limit: 10 })).toEqual([]);
    });

    it('lists entries and counts per weight, with and without earlier winners', async () => {
      const { store } = await setup();
      const { event, prize, participants } = await seeded(store, 7);
      const byWeight = (list: Participant[]) =>
        list.reduce<Record<number, number>>(
          (acc, p) => ({ ...acc, [p.weight]: (acc[p.weight] ?? 0) + 1 }),
          {},
        );
      expect(await store.weightCounts(event.id, { excludeWinners: false })).toEqual(byWeight(participants));
      const round = fixtures.round(event.id, prize.id, { k: 2 });
      await store.insertRound(round, SYS);
      const winners = [participants[0], participants[4]] as Participant[];
      await store.commitDrawResult(round.id, fixtures.outcome(winners.map((w) => w.id)), SYS);
      const rest = participants.filter((p) => !winners.includes(p));
      expect(await store.weightCounts(event.id, { excludeWinners: true })).toEqual(byWeight(rest));
      expect(await store.weightCounts(event.id, { excludeWinners: false })).toEqual(byWeight(participants));
      const sortById = (list: { id: string; weight: number }[]) =>
        [...list].sort((a, b) => (a.id < b.id ? -1 : 1));
      // In id order, explicitly (the draw's canonical order), with and without the winners among them.
      expect(await store.listEntries(event.id, { excludeWinners: true })).toEqual(
        sortById(rest.map(({ id, weight }) => ({ id, weight }))),
      );
      expect(await store.listEntries(event.id, { excludeWinners: false })).toEqual(
        sortById(participants.map(({ id, weight }) => ({ id, weight }))),
      );
      expect((await store.getParticipant(winners[0]?.id as string))?.hasWon).toBe(true);
      expect(await store.weightCounts('evt_other', { excludeWinners: false })).toEqual({});
    });

    it('changes weights and keeps the counters in step', async () => {
      const { store } = await setup();
      const { event, prize, participants } = await seeded(store, 3);
      const [a, b] = participants as [Participant, Participant];
      const round = fixtures.round(event.id, prize.id);
      await store.insertRound(round, SYS);
      await store.commitDrawResult(round.id, fixtures.outcome([a.id]), SYS);
      expect((await store.setParticipantWeight(a.id, 50, SYS))?.weight).toBe(50);
      expect((await store.setParticipantWeight(b.id, 50, SYS))?.weight).toBe(50);
      expect(await store.setParticipantWeight('p_missing', 2, SYS)).toBeNull();
      expect((await store.getParticipant(a.id))?.weight).toBe(50);
      expect(await store.weightCounts(event.id, { excludeWinners: false })).toEqual({ 50: 2, 3: 1 });
      expect(await store.weightCounts(event.id, { excludeWinners: true })).toEqual({ 50: 1, 3: 1 });
    });
  });
}
