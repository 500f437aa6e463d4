// One behavioural contract for every Store implementation: SQLite runs it now, Redis will run it later.
import { afterEach, describe, expect, it } from 'vitest';
import type { DrawEvent, DrawOutcome, Participant, Prize, Round } from '../domain/types';
import type { Store } from './store';

/** How the suite gets stores: open() may be called again after close() and must see the same data. */
export interface StoreHarness {
  open(): Promise<Store>;
  /** Removes whatever the harness created (temp dirs, keys). */
  cleanup(): Promise<void>;
}

const SETTINGS = {
  requirePhone: false,
  streamDelayMs: 0,
  revealLeadMs: 5000,
  excludePreviousWinnersDefault: true,
};
const SEED = 'ab'.repeat(32);

let counter = 0;
function uid(prefix: string): string {
  counter += 1;
  return `${prefix}_${String(counter).padStart(16, '0')}`;
}

/** Test fixture builders, exported so store-specific tests can reuse them. */
export const fixtures = {
  event(overrides: Partial<DrawEvent> = {}): DrawEvent {
    const id = uid('evt');
    return {
      id,
      title: 'Spring gala',
      joinCode: id.slice(-6).replace(/[01]/g, 'A'),
      status: 'open',
      settings: { ...SETTINGS },
      createdAt: 1_000,
      ...overrides,
    };
  },
  prize(eventId: string, overrides: Partial<Prize> = {}): Prize {
    return {
      id: uid('prz'),
      eventId,
      name: 'TV',
      description: '55 inch',
      imageUrl: null,
      quantity: 10,
      awarded: 0,
      createdAt: 2_000,
      ...overrides,
    };
  },
  participant(eventId: string, overrides: Partial<Participant> = {}): Participant {
    const id = uid('p');
    return {
      id,
      eventId,
      nickname: `user ${id}`,
      deviceTokenHash: `dev-${id}`,
      phoneHash: null,
      phoneMasked: null,
      weight: 1,
      hasWon: false,
      joinedAt: 3_000,
      ...overrides,
    };
  },
  round(eventId: string, prizeId: string, overrides: Partial<Round> = {}): Round {
    return {
      id: uid('rnd'),
      eventId,
      prizeId,
      k: 1,
      excludePreviousWinners: true,
      blocklist: [],
      serverSeed: SEED,
      commitment: 'c'.repeat(64),
      publicEntropy: '',
      status: 'committed',
      createdAt: 4_000,
      drawnAt: null,
      revealAt: null,
      phoneRevealAt: null,
      entriesDigest: null,
      winners: null,
      ...overrides,
    };
  },
  outcome(
    winners: string[],
    entries = winners.map((id) => ({ id, weight: 1 })),
    publicEntropy = '',
  ): DrawOutcome {
    return {
      publicEntropy,
      entries,
      entriesDigest: 'd'.repeat(64),
      winners,
      drawnAt: 5_000,
      revealAt: 10_000,
      phoneRevealAt: 20_000,
    };
  },
};

