import { afterEach, describe, expect, it } from 'vitest';
import { oddsByWeight } from '@drawcast/shared';
import { createDrawcastService } from './drawcastService';
import { createRoundOddsCache } from './odds/createRoundOddsCache';
import { EXPENSIVE_ODDS_COST, oddsCost } from './odds/oddsCost';
import { OddsWorkerClient } from './odds/oddsWorkerClient';
import type { RoundOddsCache } from './odds/roundOddsCache';
import {
  openServiceHarness,
  seededRandom,
  TEST_CONTACT_KEY,
  TEST_SECRET,
  type ServiceHarness,
} from './testHarness';

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

/** A service over a real SQLite file, with its odds cache on a real worker thread. */
async function serviceWithWorker(seed: string) {
  const h: ServiceHarness = await openServiceHarness(seed);
  const worker = new OddsWorkerClient();
  const odds: RoundOddsCache = createRoundOddsCache(h.clock, { worker });
  cleanups.push(async () => {
    await worker.close();
    await h.cleanup();
  });
  const service = createDrawcastService({
    store: h.store,
    clock: h.clock,
    random: seededRandom(`${seed}/odds`),
    secret: TEST_SECRET,
    contactKey: TEST_CONTACT_KEY,
    oddsCache: odds,
  });
  return { h, service, odds, worker };
}

/** The same with an open event, a prize and a join helper: odds the test can watch. */
async function serviceWithOdds(seed: string) {
  const { h, service, odds } = await serviceWithWorker(seed);
  const event = await service.createEvent({ title: 'Odds night', settings: { revealLeadMs: 0 } });
  await service.updateEvent(event.id, { status: 'open' });
  const prize = await service.addPrize(event.id, { name: 'Prize', quantity: 1000 });
  const join = (i: number) =>
    service.join({ joinCode: event.joinCode, nickname: `n${i}`, deviceToken: `device-${i}` });
  return { h, service, odds, event, prize, join };
}

describe('odds in join acks and phone state (real SQLite, real worker thread)', () => {
  it('an expensive round answers the join at once (not exact), then serves the worker result exactly', async () => {
    const { service, odds, event, prize, join } = await serviceWithOdds('odds-expensive');
    const people = await Promise.all(Array.from({ length: 600 }, (_, i) => join(i)));
    // Base tickets 2..20 for 19 people: 20 weight classes, expensive whatever k (see oddsCost).
    for (const [i, person] of people.slice(0, 19).entries()) {
      await service.setBaseTickets(person.participant.id, i + 2);
    }
    const round = await service.createRound(event.id, { prizeId: prize.id, winners: 300 });

    const ack = await join(600);
    expect(ack.openRound).toMatchObject({ roundId: round.id, eligible: true, odds: null, oddsExact: false });
    const aggregate = ack.openRound?.aggregate;
    const counts = { 1: 582, ...Object.fromEntries(Array.from({ length: 19 }, (_, i) => [i + 2, 1])) };
    expect(aggregate?.counts).toEqual(counts);
    expect(oddsCost(aggregate?.counts ?? {}, 300)).toBeGreaterThan(EXPENSIVE_ODDS_COST);

    await odds.settled();
    const exact = oddsByWeight(counts, 300);
    const light = await service.participantState(event.id, 'device-600');
    expect(light.openRound).toMatchObject({ odds: exact[1], oddsExact: true });
    const heavy = await service.participantState(event.id, 'device-0');
    expect(heavy.openRound).toMatchObject({ odds: exact[2], oddsExact: true });
  });

  it('a cheap round is exact at once, throttles a changed aggregate, and is forgotten once drawn', async () => {
    const { h, service, odds, event, prize, join } = await serviceWithOdds('odds-cheap');
    const people = await Promise.all(Array.from({ length: 12 }, (_, i) => join(i)));
    await service.setBaseTickets(people[0]?.participant.id as string, 5);
    await service.setBaseTickets(people[1]?.participant.id as string, 3);
    const round = await service.createRound(event.id, { prizeId: prize.id, winners: 4 });

    const first = await service.participantState(event.id, 'device-0');
    expect(first.openRound).toMatchObject({
      odds: oddsByWeight({ 1: 10, 3: 1, 5: 1 }, 4)[5],
      oddsExact: true,
    });
    // A join 100 ms later changes the aggregate: the last odds are served, marked not exact.
    h.clock.advance(100);
    const late = await join(12);
    expect(late.openRound).toMatchObject({
      odds: oddsByWeight({ 1: 10, 3: 1, 5: 1 }, 4)[1],
      oddsExact: false,
      aggregate: { counts: { 1: 11, 3: 1, 5: 1 } },
    });
    h.clock.advance(150);
    const due = await service.participantState(event.id, 'device-12');
    expect(due.openRound).toMatchObject({ odds: oddsByWeight({ 1: 11, 3: 1, 5: 1 }, 4)[1], oddsExact: true });

    expect(odds.size).toBe(1);
    await service.drawRound(round.id);
    expect(odds.size).toBe(0);
  });
});

describe('odds worker shutdown', () => {
  it("the service's close() stops the worker thread: a computation still running fails at once", async () => {
    const { service, worker } = await serviceWithWorker('odds-close');
    // k = 5,000 with three classes takes seconds: it is still running when close() comes.
    const running = worker.compute({ 1: 20_000, 2: 20_000, 3: 20_000 }, 5_000);
    await service.close();
    await expect(running).rejects.toThrow('odds worker closed');
  });
});
