// Issue #12 on the server: the event's branding (primary colour, uploaded logo) and the stage's display
// language are event settings, checked strictly (bad input changes nothing); the stage's state and name
// pages carry the event's audit head for the lobby.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EventDto } from '@drawcast/shared';
import { deviceToken, nextEvent, okData, openEventWithPrize, startTestServer, upload } from './harness';
import type { TestServer } from './harness';

// A real 1×1 PNG.
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

describe('stage branding and language settings', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer();
  });
  afterAll(async () => {
    await t.close();
  });

  it('defaults to no branding and auto language; stores an uploaded logo and a colour; the stage sees them', async () => {
    const { eventId } = await openEventWithPrize(t, { title: 'Spring Gala' });
    const fresh = await t.api<EventDto>('GET', `/api/events/${eventId}`);
    expect(fresh.body.settings.branding).toEqual({ primaryColor: null, logoUrl: null });
    expect(fresh.body.settings.displayLanguage).toBe('auto');

    const up = await upload<{ url: string }>(t, `/api/events/${eventId}/prize-images`, PNG, 'image/png');
    expect(up.status).toBe(201);
    const stage = await t.connect({ role: 'stage' });
    okData(await stage.emitWithAck('stage:watch', { eventId }));
    const updated = nextEvent(stage, 'event:updated');
    const patched = await t.api<EventDto>('PATCH', `/api/events/${eventId}`, {
      settings: { branding: { primaryColor: '#1E88E5', logoUrl: up.body.url }, displayLanguage: 'zh-CN' },
    });
    expect(patched.status).toBe(200);
    expect(patched.body.settings.branding).toEqual({ primaryColor: '#1e88e5', logoUrl: up.body.url });
    expect((await updated).settings.displayLanguage).toBe('zh-CN');
    const state = okData(await stage.emitWithAck('stage:watch', { eventId }));
    expect(state.event.settings.branding).toEqual({ primaryColor: '#1e88e5', logoUrl: up.body.url });
    expect(state.event.settings.displayLanguage).toBe('zh-CN');
    const logo = await fetch(t.url + up.body.url);
    expect(logo.headers.get('content-type')).toBe('image/png');

    // Clearing: nulls bring back the stage's own look.
    const cleared = await t.api<EventDto>('PATCH', `/api/events/${eventId}`, {
      settings: { branding: { primaryColor: null, logoUrl: null } },
    });
    expect(cleared.body.settings.branding).toEqual({ primaryColor: null, logoUrl: null });
    expect(cleared.body.settings.displayLanguage).toBe('zh-CN');
  });

  it('refuses a bad colour, a foreign logo URL, half a branding or an unknown language, changing nothing', async () => {
    const { eventId } = await openEventWithPrize(t);
    const good = { primaryColor: '#123456', logoUrl: null };
    expect((await t.api('PATCH', `/api/events/${eventId}`, { settings: { branding: good } })).status).toBe(
      200,
    );
    const bad: [unknown, string][] = [
      [{ branding: { primaryColor: 'red', logoUrl: null } }, 'settings.branding.primaryColor'],
      [{ branding: { primaryColor: '#12345', logoUrl: null } }, 'settings.branding.primaryColor'],
      [{ branding: { primaryColor: null, logoUrl: 'https://cdn.test/l.png' } }, 'settings.branding.logoUrl'],
      [{ branding: { primaryColor: null, logoUrl: '/etc/passwd' } }, 'settings.branding.logoUrl'],
      [{ branding: { primaryColor: '#123456' } }, 'settings.branding.logoUrl'],
      [{ branding: '#123456' }, 'settings.branding'],
      [{ displayLanguage: 'fr' }, 'settings.displayLanguage'],
    ];
    for (const [settings, field] of bad) {
      const res = await t.api<{ code: string; field?: string }>('PATCH', `/api/events/${eventId}`, {
        settings,
      });
      expect(res.status, JSON.stringify(settings)).toBe(400);
      expect(res.body.code).toBe('VALIDATION_FAILED');
      expect(res.body.field, JSON.stringify(settings)).toBe(field);
    }
    // The socket command goes through the same rules.
    const host = await t.connect({ role: 'host', hostToken: t.token });
    const refused = await host.emitWithAck('event:update', {
      eventId,
      settings: { branding: { primaryColor: '#zzzzzz', logoUrl: null } },
    });
    expect(refused).toMatchObject({ ok: false, code: 'VALIDATION_FAILED' });
    const after = await t.api<EventDto>('GET', `/api/events/${eventId}`);
    expect(after.body.settings.branding).toEqual(good);
    expect(after.body.settings.displayLanguage).toBe('auto');
  });

  it('the stage state and each name page carry the audit head, moving on with each join', async () => {
    const { eventId, joinCode } = await openEventWithPrize(t);
    const stage = await t.connect({ role: 'stage' });
    // event.create, event.update (open), prize.add
    const before = okData(await stage.emitWithAck('stage:watch', { eventId })).auditHead;
    expect(before).toMatchObject({ seq: 3, hash: expect.stringMatching(/^[0-9a-f]{64}$/) });
    const phone = await t.connect();
    okData(await phone.emitWithAck('event:join', { joinCode, nickname: 'Ann', deviceToken: deviceToken() }));
    const page = okData(await stage.emitWithAck('stage:names', { eventId, offset: 0, limit: 10 }));
    expect(page.auditHead?.seq).toBe(before!.seq + 1);
    const audit = await t.api<{ records: { seq: number; hash: string }[] }>(
      'GET',
      `/api/events/${eventId}/audit?afterSeq=0&limit=100`,
    );
    expect(audit.body.records.at(-1)).toMatchObject(page.auditHead!);
  });
});