/** Registers the conformance tests for one Store implementation. */
export function describeStoreConformance(name: string, makeHarness: () => Promise<StoreHarness>): void {
  describe(`Store conformance: ${name}`, () => {
    const open: { harness: StoreHarness; stores: Store[] }[] = [];

    async function setup(): Promise<{ store: Store; reopen: () => Promise<Store> }> {
      const harness = await makeHarness();
      const entry = { harness, stores: [] as Store[] };
      open.push(entry);
      const openOne = async (): Promise<Store> => {
        const store = await harness.open();
        entry.stores.push(store);
        return store;
      };
      const store = await openOne();
      return {
        store,
        reopen: async () => {
          await store.close();
          return openOne();
        },
      };
    }

    /** An open event with one prize and `n` participants. */
    async function seeded(store: Store, n: number, quantity = 10) {
      const event = fixtures.event();
      await store.insertEvent(event);
      const prize = fixtures.prize(event.id, { quantity });
      await store.insertPrize(prize);
      const participants: Participant[] = [];
      for (let i = 0; i < n; i += 1) {
        const p = fixtures.participant(event.id, { weight: (i % 3) + 1 });
        await store.insertParticipantIfAbsent(p);
        participants.push(p);
      }
      return { event, prize, participants };
    }

    afterEach(async () => {
      for (const entry of open.splice(0)) {
        for (const store of entry.stores) await store.close();
        await entry.harness.cleanup();
      }
    });

    describe('events', () => {
      it('inserts, finds by id and join code, lists in creation order, and returns null when unknown', async () => {
        const { store } = await setup();
        const a = fixtures.event({ createdAt: 1 });
        const b = fixtures.event({ createdAt: 2, title: 'Ünïcödé 🎉 活动' });
        expect(await store.insertEvent(b)).toEqual({ ok: true });
        expect(await store.insertEvent(a)).toEqual({ ok: true });
        expect(await store.getEvent(b.id)).toEqual(b);
        expect(await store.getEventByJoinCode(a.joinCode)).toEqual(a);
        expect((await store.listEvents()).map((e) => e.id)).toEqual([a.id, b.id]);
        expect(await store.getEvent('evt_missing')).toBeNull();
        expect(await store.getEventByJoinCode('ZZZZZZ')).toBeNull();
      });

      it('refuses a duplicate join code and changes nothing', async () => {
        const { store } = await setup();
        const a = fixtures.event();
        await store.insertEvent(a);
        const clash = fixtures.event({ joinCode: a.joinCode });
        expect(await store.insertEvent(clash)).toEqual({ ok: false, reason: 'JOIN_CODE_TAKEN' });
        expect(await store.getEvent(clash.id)).toBeNull();
        expect(await store.listEvents()).toHaveLength(1);
      });

      it('updates title, status and settings independently', async () => {
        const { store } = await setup();
        const a = fixtures.event({ status: 'draft' });
        await store.insertEvent(a);
        const opened = await store.updateEvent(a.id, { status: 'open' });
        expect(opened).toEqual({ ...a, status: 'open' });
        const settings = { ...a.settings, streamDelayMs: 30_000 };
        expect(await store.updateEvent(a.id, { title: 'New', settings })).toEqual({
          ...a,
          status: 'open',
          title: 'New',
          settings,
        });
        expect(await store.getEvent(a.id)).toEqual({ ...a, status: 'open', title: 'New', settings });
        expect(await store.updateEvent('evt_missing', { title: 'x' })).toBeNull();
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
        await store.insertPrize(second);
        expect(await store.getPrize(prize.id)).toEqual(prize);
        expect(await store.listPrizes(event.id)).toEqual([prize, second]);
        expect(await store.listPrizes('evt_other')).toEqual([]);
        expect(await store.getPrize('prz_missing')).toBeNull();
      });
    });

    describe('participants', () => {
      it('is idempotent per (event, device): a second join returns the first entry unchanged', async () => {
        const { store } = await setup();
        const { event } = await seeded(store, 0);
        const first = fixtures.participant(event.id);
        expect(await store.insertParticipantIfAbsent(first)).toEqual({
          status: 'created',
          participant: first,
        });
        const again = fixtures.participant(event.id, {
          deviceTokenHash: first.deviceTokenHash,
          nickname: 'other',
        });
        expect(await store.insertParticipantIfAbsent(again)).toEqual({
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
          [device, twin, ...others].map((p) => store.insertParticipantIfAbsent(p)),
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
        expect((await store.insertParticipantIfAbsent(a)).status).toBe('created');
        expect((await store.insertParticipantIfAbsent(b)).status).toBe('created');
        expect((await store.getParticipantByDevice(two.event.id, 'same'))?.id).toBe(b.id);
      });

      it('refuses a phone already used in the event, and allows it in another event', async () => {
        const { store } = await setup();
        const one = await seeded(store, 0);
        const two = await seeded(store, 0);
        const phone = { phoneHash: 'h'.repeat(64), phoneMasked: '138****5678' };
        const a = fixtures.participant(one.event.id, phone);
        expect((await store.insertParticipantIfAbsent(a)).status).toBe('created');
        const b = fixtures.participant(one.event.id, phone);
        expect(await store.insertParticipantIfAbsent(b)).toEqual({ status: 'phone_taken' });
        expect(await store.countParticipants(one.event.id)).toBe(1);
        expect(
          (await store.insertParticipantIfAbsent(fixtures.participant(two.event.id, phone))).status,
        ).toBe('created');
      });

      it('stores unicode nicknames exactly', async () => {
        const { store } = await setup();
        const { event } = await seeded(store, 0);
        const names = ['小明', '👨‍👩‍👧‍👦', 'مرحبا', 'O\'Brien "<b>"', '𝕏𝕐ℤ', 'e\u0301'];
        for (const nickname of names) {
          const p = fixtures.participant(event.id, { nickname });
          await store.insertParticipantIfAbsent(p);
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
        for (const p of joined) await store.insertParticipantIfAbsent(p);
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
        await store.insertRound(round);
        const winners = [participants[0], participants[4]] as Participant[];
        await store.commitDrawResult(round.id, fixtures.outcome(winners.map((w) => w.id)));
        const rest = participants.filter((p) => !winners.includes(p));
        expect(await store.weightCounts(event.id, { excludeWinners: true })).toEqual(byWeight(rest));
        expect(await store.weightCounts(event.id, { excludeWinners: false })).toEqual(byWeight(participants));
        const sortById = (list: { id: string; weight: number }[]) =>
          [...list].sort((a, b) => (a.id < b.id ? -1 : 1));
        expect(sortById(await store.listEntries(event.id, { excludeWinners: true }))).toEqual(
          sortById(rest.map(({ id, weight }) => ({ id, weight }))),
        );
        expect(await store.listEntries(event.id, { excludeWinners: false })).toHaveLength(7);
        expect((await store.getParticipant(winners[0]?.id as string))?.hasWon).toBe(true);
        expect(await store.weightCounts('evt_other', { excludeWinners: false })).toEqual({});
      });

      it('changes weights and keeps the counters in step', async () => {
        const { store } = await setup();
        const { event, prize, participants } = await seeded(store, 3);
        const [a, b] = participants as [Participant, Participant];
        const round = fixtures.round(event.id, prize.id);
        await store.insertRound(round);
        await store.commitDrawResult(round.id, fixtures.outcome([a.id]));
        expect((await store.setParticipantWeight(a.id, 50))?.weight).toBe(50);
        expect((await store.setParticipantWeight(b.id, 50))?.weight).toBe(50);
        expect(await store.setParticipantWeight('p_missing', 2)).toBeNull();
        expect((await store.getParticipant(a.id))?.weight).toBe(50);
        expect(await store.weightCounts(event.id, { excludeWinners: false })).toEqual({ 50: 2, 3: 1 });
        expect(await store.weightCounts(event.id, { excludeWinners: true })).toEqual({ 50: 1, 3: 1 });
      });
    });

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
        expect(await store.insertRound(later)).toEqual({ ok: true });
        expect(await store.insertRound(earlier)).toEqual({ ok: true });
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
        for (const r of [first, second, third]) await store.insertRound(r);
        expect((await store.getCurrentRound(event.id))?.id).toBe(first.id);
        await store.commitDrawResult(first.id, fixtures.outcome([participants[0]?.id as string]));
        expect((await store.getCurrentRound(event.id))?.id).toBe(second.id);
        await store.cancelRound(second.id);
        expect(await store.getCurrentRound(event.id)).toEqual(third);
      });

      it('reserves prize capacity for undrawn rounds and refuses beyond it', async () => {
        const { store } = await setup();
        const { event, prize } = await seeded(store, 0, 5);
        expect(await store.insertRound(fixtures.round(event.id, prize.id, { k: 3 }))).toEqual({ ok: true });
        const tooMany = fixtures.round(event.id, prize.id, { k: 3 });
        expect(await store.insertRound(tooMany)).toEqual({
          ok: false,
          reason: 'PRIZE_EXHAUSTED',
          available: 2,
        });
        expect(await store.getRound(tooMany.id)).toBeNull();
        const other = await seeded(store, 0);
        expect(await store.insertRound(fixtures.round(event.id, other.prize.id))).toEqual({
          ok: false,
          reason: 'PRIZE_NOT_FOUND',
        });
        expect(await store.insertRound(fixtures.round(event.id, 'prz_missing'))).toEqual({
          ok: false,
          reason: 'PRIZE_NOT_FOUND',
        });
      });

      it('cancelling frees the reservation; a cancelled round cannot be drawn or changed', async () => {
        const { store } = await setup();
        const { event, prize, participants } = await seeded(store, 2, 2);
        const round = fixtures.round(event.id, prize.id, { k: 2 });
        await store.insertRound(round);
        const cancelled = await store.cancelRound(round.id);
        expect(cancelled).toEqual({ ok: true, round: { ...round, status: 'cancelled' } });
        expect(await store.cancelRound(round.id)).toMatchObject({ ok: false, reason: 'NOT_COMMITTED' });
        expect(await store.setPublicEntropy(round.id, 'x')).toMatchObject({
          ok: false,
          reason: 'NOT_COMMITTED',
        });
        expect(
          await store.commitDrawResult(round.id, fixtures.outcome(participants.map((p) => p.id))),
        ).toMatchObject({ outcome: 'cancelled' });
        expect(await store.insertRound(fixtures.round(event.id, prize.id, { k: 2 }))).toEqual({ ok: true });
        expect(await store.cancelRound('rnd_missing')).toEqual({ ok: false, reason: 'ROUND_NOT_FOUND' });
      });

      it('sets public entropy only while committed', async () => {
        const { store } = await setup();
        const { event, prize, participants } = await seeded(store, 1);
        const round = fixtures.round(event.id, prize.id);
        await store.insertRound(round);
        const set = await store.setPublicEntropy(round.id, 'lotto 7 11 🎲');
        expect(set).toEqual({ ok: true, round: { ...round, publicEntropy: 'lotto 7 11 🎲' } });
        const winner = [participants[0]?.id as string];
        const stale = await store.commitDrawResult(round.id, fixtures.outcome(winner));
        expect(stale).toMatchObject({ outcome: 'stale_entropy' });
        expect((await store.getRound(round.id))?.status).toBe('committed');
        const fresh = await store.commitDrawResult(
          round.id,
          fixtures.outcome(winner, undefined, 'lotto 7 11 🎲'),
        );
        expect(fresh.outcome).toBe('drawn');
        const late = await store.setPublicEntropy(round.id, 'late');
        expect(late).toMatchObject({ ok: false, reason: 'NOT_COMMITTED' });
        expect((await store.getRound(round.id))?.publicEntropy).toBe('lotto 7 11 🎲');
        expect(await store.setPublicEntropy('rnd_missing', 'x')).toEqual({
          ok: false,
          reason: 'ROUND_NOT_FOUND',
        });
      });

      it('commits a draw once: stores the outcome, awards the prize, marks winners; a repeat returns the stored result', async () => {
        const { store } = await setup();
        const { event, prize, participants } = await seeded(store, 5);
        const round = fixtures.round(event.id, prize.id, { k: 2 });
        await store.insertRound(round);
        const entries = participants.map(({ id, weight }) => ({ id, weight }));
        const first = fixtures.outcome(
          [participants[3]?.id as string, participants[1]?.id as string],
          entries,
        );
        const result = await store.commitDrawResult(round.id, first);
        const drawn: Round = {
          ...round,
          status: 'drawn',
          drawnAt: first.drawnAt,
          revealAt: first.revealAt,
          phoneRevealAt: first.phoneRevealAt,
          entriesDigest: first.entriesDigest,
          winners: first.winners,
        };
        expect(result).toEqual({ outcome: 'drawn', round: drawn });
        expect(await store.getRoundEntries(round.id)).toEqual(entries);
        expect((await store.getPrize(prize.id))?.awarded).toBe(2);

        const second = fixtures.outcome([participants[0]?.id as string, participants[2]?.id as string]);
        expect(await store.commitDrawResult(round.id, second)).toEqual({
          outcome: 'already_drawn',
          round: drawn,
        });
        expect((await store.getPrize(prize.id))?.awarded).toBe(2);
        expect((await store.getParticipant(participants[0]?.id as string))?.hasWon).toBe(false);
        expect(await store.commitDrawResult('rnd_missing', second)).toEqual({ outcome: 'not_found' });
      });

      it('compare-and-set: concurrent commits of different outcomes store exactly one', async () => {
        const { store } = await setup();
        const { event, prize, participants } = await seeded(store, 10);
        const round = fixtures.round(event.id, prize.id, { k: 1 });
        await store.insertRound(round);
        const results = await Promise.all(
          participants.map((p) => store.commitDrawResult(round.id, fixtures.outcome([p.id]))),
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
        await store.insertRound(round);
        const fourWinners = fixtures.outcome([...participants.map((p) => p.id), 'p_extra']);
        expect(await store.commitDrawResult(round.id, fourWinners)).toMatchObject({
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
        await store.insertRound(round);
        const entries = participants.map(({ id, weight }) => ({ id, weight }));
        const winners = participants.slice(0, 500).map((p) => p.id);
        expect((await store.commitDrawResult(round.id, fixtures.outcome(winners, entries))).outcome).toBe(
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
        await store.insertRound(committed);
        await store.insertRound(drawnRound);
        const outcome = fixtures.outcome([participants[2]?.id as string]);
        await store.commitDrawResult(drawnRound.id, outcome);
        const before = {
          event: await store.getEvent(event.id),
          prizes: await store.listPrizes(event.id),
          rounds: await store.listRounds(event.id),
          entries: await store.getRoundEntries(drawnRound.id),
          participant: await store.getParticipantByDevice(
            event.id,
            participants[1]?.deviceTokenHash as string,
          ),
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
  });
}
