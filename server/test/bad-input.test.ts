// Bad input of every kind gets a typed error and changes nothing; host auth, lockout and rate limits.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROTOCOL_VERSION } from '@drawcast/shared';
import type { RoundDto } from '@drawcast/shared';
import {
  deviceToken,
  okData,
  openClient,
  openEventWithPrize,
  rawEmit,
  startTestServer,
  waitConnected,
} from './harness';
import type { Client, TestServer } from './harness';

/** Rejects with the connect_error's data ({ code, message }). */
async function refusalOf(
  url: string,
  auth: Record<string, unknown>,
): Promise<{ code: string; message: string }> {
  const socket = openClient(url, auth);
  try {
    await waitConnected(socket);
    throw new Error('connected, expected a refusal');
  } catch (err) {
    return (err as { data: { code: string; message: string } }).data;
  } finally {
    socket.disconnect();
  }
}

describe('bad payloads', () => {
  let t: TestServer;
  let ev: { eventId: string; joinCode: string; prizeId: string };
  let phone: Client;
  let host: Client;
  beforeAll(async () => {
    t = await startTestServer();
    ev = await openEventWithPrize(t);
    phone = await t.connect();
    host = await t.connect({ role: 'host', hostToken: t.token });
  });
  afterAll(async () => {
    await t.close();
  });

  const participants = async () =>
    (await t.api<{ total: number }>('GET', `/api/events/${ev.eventId}/participants`)).body.total;

  it('refuses junk joins with a code naming the field, and stores nothing', async () => {
    const good = { joinCode: ev.joinCode, nickname: 'Ann', deviceToken: deviceToken() };
    const cases: Array<[unknown, string, string]> = [
      [42, 'VALIDATION_FAILED', 'payload'],
      ['join me', 'VALIDATION_FAILED', 'payload'],
      [null, 'VALIDATION_FAILED', 'payload'],
      [[good], 'VALIDATION_FAILED', 'payload'],
      [{ ...good, nickname: 7 }, 'INVALID_NICKNAME', 'nickname'],
      [{ ...good, nickname: '   ' }, 'INVALID_NICKNAME', 'nickname'],
      [{ ...good, nickname: 'x'.repeat(25) }, 'INVALID_NICKNAME', 'nickname'],
      [{ ...good, nickname: 'evil\u0000name' }, 'INVALID_NICKNAME', 'nickname'],
      [{ ...good, deviceToken: 'short' }, 'VALIDATION_FAILED', 'deviceToken'],
      [{ ...good, deviceToken: { $gt: '' } }, 'VALIDATION_FAILED', 'deviceToken'],
      [{ ...good, joinCode: 'ZZZZZZ' }, 'EVENT_NOT_FOUND', 'joinCode'],
      [{ ...good, phone: 'not a phone' }, 'INVALID_PHONE', 'phone'],
      [{ ...good, admin: true }, 'VALIDATION_FAILED', 'payload'],
    ];
    for (const [payload, code, field] of cases) {
      const ack = await phone.emitWithAck('event:join', payload as never);
      expect(ack, JSON.stringify(payload)).toMatchObject({ ok: false, code, field });
    }
    // Two payload arguments is also junk.
    const extra = await (phone as unknown as { emitWithAck(...a: unknown[]): Promise<unknown> }).emitWithAck(
      'event:join',
      good,
      'extra',
    );
    expect(extra).toMatchObject({ ok: false, code: 'VALIDATION_FAILED' });
    expect(await participants()).toBe(0);
  });

  it('ignores commands sent without an ack callback: nothing changes, nothing crashes', async () => {
    rawEmit(phone, 'event:join', { joinCode: ev.joinCode, nickname: 'NoAck', deviceToken: deviceToken() });
    const round = okData(
      await host.emitWithAck('round:create', { eventId: ev.eventId, prizeId: ev.prizeId, winners: 1 }),
    );
    rawEmit(host, 'round:draw', { roundId: round.id });
    rawEmit(host, 'event:update', { eventId: ev.eventId, status: 'closed' });
    // Ordered delivery: once a ping is acked, the ack-less commands above have been handled (ignored).
    await phone.emitWithAck('clock:ping', {});
    await host.emitWithAck('clock:ping', {});
    expect(await participants()).toBe(0);
    const after = await t.api<RoundDto>('GET', `/api/rounds/${round.id}`);
    expect(after.body.status).toBe('committed');
    expect((await t.api<{ status: string }>('GET', `/api/events/${ev.eventId}`)).body.status).toBe('open');
    okData(await host.emitWithAck('round:cancel', { roundId: round.id }));
  });

  it('refuses wrong types in host commands and does not create anything', async () => {
    const cases: Array<[string, unknown, string]> = [
      ['round:create', { eventId: ev.eventId, prizeId: ev.prizeId, winners: '3' }, 'winners'],
      ['round:create', { eventId: ev.eventId, prizeId: ev.prizeId, winners: 0 }, 'winners'],
      [
        'round:create',
        { eventId: ev.eventId, prizeId: ev.prizeId, winners: 1, blocklist: 'all' },
        'blocklist',
      ],
      ['event:update', { eventId: ev.eventId, status: 'finished' }, 'status'],
      [
        'event:update',
        { eventId: ev.eventId, settings: { streamDelayMs: 60_001 } },
        'settings.streamDelayMs',
      ],
      ['prize:add', { eventId: ev.eventId, name: 'Car', quantity: -1 }, 'quantity'],
      ['round:entropy', { roundId: 'rnd_../../etc', publicEntropy: 'x' }, 'roundId'],
      ['round:close', { roundId: 'rnd_../../etc' }, 'roundId'],
      ['round:close', { roundId: 'rnd_AAAAAAAAAAAAAAAA', extra: 1 }, 'payload'],
    ];
    const roundsBefore = (await t.api<RoundDto[]>('GET', `/api/events/${ev.eventId}/rounds`)).body.length;
    for (const [event, payload, field] of cases) {
      const ack = await (
        host as unknown as { emitWithAck(e: string, p: unknown): Promise<unknown> }
      ).emitWithAck(event, payload);
      expect(ack, `${event} ${JSON.stringify(payload)}`).toMatchObject({
        ok: false,
        code: 'VALIDATION_FAILED',
        field,
      });
    }
    expect((await t.api<RoundDto[]>('GET', `/api/events/${ev.eventId}/rounds`)).body.length).toBe(
      roundsBefore,
    );
    expect((await t.api<unknown[]>('GET', `/api/events/${ev.eventId}/prizes`)).body.length).toBe(1);
  });

  it('refuses a stage that presents a wrong host token', async () => {
    expect(
      await refusalOf(t.url, {
        protocolVersion: PROTOCOL_VERSION,
        role: 'stage',
        eventId: ev.eventId,
        hostToken: 'nope',
      }),
    ).toMatchObject({ code: 'UNAUTHORIZED' });
  });

  it('refuses host commands from a phone socket', async () => {
    const ack = await phone.emitWithAck('round:create', {
      eventId: ev.eventId,
      prizeId: ev.prizeId,
      winners: 1,
    });
    expect(ack).toMatchObject({ ok: false, code: 'UNAUTHORIZED' });
  });

  it('drops a socket that sends an oversized payload; the server keeps serving others', async () => {
    const big = await t.connect();
    const closed = new Promise<string>((resolve) => big.once('disconnect', (reason) => resolve(reason)));
    rawEmit(big, 'event:join', { joinCode: ev.joinCode, nickname: 'x'.repeat(200_000), deviceToken: 'y' });
    expect(await closed).toBe('transport close');
    expect(okData(await phone.emitWithAck('clock:ping', {})).serverTime).toBeGreaterThan(0);
    expect(await participants()).toBe(0);
  });

  it('answers REST junk with typed JSON errors and a sensible status', async () => {
    const bigBody = JSON.stringify({ title: 'x'.repeat(200_000) });
    const tooBig = await t.api('POST', '/api/events', bigBody);
    expect(tooBig.status).toBe(413);
    expect(tooBig.body).toMatchObject({ ok: false, code: 'PAYLOAD_TOO_LARGE' });
    const notJson = await t.api('POST', '/api/events', '{"title": ');
    expect(notJson).toMatchObject({ status: 400, body: { ok: false, code: 'VALIDATION_FAILED' } });
    const noBody = await t.api('POST', '/api/events');
    expect(noBody).toMatchObject({ status: 400, body: { code: 'VALIDATION_FAILED', field: 'body' } });
    const badTitle = await t.api('POST', '/api/events', { title: '' });
    expect(badTitle).toMatchObject({ status: 400, body: { code: 'VALIDATION_FAILED', field: 'title' } });
    const unknownEvent = await t.api('GET', '/api/events/evt_AAAAAAAAAAAAAAAA');
    expect(unknownEvent).toMatchObject({ status: 404, body: { code: 'EVENT_NOT_FOUND' } });
    const weird = await t.api('GET', '/api/events/..%2F..%2Fetc');
    expect(weird).toMatchObject({ status: 404, body: { code: 'EVENT_NOT_FOUND' } });
    const noRoute = await t.api('GET', '/api/nothing-here');
    expect(noRoute).toMatchObject({ status: 404, body: { code: 'NOT_FOUND' } });
    const badPage = await t.api('GET', `/api/events/${ev.eventId}/participants?limit=5000`);
    expect(badPage).toMatchObject({ status: 400, body: { code: 'VALIDATION_FAILED', field: 'limit' } });
    const badDelay = await t.api('PUT', `/api/events/${ev.eventId}/stream-delay`, { streamDelayMs: -5 });
    expect(badDelay).toMatchObject({ status: 400, body: { field: 'streamDelayMs' } });
    expect((await t.api<EventLike[]>('GET', '/api/events')).body).toHaveLength(1);
  });

  it('masks phones for events that require one', async () => {
    const req = await openEventWithPrize(t, { settings: { requirePhone: true } });
    const noPhone = await phone.emitWithAck('event:join', {
      joinCode: req.joinCode,
      nickname: 'Bo',
      deviceToken: deviceToken(),
    });
    expect(noPhone).toMatchObject({ ok: false, code: 'PHONE_REQUIRED' });
    okData(
      await phone.emitWithAck('event:join', {
        joinCode: req.joinCode,
        nickname: 'Bo',
        deviceToken: deviceToken(),
        phone: '+86 138 0013 5678',
      }),
    );
    const list = await t.api<{ participants: Array<{ phoneMasked: string }> }>(
      'GET',
      `/api/events/${req.eventId}/participants`,
    );
    expect(list.body.participants).toHaveLength(1);
    expect(list.body.participants[0]!.phoneMasked).toMatch(/\*/);
    expect(JSON.stringify(list.body)).not.toContain('13800135678');
    expect(JSON.stringify(list.body)).not.toContain('0013 5678');
  });
});

