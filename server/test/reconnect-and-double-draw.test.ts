// No win is lost to a disconnect, and a draw sent several times at once draws exactly once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RoundDto } from '@drawcast/shared';
import { deviceToken, nextEvent, okData, openEventWithPrize, startTestServer } from './harness';
import type { TestServer } from './harness';

describe('reconnect state sync', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer();
  });
  afterAll(async () => {
    await t.close();
  });

  it('gives a winner who was offline during the draw its win on reconnect', async () => {
    const { eventId, joinCode, prizeId } = await openEventWithPrize(t, { quantity: 3 });
    const tokens = [deviceToken(), deviceToken(), deviceToken()];
    const phones = await Promise.all(tokens.map(() => t.connect()));
    const ids = await Promise.all(
      phones.map(
        async (p, i) =>
          okData(await p.emitWithAck('event:join', { joinCode, nickname: `P${i}`, deviceToken: tokens[i]! }))
            .participantId,
      ),
    );
    // k = everyone, so the phone that goes offline certainly wins.
    const round = (await t.api<RoundDto>('POST', `/api/events/${eventId}/rounds`, { prizeId, winners: 3 }))
      .body;
    phones[2]!.disconnect();
    const online = nextEvent(phones[0]!, 'you:won');
    const drawn = (await t.api<RoundDto>('POST', `/api/rounds/${round.id}/draw`)).body;
    expect((await online).roundId).toBe(round.id);

    // Reconnect with event + device token in the handshake: the full state is pushed.
    const socket = t.open({ eventId, deviceToken: tokens[2]! });
    const pushed = await nextEvent(socket, 'participant:state');
    expect(pushed.participant.id).toBe(ids[2]);
    expect(pushed.results.map((r) => r.roundId)).toEqual([round.id]);
    const place = drawn.winners!.findIndex((w) => w.participantId === ids[2]) + 1;
    expect(pushed.wins).toEqual([
      {
        eventId,
        roundId: round.id,
        prize: { id: prizeId, name: 'Gift card' },
        place,
        revealAt: drawn.phoneRevealAt,
        claim: expect.objectContaining({ status: 'pending', code: expect.stringMatching(/^[A-Z0-9]{10}$/) }),
      },
    ]);

    // The explicit command (by join code) gives the same state.
    const asked = okData(
      await socket.emitWithAck('participant:state', { joinCode, deviceToken: tokens[2]! }),
    );
    expect(asked.wins).toEqual(pushed.wins);
    expect(asked.results).toEqual(pushed.results);
  });

  it('includes a result already sent to the audience even before the phones reveal instant', async () => {
    // Long lead, no stream delay: the audience gets the result at once, phoneRevealAt is 20 s away.
    const { eventId, joinCode, prizeId } = await openEventWithPrize(t, {
      settings: { revealLeadMs: 20_000 },
    });
    const token = deviceToken();
    const phone = await t.connect();
    const me = okData(
      await phone.emitWithAck('event:join', { joinCode, nickname: 'Early', deviceToken: token }),
    );
    const round = (await t.api<RoundDto>('POST', `/api/events/${eventId}/rounds`, { prizeId, winners: 1 }))
      .body;
    phone.disconnect();
    await t.api('POST', `/api/rounds/${round.id}/draw`);

    const back = await t.connect();
    const state = okData(await back.emitWithAck('participant:state', { eventId, deviceToken: token }));
    expect(state.pendingReveals).toEqual([]);
    expect(state.results.map((r) => r.winners[0]!.participantId)).toEqual([me.participantId]);
    expect(state.wins.map((w) => w.roundId)).toEqual([round.id]);
  });

  it('answers PARTICIPANT_NOT_FOUND for a device that never joined', async () => {
    const { eventId } = await openEventWithPrize(t);
    const phone = await t.connect();
    const ack = await phone.emitWithAck('participant:state', { eventId, deviceToken: deviceToken() });
    expect(ack).toMatchObject({ ok: false, code: 'PARTICIPANT_NOT_FOUND' });
  });
});

describe('double draw', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer();
  });
  afterAll(async () => {
    await t.close();
  });

  it('draws once when two hosts and a REST client all click at the same time', async () => {
    const { eventId, joinCode, prizeId } = await openEventWithPrize(t, { quantity: 2 });
    const phone = await t.connect();
    for (let i = 0; i < 10; i++) {
      okData(
        await phone.emitWithAck('event:join', { joinCode, nickname: `D${i}`, deviceToken: deviceToken() }),
      );
    }
    const round = (await t.api<RoundDto>('POST', `/api/events/${eventId}/rounds`, { prizeId, winners: 2 }))
      .body;
    const hostA = await t.connect({ role: 'host', hostToken: t.token });
    const hostB = await t.connect({ role: 'host', hostToken: t.token });
    const stage = await t.connect({ role: 'stage', eventId });
    let stageDrawn = 0;
    stage.on('round:drawn', () => stageDrawn++);

    const [a, b, c, d] = await Promise.all([
      hostA.emitWithAck('round:draw', { roundId: round.id }),
      hostB.emitWithAck('round:draw', { roundId: round.id }),
      t.api<RoundDto>('POST', `/api/rounds/${round.id}/draw`),
      hostA.emitWithAck('round:draw', { roundId: round.id }),
    ]);
    const results = [okData(a), okData(b), c.body, okData(d)];
    for (const r of results) {
      expect(r.winners).toEqual(results[0]!.winners);
      expect(r.drawnAt).toBe(results[0]!.drawnAt);
    }
    // Messages on a socket are ordered, so after a ping every round:drawn has arrived.
    await stage.emitWithAck('clock:ping', {});
    expect(stageDrawn).toBe(1);
    const metrics = await t.api<string>('GET', '/metrics', undefined, null);
    expect(metrics.body).toMatch(/drawcast_draws_total 1\n/);
    const prizes = await t.api<Array<{ awarded: number }>>('GET', `/api/events/${eventId}/prizes`);
    expect(prizes.body[0]!.awarded).toBe(2);
  });
});
