// Issue #9 over the wire: close entries (REST and host socket), the broadcast, the public frozen list a
// phone checks its entry in, entropy only after the close, and the proof carrying the same digest and head.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkFrozenEntries, computeEntriesDigest, verifyProof } from '@drawcast/shared';
import type { FrozenEntriesDto, RoundDto } from '@drawcast/shared';
import { deviceToken, nextEvent, okData, openEventWithPrize, startTestServer } from './harness';
import type { Client, TestServer } from './harness';

describe('closing entries over REST and sockets', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer();
  });
  afterAll(async () => {
    await t.close();
  });

  it('publishes count and digest at the close; entropy only after it; the proof carries the same digest and the audit head', async () => {
    const { eventId, joinCode, prizeId } = await openEventWithPrize(t);
    const phones: Client[] = [];
    const tokens = Array.from({ length: 4 }, deviceToken);
    const ids: string[] = [];
    for (const token of tokens) {
      const phone = await t.connect();
      phones.push(phone);
      ids.push(
        okData(await phone.emitWithAck('event:join', { joinCode, nickname: 'n', deviceToken: token }))
          .participantId,
      );
    }
    const host = await t.connect({ role: 'host', hostToken: t.token });
    const stage = await t.connect({ role: 'stage', eventId });
    const round = (await t.api<RoundDto>('POST', `/api/events/${eventId}/rounds`, { prizeId, winners: 2 }))
      .body;
    expect(round).toMatchObject({
      entriesClosedAt: null,
      entryCount: null,
      entriesDigest: null,
      auditHead: null,
    });

    // Entropy before the close: refused on both transports with a typed error; nothing changes.
    const early = await t.api<{ code: string }>('PUT', `/api/rounds/${round.id}/entropy`, {
      publicEntropy: 'x',
    });
    expect(early).toMatchObject({ status: 409, body: { ok: false, code: 'ENTRIES_NOT_CLOSED' } });
    const earlyAck = await host.emitWithAck('round:entropy', { roundId: round.id, publicEntropy: 'x' });
    expect(earlyAck).toMatchObject({ ok: false, code: 'ENTRIES_NOT_CLOSED', field: 'roundId' });
    expect((await t.api<RoundDto>('GET', `/api/rounds/${round.id}`)).body).toEqual(round);
    const notYet = await t.api('GET', `/api/rounds/${round.id}/entries`, undefined, null);
    expect(notYet).toMatchObject({ status: 409, body: { code: 'ENTRIES_NOT_CLOSED' } });

    // The host socket closes; phones and stage hear count and digest at once.
    const onPhone = nextEvent(phones[0]!, 'round:entriesClosed');
    const onStage = nextEvent(stage, 'round:entriesClosed');
    const closed = okData(await host.emitWithAck('round:close', { roundId: round.id }));
    expect(closed).toMatchObject({ status: 'committed', entryCount: 4, entriesClosedAt: expect.any(Number) });
    const broadcast = await onPhone;
    expect(broadcast).toEqual({
      eventId,
      roundId: round.id,
      prizeId,
      commitment: round.commitment,
      entryCount: 4,
      entriesDigest: closed.entriesDigest,
      entriesClosedAt: closed.entriesClosedAt,
      entriesUrl: `/api/rounds/${round.id}/entries`,
    });
    expect(await onStage).toEqual(broadcast);
    expect(okData(await host.emitWithAck('round:close', { roundId: round.id }))).toEqual(closed);

    // Any phone fetches the frozen list (no token) and finds its own entry under the published digest.
    const list = await t.api<FrozenEntriesDto>('GET', broadcast.entriesUrl, undefined, null);
    expect(list.status).toBe(200);
    expect(computeEntriesDigest(list.body.entries)).toBe(broadcast.entriesDigest);
    expect(
      checkFrozenEntries(list.body, { expectedDigest: broadcast.entriesDigest, entryId: ids[1] }),
    ).toMatchObject({
      ok: true,
      mine: { id: ids[1], weight: 1 },
    });

    // A phone joining after the close is told it is not in this round; a reconnect carries the close.
    const late = await t.connect();
    const lateAck = okData(
      await late.emitWithAck('event:join', { joinCode, nickname: 'late', deviceToken: deviceToken() }),
    );
    expect(lateAck).toMatchObject({ eligible: false, odds: 0, round: { id: round.id, entryCount: 4 } });
    expect(list.body.entries.map((e) => e.id)).not.toContain(lateAck.participantId);
    const state = okData(
      await phones[2]!.emitWithAck('participant:state', { eventId, deviceToken: tokens[2]! }),
    );
    expect(state.round).toMatchObject({
      id: round.id,
      entriesClosedAt: closed.entriesClosedAt,
      entryCount: 4,
      entriesDigest: closed.entriesDigest,
    });
    expect(state.eligible).toBe(true);
    expect(state.odds).toBeCloseTo(2 / 4, 12);

    // Entropy now, then the draw: the stage gets the head; the proof has the published digest and head.
    expect(
      (await t.api('PUT', `/api/rounds/${round.id}/entropy`, { publicEntropy: 'shout 12' })).status,
    ).toBe(200);
    const drawnOnStage = nextEvent(stage, 'round:drawn');
    const drawn = (await t.api<RoundDto>('POST', `/api/rounds/${round.id}/draw`)).body;
    expect(drawn.auditHead).toEqual({
      seq: expect.any(Number),
      hash: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
    expect(await drawnOnStage).toMatchObject({
      entriesDigest: closed.entriesDigest,
      entryCount: 4,
      entriesClosedAt: closed.entriesClosedAt,
      auditHead: drawn.auditHead,
    });
    const proof = await t.api<Record<string, unknown>>(
      'GET',
      `/api/rounds/${round.id}/proof`,
      undefined,
      null,
    );
    expect(verifyProof(proof.body)).toMatchObject({ ok: true });
    expect(proof.body).toMatchObject({
      entriesDigest: broadcast.entriesDigest,
      entries: list.body.entries,
      auditHead: drawn.auditHead,
      entriesClosedAt: closed.entriesClosedAt,
    });
    const head = `${drawn.auditHead!.seq}:${drawn.auditHead!.hash}`;
    const verified = await t.api('GET', `/api/events/${eventId}/audit/verify?head=${head}`);
    expect(verified.body).toMatchObject({ ok: true, anchoredAt: drawn.auditHead });
    const bad = await t.api('GET', `/api/events/${eventId}/audit/verify?head=nope`);
    expect(bad).toMatchObject({ status: 400, body: { code: 'VALIDATION_FAILED', field: 'head' } });
  });

  it('a one-click draw of a never-closed round announces the close with the draw', async () => {
    const { eventId, joinCode, prizeId } = await openEventWithPrize(t);
    const phone = await t.connect();
    okData(await phone.emitWithAck('event:join', { joinCode, nickname: 'solo', deviceToken: deviceToken() }));
    const round = (await t.api<RoundDto>('POST', `/api/events/${eventId}/rounds`, { prizeId, winners: 1 }))
      .body;
    const closedNotice = nextEvent(phone, 'round:entriesClosed');
    const drawn = (await t.api<RoundDto>('POST', `/api/rounds/${round.id}/draw`)).body;
    expect(await closedNotice).toMatchObject({
      roundId: round.id,
      entryCount: 1,
      entriesDigest: drawn.entriesDigest,
    });
    expect(drawn.entriesClosedAt).toBe(drawn.drawnAt);
    const refused = await t.api('POST', `/api/rounds/${round.id}/close`);
    expect(refused).toMatchObject({ status: 409, body: { code: 'ROUND_ALREADY_DRAWN' } });
    const noToken = await t.api('POST', `/api/rounds/${round.id}/close`, undefined, null);
    expect(noToken.status).toBe(401);
  });
});
