// Editing a prize after creation over REST and the host socket: fields change, the audit log records
// old and new values, and a quantity below what was awarded (plus held by undrawn rounds) is a typed
// error that changes nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PrizeDto, RoundDto } from '@drawcast/shared';
import { deviceToken, okData, openEventWithPrize, startTestServer } from './harness';
import type { TestServer } from './harness';

describe('prize edits', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer();
  });
  afterAll(async () => {
    await t.close();
  });

  it('edits name, description, image and quantity, never below the units awarded', async () => {
    const { eventId, joinCode, prizeId } = await openEventWithPrize(t, { quantity: 4 });
    for (const nickname of ['Ann', 'Bo', 'Cy']) {
      const phone = await t.connect();
      okData(await phone.emitWithAck('event:join', { joinCode, nickname, deviceToken: deviceToken() }));
    }
    const round = await t.api<RoundDto>('POST', `/api/events/${eventId}/rounds`, { prizeId, winners: 2 });
    expect(round.status).toBe(201);
    expect((await t.api('POST', `/api/rounds/${round.body.id}/draw`)).status).toBe(200);
    const before = (await t.api<PrizeDto[]>('GET', `/api/events/${eventId}/prizes`)).body[0]!;
    expect(before.awarded).toBe(2);

    const route = `/api/events/${eventId}/prizes/${prizeId}`;
    const edited = await t.api<PrizeDto>('PATCH', route, {
      name: 'Gift card (blue)',
      description: 'Valid a year',
      imageUrl: '/media/prize-images/AAAAAAAAAAAAAAAAAAAAAA.png',
      quantity: 2,
    });
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({
      id: prizeId,
      name: 'Gift card (blue)',
      description: 'Valid a year',
      imageUrl: '/media/prize-images/AAAAAAAAAAAAAAAAAAAAAA.png',
      quantity: 2,
      awarded: 2,
    });

    // Below the 2 awarded: typed, 409, nothing changed.
    const tooLow = await t.api<{ code: string; field: string }>('PATCH', route, { quantity: 1, name: 'No' });
    expect(tooLow.status).toBe(409);
    expect(tooLow.body).toMatchObject({ code: 'PRIZE_QUANTITY_TOO_LOW', field: 'quantity' });
    const empty = await t.api<{ code: string }>('PATCH', route, {});
    expect(empty.status).toBe(400);
    expect(empty.body.code).toBe('VALIDATION_FAILED');
    const badImage = await t.api<{ code: string }>('PATCH', route, { imageUrl: 'javascript:alert(1)' });
    expect(badImage.body.code).toBe('VALIDATION_FAILED');
    const other = await openEventWithPrize(t, { title: 'Other' });
    const wrongEvent = await t.api<{ code: string }>(
      'PATCH',
      `/api/events/${other.eventId}/prizes/${prizeId}`,
      { name: 'x' },
    );
    expect(wrongEvent.status).toBe(404);
    expect(wrongEvent.body.code).toBe('PRIZE_NOT_FOUND');
    expect((await t.api<PrizeDto[]>('GET', `/api/events/${eventId}/prizes`)).body[0]).toEqual(edited.body);

    // The host socket: the same command, the same typed error.
    const host = await t.connect({ role: 'host', hostToken: t.token });
    const viaSocket = okData(
      await host.emitWithAck('prize:update', { eventId, prizeId, patch: { quantity: 6, imageUrl: null } }),
    );
    expect(viaSocket).toMatchObject({ quantity: 6, imageUrl: null, name: 'Gift card (blue)' });
    const refused = await host.emitWithAck('prize:update', { eventId, prizeId, patch: { quantity: 1 } });
    expect(refused).toMatchObject({ ok: false, code: 'PRIZE_QUANTITY_TOO_LOW' });

    // Audited with old and new values; the chain still verifies.
    const audit = await t.api<{ records: Array<{ action: string; data: Record<string, unknown> }> }>(
      'GET',
      `/api/events/${eventId}/audit?limit=500`,
    );
    const edits = audit.body.records.filter((r) => r.action === 'prize.update');
    expect(edits.map((r) => r.data.changed)).toEqual([
      {
        name: { from: 'Gift card', to: 'Gift card (blue)' },
        description: { from: '', to: 'Valid a year' },
        imageUrl: { from: null, to: '/media/prize-images/AAAAAAAAAAAAAAAAAAAAAA.png' },
        quantity: { from: 4, to: 2 },
      },
      {
        imageUrl: { from: '/media/prize-images/AAAAAAAAAAAAAAAAAAAAAA.png', to: null },
        quantity: { from: 2, to: 6 },
      },
    ]);
    const verified = await t.api<{ ok: boolean }>('GET', `/api/events/${eventId}/audit/verify`);
    expect(verified.body.ok).toBe(true);
  });
});
