// Store contract: events and prizes.
import { describe, expect, it } from 'vitest';
import { fixtures, SYS } from './kit';
import type { ConformanceKit } from './kit';

/** Registers the events and prizes part of the Store contract. */
export function describeEventContract(kit: ConformanceKit): void {
  const { setup, seeded } = kit;
  describe('events', () => {
    it('inserts, finds by id and join code, lists in creation order, and returns null when unknown', async () => {
      const { store } = await setup();
      const a = fixtures.event({ createdAt: 1 });
      const b = fixtures.event({ createdAt: 2, title: 'Ünïcödé 🎉 活动' });
      expect(await store.insertEvent(b, SYS)).toEqual({ ok: true });
      expect(await store.insertEvent(a, SYS)).toEqual({ ok: true });
      expect(await store.getEvent(b.id)).toEqual(b);
      expect(await store.getEventByJoinCode(a.joinCode)).toEqual(a);
      expect((await store.listEvents()).map((e) => e.id)).toEqual([a.id, b.id]);
      expect(await store.getEvent('evt_missing')).toBeNull();
      expect(await store.getEventByJoinCode('ZZZZZZ')).toBeNull();
    });

    it('refuses a duplicate join code and changes nothing', async () => {
      const { store } = await setup();
      const a = fixtures.event();
      await store.insertEvent(a, SYS);
      const clash = fixtures.event({ joinCode: a.joinCode });
      expect(await store.insertEvent(clash, SYS)).toEqual({ ok: false, reason: 'JOIN_CODE_TAKEN' });
      expect(await store.getEvent(clash.id)).toBeNull();
      expect(await store.listEvents()).toHaveLength(1);
    });

    it('updates title, status and settings independently', async () => {
      const { store } = await setup();
      const a = fixtures.event({ status: 'draft' });
      await store.insertEvent(a, SYS);
      const opened = await store.updateEvent(a.id, { status: 'open' }, SYS);
      expect(opened).toEqual({ ...a, status: 'open' });
      const settings = { ...a.settings, streamDelayMs: 30_000 };
      expect(await store.updateEvent(a.id, { title: 'New', settings }, SYS)).toEqual({
        ...a,
        status: 'open',
        title: 'New',
        settings,
      });
      expect(await store.getEvent(a.id)).toEqual({ ...a, status: 'open', title: 'New', settings });
      expect(await store.updateEvent('evt_missing', { title: 'x' }, SYS)).toBeNull();
    });
  });

  describe('prizes', () => {
    it('inserts, gets and lists per event in creation order', async () => {
      const { store } = await setup();
      const { event, prize } = await seeded(store, 0);
      const second = fixtures.prize(event.id, {
        createdAt: 9_000,
        imageUrl: '/img/x.png',
        name: '奖品 🎁',
      });
      await store.insertPrize(second, SYS);
      expect(await store.getPrize(prize.id)).toEqual(prize);
      expect(await store.listPrizes(event.id)).toEqual([prize, second]);
      expect(await store.listPrizes('evt_other')).toEqual([]);
      expect(await store.getPrize('prz_missing')).toBeNull();
    });

    it('edits a prize, audited, and refuses a quantity below awarded + held by undrawn rounds', async () => {
      const { store } = await setup();
      const { event, prize, participants } = await seeded(store, 2, 5);
      // One unit awarded (a drawn round of 1), two held by a committed round of 2: the floor is 3.
      const drawn = fixtures.round(event.id, prize.id, { k: 1 });
      await store.insertRound(drawn, SYS);
      await store.commitDrawResult(drawn.id, fixtures.outcome([participants[0]!.id]), SYS);
      await store.insertRound(fixtures.round(event.id, prize.id, { k: 2 }), SYS);
      const before = (await store.getPrize(prize.id))!;
      expect(before.awarded).toBe(1);

      const low = await store.updatePrize(prize.id, { quantity: 2, name: 'Never stored' }, SYS);
      expect(low).toEqual({ outcome: 'quantity_too_low', prize: before, minimum: 3 });
      expect(await store.getPrize(prize.id)).toEqual(before);

      const edited = await store.updatePrize(
        prize.id,
        { name: '新名字 🎁', description: 'Blue', imageUrl: '/media/prize-images/x.png', quantity: 3 },
        SYS,
      );
      const expected = {
        ...before,
        name: '新名字 🎁',
        description: 'Blue',
        imageUrl: '/media/prize-images/x.png',
        quantity: 3,
      };
      expect(edited).toEqual({ outcome: 'updated', prize: expected });
      expect(await store.getPrize(prize.id)).toEqual(expected);
      // Only the given fields change; null removes the picture.
      const cleared = await store.updatePrize(prize.id, { imageUrl: null }, SYS);
      expect(cleared).toEqual({ outcome: 'updated', prize: { ...expected, imageUrl: null } });
      expect(await store.updatePrize('prz_missing', { name: 'x' }, SYS)).toEqual({ outcome: 'not_found' });

      const audit = await store.listAudit(event.id, 0, 100);
      const edits = audit.filter((r) => r.action === 'prize.update');
      expect(edits).toHaveLength(2);
      expect(edits[0]!.data).toEqual({
        prizeId: prize.id,
        changed: {
          name: { from: before.name, to: '新名字 🎁' },
          description: { from: before.description, to: 'Blue' },
          imageUrl: { from: before.imageUrl, to: '/media/prize-images/x.png' },
          quantity: { from: 5, to: 3 },
        },
      });
    });
  });
}
