// Claims over real sockets and HTTP: redeem once, shipping contact, forfeit → redraw → verifiable proof, sweep.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyProof } from '@drawcast/shared';
import type { ClaimDto, RoundDto, YouWonDto } from '@drawcast/shared';
import {
  deviceToken,
  nextEvent,
  okData,
  openEventWithPrize,
  shiftableClock,
  startTestServer,
} from './harness';
import type { Client, TestServer } from './harness';

const HOUR = 3_600_000;
/** A well-formed claim id nobody has. */
const unknownId = (id: string) => id.slice(0, -1) + (id.endsWith('A') ? 'B' : 'A');

describe('claims, forfeits and redraws', () => {
  let t: TestServer;
  const clock = shiftableClock();
  beforeAll(async () => {
    t = await startTestServer({ clock });
  });
  afterAll(async () => {
    await t.close();
  });

  it('redeems once, forfeits, redraws a provable slot, and sweeps the deadline', async () => {
    const { eventId, joinCode, prizeId } = await openEventWithPrize(t, {
      quantity: 2,
      settings: { claimDeadline: clock.now() + HOUR, collectShippingContact: true },
    });
    const phones = new Map<string, { socket: Client; token: string }>();
    for (const nickname of ['Ann', 'Bo', 'Cy', 'Di', 'Ed']) {
      const socket = await t.connect();
      const token = deviceToken();
      const ack = okData(await socket.emitWithAck('event:join', { joinCode, nickname, deviceToken: token }));
      phones.set(ack.participantId, { socket, token });
    }
    const host = await t.connect({ role: 'host', hostToken: t.token });
    const round = (await t.api<RoundDto>('POST', `/api/events/${eventId}/rounds`, { prizeId, winners: 2 }))
      .body;

    const wonBy = new Map<string, Promise<YouWonDto>>();
    for (const [id, p] of phones) wonBy.set(id, nextEvent(p.socket, 'you:won'));
    const drawn = (await t.api<RoundDto>('POST', `/api/rounds/${round.id}/draw`)).body;
    const [first, second] = drawn.winners!.map((w) => w.participantId) as [string, string];
    const won1 = await wonBy.get(first)!;
    expect(won1).toMatchObject({ roundId: round.id, place: 1, claim: { status: 'pending' } });
    expect(won1.claim!.qrSvg).toMatch(/^<svg/);
    const won2 = await wonBy.get(second)!;
    const code1 = won1.claim!.code!;

    // Staff redeem once; the winner's phone hears it; a second redeem says when it happened.
    const redeemed = nextEvent(phones.get(first)!.socket, 'claim:redeemed');
    const ok1 = await t.api<ClaimDto>('POST', '/api/claims/redeem', {
      code: won1.claim!.displayCode,
      staff: 'Desk A',
    });
    expect(ok1).toMatchObject({ status: 200, body: { status: 'redeemed', redeemedBy: 'Desk A' } });
    expect((await redeemed).claimId).toBe(won1.claim!.id);
    const twice = await t.api<{ code: string; message: string }>('POST', '/api/claims/redeem', {
      code: code1,
      staff: 'Desk B',
    });
    expect(twice).toMatchObject({ status: 409, body: { code: 'ALREADY_REDEEMED' } });
    expect(twice.body.message).toContain(new Date(ok1.body.redeemedAt!).toISOString());

    // Bad inputs, each with its code, and nothing changed.
    const before = (await t.api<ClaimDto[]>('GET', `/api/events/${eventId}/claims`)).body;
    const typo = code1.slice(0, 9) + (code1[9] === 'A' ? 'B' : 'A');
    expect((await t.api('POST', '/api/claims/redeem', { code: typo, staff: 'Desk' })).body).toMatchObject({
      code: 'INVALID_CODE',
    });
    expect(await t.api('POST', `/api/claims/${unknownId(won2.claim!.id)}/forfeit`, {})).toMatchObject({
      status: 404,
      body: { code: 'CLAIM_NOT_FOUND' },
    });
    expect(await t.api('POST', `/api/claims/${won2.claim!.id}/redraw`)).toMatchObject({
      status: 409,
      body: { code: 'NOT_FORFEITED' },
    });
    expect(await t.api('POST', '/api/claims/redeem', { code: code1 })).toMatchObject({
      status: 400,
      body: { code: 'VALIDATION_FAILED', field: 'staff' },
    });
    expect(
      await t.api('POST', `/api/claims/${won2.claim!.id}/forfeit`, { reason: 'deadline' }),
    ).toMatchObject({
      status: 409,
      body: { code: 'DEADLINE_NOT_REACHED' },
    });
    expect((await t.api<ClaimDto[]>('GET', `/api/events/${eventId}/claims`)).body).toEqual(before);

    // The second winner gives a shipping contact (public route, device token); staff read it in full.
    const contact = { recipient: '张伟', phone: '138 1234 5678', address: '北京市海淀区中关村大街 27 号' };
    const wrongDevice = await t.api(
      'POST',
      `/api/claims/${won2.claim!.id}/contact`,
      { eventId, deviceToken: phones.get(first)!.token, contact },
      null,
    );
    expect(wrongDevice).toMatchObject({ status: 404, body: { code: 'CLAIM_NOT_FOUND' } });
    const given = await t.api(
      'POST',
      `/api/claims/${won2.claim!.id}/contact`,
      { eventId, deviceToken: phones.get(second)!.token, contact },
      null,
    );
    expect(given).toMatchObject({ status: 200, body: { contact: { phone: '138****5678' } } });
    const full = await t.api('GET', `/api/claims/${won2.claim!.id}/contact`);
    expect(full.body).toEqual({ contact: { ...contact, phone: '13812345678' } });

    // The host marks the second winner a no-show over the socket: their phone is told.
    const forfeited = nextEvent(phones.get(second)!.socket, 'you:forfeited');
    const stage = await t.connect({ role: 'stage', eventId });
    const stageTold = nextEvent(stage, 'stage:forfeited');
    const byHost = okData(
      await host.emitWithAck('claim:forfeit', { claim: won2.claim!.id, reason: 'no_show' }),
    );
    expect(byHost.status).toBe('forfeited');
    expect(await forfeited).toMatchObject({ claimId: won2.claim!.id, reason: 'no_show', place: 2 });
    // The stage's winners history hears of it too: ids only, no code or personal data.
    expect(await stageTold).toEqual({ eventId, roundId: round.id, participantId: second });
    // A stage that (re)loads now gets the same in its state, so its history still labels the forfeit.
    const watched = okData(await stage.emitWithAck('stage:watch', { eventId }));
    expect(watched.forfeited).toEqual([{ eventId, roundId: round.id, participantId: second }]);
    expect(
      await t.api('POST', '/api/claims/redeem', { code: won2.claim!.code, staff: 'Desk' }),
    ).toMatchObject({
      status: 409,
      body: { code: 'CLAIM_FORFEITED' },
    });
    const state2 = okData(
      await phones.get(second)!.socket.emitWithAck('participant:state', {
        eventId,
        deviceToken: phones.get(second)!.token,
      }),
    );
    expect(state2.forfeits).toEqual([
      expect.objectContaining({ claimId: won2.claim!.id, reason: 'no_show' }),
    ]);
    expect(state2.wins[0]!.claim).toMatchObject({ status: 'forfeited', code: null, qrSvg: null });

    // Redraw that one slot: a new committed k=1 round, drawn with the usual route and broadcast.
    const redraw = await t.api<RoundDto>('POST', `/api/claims/${won2.claim!.id}/redraw`);
    expect(redraw.status).toBe(201);
    expect(redraw.body).toMatchObject({
      k: 1,
      status: 'committed',
      redrawOf: { claimId: won2.claim!.id, place: 2 },
    });
    expect(redraw.body.commitment).not.toBe(round.commitment);
    expect(await t.api('POST', `/api/claims/${won2.claim!.id}/redraw`)).toMatchObject({
      status: 409,
      body: { code: 'ALREADY_REDRAWN' },
    });
    const again = new Map<string, Promise<YouWonDto>>();
    for (const [id, p] of phones)
      again.set(
        id,
        nextEvent(p.socket, 'you:won', (w) => w.roundId === redraw.body.id),
      );
    const onHost = nextEvent(host, 'round:drawn', (d) => d.roundId === redraw.body.id);
    const redrawn = (await t.api<RoundDto>('POST', `/api/rounds/${redraw.body.id}/draw`)).body;
    expect((await onHost).winners).toEqual(redrawn.winners);
    const third = redrawn.winners![0]!.participantId;
    expect([first, second]).not.toContain(third);
    const won3 = await again.get(third)!;
    expect(won3).toMatchObject({
      place: 2,
      claim: { status: 'pending', code: expect.stringMatching(/^[A-Z0-9]{10}$/) },
    });
    const proof = await t.api('GET', `/api/rounds/${redraw.body.id}/proof`, undefined, null);
    expect(verifyProof(proof.body)).toMatchObject({ ok: true, failed: null });

    // Past the deadline the sweep (run directly here; a timer in production) forfeits the pending win.
    clock.advance(2 * HOUR);
    const late = nextEvent(phones.get(third)!.socket, 'you:forfeited');
    const swept = await t.api<ClaimDto[]>('POST', `/api/events/${eventId}/claims/sweep`);
    expect(swept.body.map((c) => [c.participantId, c.forfeitReason])).toEqual([[third, 'deadline']]);
    expect(await late).toMatchObject({ reason: 'deadline', roundId: redraw.body.id });
    expect(await t.server.actions.sweepClaimDeadlines(eventId)).toEqual([]);
  });
});
