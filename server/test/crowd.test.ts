// 200 phones join at once: every one sees the reveal, winners get you:won, odds are broadcast throttled.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rooms } from '@drawcast/shared';
import type { JoinAckDto, OddsAggregateDto, RoundDto, YouWonDto } from '@drawcast/shared';
import { deviceToken, nextEvent, okData, openEventWithPrize, startTestServer } from './harness';
import type { Client, TestServer } from './harness';

const PHONES = 200;
const WINNERS = 20;

describe('a crowd of 200 phones', () => {
  let t: TestServer;
  beforeAll(async () => {
    // Small slices, so the audience's odds broadcasts go out over many event-loop turns.
    t = await startTestServer({ config: { oddsBroadcastSlice: 16 } });
  });
  afterAll(async () => {
    await t.close();
  });

  it('joins, gets throttled aggregate broadcasts, and everyone sees the reveal', async () => {
    const { eventId, joinCode, prizeId } = await openEventWithPrize(t, { quantity: WINNERS });
    const round = (
      await t.api<RoundDto>('POST', `/api/events/${eventId}/rounds`, { prizeId, winners: WINNERS })
    ).body;

    // An observer that only scanned the QR code (not joined) watches the aggregate broadcasts.
    const observer = await t.connect({ joinCode });
    const aggregates: Array<{ at: number; a: OddsAggregateDto }> = [];
    observer.on('odds:aggregate', (a) => aggregates.push({ at: performance.now(), a }));
    await observer.emitWithAck('clock:ping', {}); // the auto-join into the audience room has happened
    expect(t.server.io.sockets.adapter.rooms.get(rooms.audience(eventId))?.size).toBe(1);

    const phones: Client[] = await Promise.all(Array.from({ length: PHONES }, () => t.connect()));
    const everyPhoneSeesAll = Promise.all(
      phones.map((p) => nextEvent(p, 'odds:aggregate', (a) => a.eventId === eventId && a.total === PHONES)),
    );
    const started = performance.now();
    const acks: JoinAckDto[] = await Promise.all(
      phones.map(async (p, i) =>
        okData(
          await p.emitWithAck('event:join', { joinCode, nickname: `Fan ${i}`, deviceToken: deviceToken() }),
        ),
      ),
    );
    const lastAggregate = await new Promise<OddsAggregateDto>((resolve) => {
      const done = aggregates.find(({ a }) => a.total === PHONES);
      if (done) return resolve(done.a);
      observer.on('odds:aggregate', (a) => a.total === PHONES && resolve(a));
    });
    const elapsed = performance.now() - started;
    // Sent in slices of 16, the final counts still reach every one of the 200 phones.
    expect((await everyPhoneSeesAll).every((a) => a.total === PHONES)).toBe(true);

    expect(new Set(acks.map((a) => a.participantId)).size).toBe(PHONES);
    for (const ack of acks) {
      expect(ack.round?.id).toBe(round.id);
      expect(ack.odds).toBeGreaterThan(0);
      expect(ack.odds).toBeLessThanOrEqual(1);
    }
    expect(lastAggregate).toEqual({
      eventId,
      roundId: round.id,
      k: WINNERS,
      counts: { 1: PHONES },
      total: PHONES,
      oddsByWeight: { 1: expect.closeTo(WINNERS / PHONES, 12) },
      oddsExact: true,
    });
    // One broadcast per ~250 ms per event, not one per join; totals only grow.
    expect(aggregates.length).toBeLessThanOrEqual(Math.ceil(elapsed / 250) + 2);
    expect(aggregates.length).toBeLessThan(PHONES / 4);
    for (let i = 1; i < aggregates.length; i++) {
      expect(aggregates[i]!.a.total).toBeGreaterThanOrEqual(aggregates[i - 1]!.a.total);
    }
    // Each phone computes its own odds from the aggregate: with equal tickets, k/n.
    const last = acks.reduce((a, b) => (b.aggregate!.total > a.aggregate!.total ? b : a));
    expect(last.odds).toBeCloseTo(WINNERS / last.aggregate!.total, 9);

    // Draw: all 200 phones get round:reveal, exactly the winners get you:won.
    const wins = new Map<number, YouWonDto>();
    const firstWin = phones.map(
      (p, i) => new Promise<YouWonDto>((resolve) => p.on('you:won', (w) => (wins.set(i, w), resolve(w)))),
    );
    const reveals = Promise.all(
      phones.map((p) => nextEvent(p, 'round:reveal', (r) => r.roundId === round.id)),
    );
    const drawn = await t.api<RoundDto>('POST', `/api/rounds/${round.id}/draw`);
    expect(drawn.status).toBe(200);
    const seen = await reveals;
    const winnerIds = drawn.body.winners!.map((w) => w.participantId);
    expect(winnerIds).toHaveLength(WINNERS);
    for (const r of seen) expect(r.winners.map((w) => w.participantId)).toEqual(winnerIds);

    // Wait for each winner's own you:won, and check it names its slot.
    const phoneOf = new Map(acks.map((a, i) => [a.participantId, i]));
    const notices = await Promise.all(winnerIds.map((id) => firstWin[phoneOf.get(id)!]!));
    notices.forEach((w, place) => {
      expect(w.roundId).toBe(round.id);
      expect(w.place).toBe(place + 1);
      expect(w.prize.id).toBe(prizeId);
    });
    // No one else got one: messages on a socket arrive in order, so after a ping any stray you:won has arrived.
    await Promise.all(phones.map((p) => p.emitWithAck('clock:ping', {})));
    expect([...wins.keys()].map((i) => acks[i]!.participantId).sort()).toEqual([...winnerIds].sort());
  });
});
