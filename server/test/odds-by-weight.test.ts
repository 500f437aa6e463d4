// The odds broadcast carries the server's exact odds per weight class, so phones need not compute them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { oddsByWeight } from '@drawcast/shared';
import type { JoinAckDto, OddsAggregateDto, RoundDto } from '@drawcast/shared';
import { deviceToken, nextEvent, okData, openEventWithPrize, startTestServer } from './harness';
import type { TestServer } from './harness';

const PHONES = 250;
const WINNERS = 125;

describe('odds per weight class in odds:aggregate', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer();
  });
  afterAll(async () => {
    await t.close();
  });

  it('sends exact odds per class, and follows an inexact broadcast with an exact one', async () => {
    const { eventId, joinCode, prizeId } = await openEventWithPrize(t, { quantity: WINNERS });
    const round = await t.api<RoundDto>('POST', `/api/events/${eventId}/rounds`, {
      prizeId,
      winners: WINNERS,
    });
    expect(round.status).toBe(201);
    const host = await t.connect({ role: 'host', hostToken: t.token });
    const seen: OddsAggregateDto[] = [];
    host.on('odds:aggregate', (a) => a.eventId === eventId && seen.push(a));

    const sockets = await Promise.all(Array.from({ length: 10 }, () => t.connect()));
    const acks: JoinAckDto[] = [];
    await Promise.all(
      sockets.map(async (s, i) => {
        for (let j = 0; j < PHONES / sockets.length; j++) {
          const ack = await s.emitWithAck('event:join', {
            joinCode,
            nickname: `P${i}-${j}`,
            deviceToken: deviceToken(),
          });
          acks.push(okData(ack));
        }
      }),
    );
    // Two weight classes and 125 of 250 winners: expensive enough for the server's worker thread.
    const final = nextEvent(
      host,
      'odds:aggregate',
      (a) => a.eventId === eventId && a.counts[3] === 1 && a.oddsExact === true,
    );
    const raised = await t.api('PUT', `/api/participants/${acks[0]!.participantId}/tickets`, {
      baseTickets: 3,
    });
    expect(raised.status).toBe(200);
    const aggregate = await final;

    expect(aggregate.counts).toEqual({ 1: PHONES - 1, 3: 1 });
    const expected = oddsByWeight(aggregate.counts, aggregate.k);
    expect(Object.keys(aggregate.oddsByWeight ?? {}).sort()).toEqual(['1', '3']);
    expect(aggregate.oddsByWeight![1]).toBeCloseTo(expected[1]!, 9);
    expect(aggregate.oddsByWeight![3]).toBeCloseTo(expected[3]!, 9);
    // Every broadcast says whether its figures are exact; a not-exact one never claims to be.
    for (const a of seen) expect(typeof a.oddsExact).toBe('boolean');
  });
});