type EventLike = { id: string };

describe('handshake and host auth', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer({ config: { authMaxFailures: 3, joinsPerDevicePerMinute: 2 } });
  });
  afterAll(async () => {
    await t.close();
  });

  it('refuses a protocol version mismatch with PROTOCOL_MISMATCH', async () => {
    expect(await refusalOf(t.url, { protocolVersion: PROTOCOL_VERSION + 1 })).toMatchObject({
      code: 'PROTOCOL_MISMATCH',
    });
    expect(await refusalOf(t.url, {})).toMatchObject({ code: 'PROTOCOL_MISMATCH' });
    expect(await refusalOf(t.url, { protocolVersion: PROTOCOL_VERSION, role: 'admin' })).toMatchObject({
      code: 'VALIDATION_FAILED',
    });
  });

  it('limits joins per device with RATE_LIMITED', async () => {
    const ev = await openEventWithPrize(t);
    const phone = await t.connect();
    const token = deviceToken();
    for (let i = 0; i < 2; i++) {
      okData(
        await phone.emitWithAck('event:join', {
          joinCode: ev.joinCode,
          nickname: 'Rapid',
          deviceToken: token,
        }),
      );
    }
    const third = await phone.emitWithAck('event:join', {
      joinCode: ev.joinCode,
      nickname: 'Rapid',
      deviceToken: token,
    });
    expect(third).toMatchObject({ ok: false, code: 'RATE_LIMITED' });
  });

  it('needs the host token and locks an IP out after repeated failures, on REST and sockets alike', async () => {
    expect(await t.api('GET', '/api/events', undefined, null)).toMatchObject({
      status: 401,
      body: { ok: false, code: 'UNAUTHORIZED' },
    });
    expect(
      await refusalOf(t.url, { protocolVersion: PROTOCOL_VERSION, role: 'host', hostToken: 'wrong' }),
    ).toMatchObject({ code: 'UNAUTHORIZED' });
    // The third failure (authMaxFailures) is still UNAUTHORIZED; from then on the IP is locked out.
    const third = await t.api('GET', '/api/events', undefined, 'also-wrong');
    expect(third).toMatchObject({ status: 401, body: { code: 'UNAUTHORIZED' } });
    // Locked out: even the right token is refused from this IP for the window.
    const locked = await t.api('GET', '/api/events');
    expect(locked).toMatchObject({ status: 429, body: { code: 'LOCKED_OUT' } });
    expect(Number(locked.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(
      await refusalOf(t.url, { protocolVersion: PROTOCOL_VERSION, role: 'host', hostToken: t.token }),
    ).toMatchObject({ code: 'LOCKED_OUT' });
    // Public routes stay reachable.
    expect((await t.api('GET', '/healthz', undefined, null)).status).toBe(200);
  });
});
