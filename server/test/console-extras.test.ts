// Console additions over real HTTP: prize images (checked, stored, served), the event blocklist that new
// rounds honour, participant search, LAN addresses.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConsoleParticipantPageDto, RoundDto } from '@drawcast/shared';
import { deviceToken, okData, openEventWithPrize, startTestServer } from './harness';
import type { TestServer } from './harness';

// A real 1×1 PNG.
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

describe('console additions', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer();
  });
  afterAll(async () => {
    await t.close();
  });

  const upload = (eventId: string, body: Buffer, type: string, token: string | null = t.token) =>
    fetch(`${t.url}/api/events/${eventId}/prize-images`, {
      method: 'POST',
      headers: { 'content-type': type, ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body,
    });

  it('stores a prize image checked by its bytes and serves it with the right headers', async () => {
    const { eventId } = await openEventWithPrize(t);
    const res = await upload(eventId, PNG, 'image/png');
    expect(res.status).toBe(201);
    const { url } = (await res.json()) as { url: string };
    expect(url).toMatch(/^\/media\/prize-images\/[A-Za-z0-9_-]{22}\.png$/);
    const served = await fetch(t.url + url);
    expect(served.status).toBe(200);
    expect(served.headers.get('content-type')).toBe('image/png');
    expect(served.headers.get('x-content-type-options')).toBe('nosniff');
    expect(served.headers.get('cache-control')).toContain('immutable');
    expect(Buffer.from(await served.arrayBuffer()).equals(PNG)).toBe(true);
    const prize = await t.api<{ imageUrl: string }>('POST', `/api/events/${eventId}/prizes`, {
      name: 'Mug',
      quantity: 1,
      imageUrl: url,
    });
    expect(prize.body.imageUrl).toBe(url);

    // An SVG (script!) or HTML labelled as PNG, a huge file, no token, a made-up name: all refused.
    const svg = await upload(eventId, Buffer.from('<svg onload="alert(1)"/>'), 'image/png');
    expect([svg.status, ((await svg.json()) as { code: string }).code]).toEqual([422, 'INVALID_FILE']);
    const big = await upload(eventId, Buffer.concat([PNG, Buffer.alloc(2 * 1024 * 1024)]), 'image/png');
    expect([big.status, ((await big.json()) as { code: string }).code]).toEqual([413, 'FILE_TOO_LARGE']);
    expect((await upload(eventId, PNG, 'image/png', null)).status).toBe(401);
    expect((await fetch(`${t.url}/media/prize-images/..%2Fdrawcast.db`)).status).toBe(404);
    expect((await fetch(`${t.url}/media/prize-images/AAAAAAAAAAAAAAAAAAAAAA.png`)).status).toBe(404);
  });

  it('leaves disqualified participants out of new rounds and finds people by name or id', async () => {
    const { eventId, joinCode, prizeId } = await openEventWithPrize(t, { quantity: 5 });
    const ids: string[] = [];
    for (const nickname of ['Ann', 'Bo', 'Chen']) {
      const phone = await t.connect();
      ids.push(
        okData(await phone.emitWithAck('event:join', { joinCode, nickname, deviceToken: deviceToken() }))
          .participantId,
      );
    }
    const dq = (id: string, on: boolean) =>
      t.api<{ changed: boolean }>('PUT', `/api/events/${eventId}/participants/${id}/disqualified`, {
        disqualified: on,
      });
    expect((await dq(ids[0]!, true)).body).toEqual({ changed: true });
    expect((await dq(ids[1]!, true)).body).toEqual({ changed: true });
    expect((await dq(ids[1]!, false)).body).toEqual({ changed: true });
    expect((await dq(ids[1]!, false)).body).toEqual({ changed: false });
    expect((await t.api('GET', `/api/events/${eventId}/disqualified`)).body).toEqual({
      participantIds: [ids[0]],
    });
    expect((await dq('p_AAAAAAAAAAAAAAAA', true)).status).toBe(404);

    const round = (await t.api<RoundDto>('POST', `/api/events/${eventId}/rounds`, { prizeId, winners: 2 }))
      .body;
    expect(round.blocklist).toEqual([ids[0]]);
    const drawn = (await t.api<RoundDto>('POST', `/api/rounds/${round.id}/draw`)).body;
    expect(drawn.winners!.map((w) => w.participantId).sort()).toEqual([ids[1], ids[2]].sort());

    const search = (q: string) =>
      t.api<ConsoleParticipantPageDto>(
        'GET',
        `/api/events/${eventId}/participants/search?q=${encodeURIComponent(q)}&limit=2`,
      );
    const all = (await search('')).body;
    expect([all.total, all.participants.length]).toEqual([3, 2]);
    expect((await search('CHE')).body.participants.map((p) => p.nickname)).toEqual(['Chen']);
    const ann = (await search(ids[0]!)).body.participants[0]!;
    expect(ann).toMatchObject({ nickname: 'Ann', disqualified: true, checkedInAt: null, tickets: 1 });
    expect(JSON.stringify(all)).not.toMatch(/deviceTokenHash|phoneHash/);

    const addresses = await t.api<{ urls: string[] }>('GET', '/api/host/addresses');
    expect(addresses.status).toBe(200);
    // This server listens on 127.0.0.1 only: no LAN address would reach it, so none is offered.
    expect(addresses.body.urls).toEqual([]);
  });

  it('counts join-page views and reports the dashboard figures', async () => {
    const { eventId, joinCode, prizeId } = await openEventWithPrize(t, { quantity: 3 });
    // Four imported people: in the participants, not phone joins, so not in the conversion.
    const imported = await fetch(`${t.url}/api/events/${eventId}/people/import?filename=list.csv`, {
      method: 'POST',
      headers: { authorization: `Bearer ${t.token}`, 'content-type': 'text/csv' },
      body: 'name\nCy\nDi\nEd\nFlo\n',
    });
    expect(imported.status).toBe(200);
    for (let i = 0; i < 3; i++) await fetch(`${t.url}/j/${joinCode.toLowerCase()}`);
    for (const nickname of ['Ann', 'Bo']) {
      const phone = await t.connect();
      okData(await phone.emitWithAck('event:join', { joinCode, nickname, deviceToken: deviceToken() }));
    }
    const round = (await t.api<RoundDto>('POST', `/api/events/${eventId}/rounds`, { prizeId, winners: 2 }))
      .body;
    await t.api('POST', `/api/rounds/${round.id}/draw`);
    const claims = (
      await t.api<Array<{ id: string; displayCode: string }>>('GET', `/api/events/${eventId}/claims`)
    ).body;
    await t.api('POST', '/api/desk/redeem', { code: claims[0]!.displayCode });
    await t.api('POST', `/api/claims/${claims[1]!.id}/forfeit`, {});
    const d = await t.api<Record<string, unknown>>('GET', `/api/events/${eventId}/dashboard?bucketMs=60000`);
    expect(d.body).toMatchObject({
      connected: 2,
      views: 3,
      participants: 6,
      phoneJoins: 2,
      roundsDrawn: 1,
      awarded: 1,
      redeemed: 1,
      pending: 0,
      forfeited: 1,
    });
    const joins = d.body.joins as Array<{ at: number; joins: number }>;
    expect(joins.reduce((n, b) => n + b.joins, 0)).toBe(6);
    expect((await t.api('GET', `/api/events/${eventId}/dashboard?bucketMs=5`)).status).toBe(400);
  });
});
