// The support inbox over real sockets and HTTP: a phone writes, the host console hears it, answers, and
// the phone gets the answer live and after a reconnect; limits on length, characters and rate.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SupportMessageDto } from '@drawcast/shared';
import { deviceToken, nextEvent, okData, openEventWithPrize, startTestServer } from './harness';
import type { TestServer } from './harness';

describe('support inbox', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer();
  });
  afterAll(async () => {
    await t.close();
  });

  it('carries a message to the host and the answer back to that phone only', async () => {
    const { eventId, joinCode } = await openEventWithPrize(t);
    const host = await t.connect({ role: 'host', hostToken: t.token });
    const token = deviceToken();
    const phone = await t.connect();
    okData(await phone.emitWithAck('event:join', { joinCode, nickname: '<b>Ann</b>', deviceToken: token }));
    const other = await t.connect();
    const otherToken = deviceToken();
    okData(await other.emitWithAck('event:join', { joinCode, nickname: 'Bo', deviceToken: otherToken }));
    let otherHeard = 0;
    other.on('support:answered', () => (otherHeard += 1));

    const heard = nextEvent(host, 'support:message');
    const sent = okData(
      await phone.emitWithAck('support:send', {
        eventId,
        deviceToken: token,
        body: '  Where is my prize?\nThanks  ',
      }),
    );
    expect(sent).toMatchObject({
      body: 'Where is my prize?\nThanks',
      nickname: '<b>Ann</b>',
      answer: null,
      readAt: null,
    });
    expect(await heard).toEqual(sent);

    const inbox = await t.api<SupportMessageDto[]>('GET', `/api/events/${eventId}/support`);
    expect(inbox.body.map((m) => m.id)).toEqual([sent.id]);
    expect(
      (await t.api('POST', `/api/events/${eventId}/support/read`, { messageIds: [sent.id] })).body,
    ).toEqual({
      changed: 1,
    });

    const answered = nextEvent(phone, 'support:answered');
    const reply = await t.api<SupportMessageDto>('POST', `/api/support/${sent.id}/answer`, {
      answer: 'At the desk by the stage.',
    });
    expect(reply.status).toBe(200);
    expect(await answered).toMatchObject({ id: sent.id, answer: 'At the desk by the stage.' });

    // After a reconnect the phone reads its thread back; another phone never hears it.
    const again = await t.connect();
    const list = okData(await again.emitWithAck('support:list', { eventId, deviceToken: token }));
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ answer: 'At the desk by the stage.' });
    expect(okData(await other.emitWithAck('support:list', { eventId, deviceToken: otherToken }))).toEqual([]);
    expect(otherHeard).toBe(0);
    const actions = (
      await t.api<{ records: Array<{ action: string; data: unknown }> }>(
        'GET',
        `/api/events/${eventId}/audit?limit=1000`,
      )
    ).body.records;
    expect(actions.filter((r) => r.action.startsWith('support.')).map((r) => r.action)).toEqual([
      'support.message',
      'support.answer',
    ]);
    expect(JSON.stringify(actions)).not.toContain('Where is my prize');
  });

  it('refuses long, control-character, unknown-phone and too-frequent messages and changes nothing', async () => {
    const { eventId, joinCode } = await openEventWithPrize(t);
    const token = deviceToken();
    const phone = await t.connect();
    okData(await phone.emitWithAck('event:join', { joinCode, nickname: 'Cy', deviceToken: token }));
    const send = (body: string, dt = token) =>
      phone.emitWithAck('support:send', { eventId, deviceToken: dt, body });
    expect(await send('x'.repeat(501))).toMatchObject({
      ok: false,
      code: 'VALIDATION_FAILED',
      field: 'body',
    });
    expect(await send('bad\u0007bell')).toMatchObject({ ok: false, code: 'VALIDATION_FAILED' });
    expect(await send('   ')).toMatchObject({ ok: false, code: 'VALIDATION_FAILED' });
    expect(await send('hello', deviceToken())).toMatchObject({ ok: false, code: 'PARTICIPANT_NOT_FOUND' });
    for (let i = 0; i < 5; i++) expect((await send(`message ${i}`)).ok).toBe(true);
    expect(await send('one too many')).toMatchObject({ ok: false, code: 'RATE_LIMITED' });
    expect((await t.api<unknown[]>('GET', `/api/events/${eventId}/support`)).body).toHaveLength(5);
    expect((await t.api('POST', '/api/support/msg_AAAAAAAAAAAAAAAA/answer', { answer: 'x' })).status).toBe(
      404,
    );
  });
});
