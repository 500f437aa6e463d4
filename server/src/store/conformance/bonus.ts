// Store contract: bonus weights (referrals, early-bird, base tickets) and the counters that follow them.
import { describe, expect, it } from 'vitest';
import type { BonusSettings } from '../../domain/bonus/bonusSettings';
import type { Participant } from '../../domain/types';
import type { Store } from '../store';
import { fixtures, SYS } from './kit';
import type { ConformanceKit } from './kit';

const REFERRAL: BonusSettings = {
  referral: { enabled: true, ticketsPerFriend: 2, maxBonus: 4 },
  earlyBird: { enabled: false, before: 0, tickets: 1 },
};

/** The counters must always equal a count over the entries themselves. */
async function expectCountersMatchEntries(store: Store, eventId: string): Promise<void> {
  for (const excludeWinners of [false, true]) {
    for (const checkedInOnly of [false, true]) {
      const filter = { excludeWinners, checkedInOnly };
      const byHand: Record<number, number> = {};
      for (const e of await store.listEntries(eventId, filter))
        byHand[e.weight] = (byHand[e.weight] ?? 0) + 1;
      expect(await store.weightCounts(eventId, filter)).toEqual(byHand);
    }
  }
}

/** Registers the bonus-weight part of the Store contract. */
export function describeBonusContract(kit: ConformanceKit): void {
  const { setup } = kit;

  async function referralEvent(store: Store, bonus = REFERRAL) {
    const event = fixtures.event();
    event.settings.bonus = bonus;
    await store.insertEvent(event, SYS);
    return event;
  }

  describe('bonus weights', () => {
    it('counts a friend for the referrer, moves the referrer between weight classes, and caps the bonus', async () => {
      const { store } = await setup();
      const event = await referralEvent(store);
      const referrer = fixtures.participant(event.id, { shareCode: 'SHARE001' });
      await store.insertParticipantIfAbsent(referrer, SYS);
      expect((await store.getParticipantByShareCode(event.id, 'SHARE001'))?.id).toBe(referrer.id);
      const weights: number[] = [];
      for (let i = 0; i < 3; i += 1) {
        const friend = fixtures.participant(event.id, { referredBy: referrer.id });
        const result = await store.insertParticipantIfAbsent(friend, SYS);
        expect(result).toMatchObject({
          status: 'created',
          participant: { referredBy: referrer.id, weight: 1 },
        });
        weights.push((await store.getParticipant(referrer.id))?.weight ?? 0);
      }
      // 1 base + 2 per friend, capped at +4.
      expect(weights).toEqual([3, 5, 5]);
      expect(await store.getParticipant(referrer.id)).toMatchObject({
        referrals: 3,
        weight: 5,
        baseWeight: 1,
      });
      expect(await store.weightCounts(event.id, { excludeWinners: false })).toEqual({ 1: 3, 5: 1 });
      await expectCountersMatchEntries(store, event.id);
    });

    it('drops a referral to someone of another event or to nobody, and never counts a repeated join', async () => {
      const { store } = await setup();
      const event = await referralEvent(store);
      const other = await referralEvent(store);
      const stranger = fixtures.participant(other.id);
      await store.insertParticipantIfAbsent(stranger, SYS);
      const a = fixtures.participant(event.id, { referredBy: stranger.id });
      const b = fixtures.participant(event.id, { referredBy: 'p_nobody' });
      expect(await store.insertParticipantIfAbsent(a, SYS)).toMatchObject({
        participant: { referredBy: null },
      });
      expect(await store.insertParticipantIfAbsent(b, SYS)).toMatchObject({
        participant: { referredBy: null },
      });
      expect(await store.getParticipant(stranger.id)).toMatchObject({ referrals: 0, weight: 1 });
      const friend = fixtures.participant(event.id, { referredBy: a.id });
      await store.insertParticipantIfAbsent(friend, SYS);
      const again = fixtures.participant(event.id, {
        deviceTokenHash: friend.deviceTokenHash,
        referredBy: a.id,
      });
      expect((await store.insertParticipantIfAbsent(again, SYS)).status).toBe('existing');
      expect((await store.getParticipant(a.id))?.referrals).toBe(1);
    });

    it('keeps referrals and counters exact when many friends join at once', async () => {
      const { store } = await setup();
      const event = await referralEvent(store, {
        referral: { enabled: true, ticketsPerFriend: 1, maxBonus: 50 },
        earlyBird: { enabled: false, before: 0, tickets: 1 },
      });
      const referrer = fixtures.participant(event.id);
      await store.insertParticipantIfAbsent(referrer, SYS);
      const friends = Array.from({ length: 40 }, () =>
        fixtures.participant(event.id, { referredBy: referrer.id }),
      );
      await Promise.all(friends.map((f) => store.insertParticipantIfAbsent(f, SYS)));
      expect(await store.getParticipant(referrer.id)).toMatchObject({ referrals: 40, weight: 41 });
      expect(await store.weightCounts(event.id, { excludeWinners: false })).toEqual({ 1: 40, 41: 1 });
      await expectCountersMatchEntries(store, event.id);
    });

    it('gives early birds their tickets and re-weighs everyone atomically when the rule changes', async () => {
      const { store } = await setup();
      const event = await referralEvent(store, {
        referral: { enabled: false, ticketsPerFriend: 1, maxBonus: 1 },
        earlyBird: { enabled: true, before: 3_000, tickets: 2 },
      });
      const early = fixtures.participant(event.id, { joinedAt: 2_999 });
      const late = fixtures.participant(event.id, { joinedAt: 3_000 });
      await store.insertParticipantIfAbsent(early, SYS);
      await store.insertParticipantIfAbsent(late, SYS);
      const friend = fixtures.participant(event.id, { joinedAt: 3_500, referredBy: late.id });
      await store.insertParticipantIfAbsent(friend, SYS);
      expect(await store.weightCounts(event.id, { excludeWinners: false })).toEqual({ 1: 2, 3: 1 });
      // Referral was off, yet the friend was recorded: turning it on now counts them.
      const settings = { ...event.settings, bonus: { ...REFERRAL } };
      await store.updateEvent(event.id, { settings }, SYS);
      const byId = async (p: Participant) => (await store.getParticipant(p.id))?.weight;
      expect([await byId(early), await byId(late), await byId(friend)]).toEqual([1, 3, 1]);
      expect(await store.weightCounts(event.id, { excludeWinners: false })).toEqual({ 1: 2, 3: 1 });
      await expectCountersMatchEntries(store, event.id);
    });

    it('sets base tickets with the bonus on top, and refuses a share code already used in the event', async () => {
      const { store } = await setup();
      const event = await referralEvent(store);
      const a = fixtures.participant(event.id, { shareCode: 'SAME0001' });
      await store.insertParticipantIfAbsent(a, SYS);
      await store.insertParticipantIfAbsent(fixtures.participant(event.id, { referredBy: a.id }), SYS);
      expect(await store.setParticipantWeight(a.id, 10, SYS)).toMatchObject({ baseWeight: 10, weight: 12 });
      const clash = fixtures.participant(event.id, { shareCode: 'SAME0001' });
      expect(await store.insertParticipantIfAbsent(clash, SYS)).toEqual({ status: 'share_code_taken' });
      expect(await store.getParticipant(clash.id)).toBeNull();
      await expectCountersMatchEntries(store, event.id);
    });
  });
}
