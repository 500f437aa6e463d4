// The staff role: a credential per event that may only redeem and check in; refused for every host-only
// route and socket command, without locking the desk's IP out; revoked at once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ClaimDto, ClientToServerEvents, RoundDto } from '@drawcast/shared';
import { deviceToken, okData, openEventWithPrize, rawEmit, startTestServer, waitConnected } from './harness';
import type { TestServer } from './harness';

/** Every socket command, classified; a new command must be added here (the Record makes it a type error). */
const COMMANDS: Record<keyof ClientToServerEvents, 'host' | 'anyone'> = {
  'clock:ping': 'anyone',
  'event:join': 'anyone',
  'participant:state': 'anyone',
  'stage:watch': 'anyone',
  // Stages (public ones too) page nicknames; phones are refused inside the handler, not by role.
  'stage:names': 'anyone',
  'claim:contact': 'anyone',
  'support:send': 'anyone',
  'support:list': 'anyone',
  // Proved by the device token, like support:send.
  'privacy:forgetMe': 'anyone',
  'privacy:erase': 'host',
  'event:create': 'host',
  'event:list': 'host',
  'event:update': 'host',
  'prize:add': 'host',
  'prize:list': 'host',
  'prize:update': 'host',
  'round:create': 'host',
  'round:close': 'host',
  'round:entropy': 'host',
  'round:draw': 'host',
  'round:cancel': 'host',
  'round:list': 'host',
  'claim:list': 'host',
  'claim:redeem': 'host',
  'claim:forfeit': 'host',
  'claim:sweep': 'host',
  'claim:redraw': 'host',
  'spike:status': 'host',
  'spike:dismiss': 'host',
  'spike:disqualify': 'host',
};

/** Routes anyone may call, and the desk routes staff may call. */
const PUBLIC = [
  'GET /join',
  'GET /join/:joinCode',
  'GET /rounds/:roundId/proof',
  'GET /rounds/:roundId/entries',
  'POST /checkin',
  'POST /claims/:claimId/contact',
  // served outside /api: prize pictures are public like the stage that shows them
  'GET /media/prize-images/:name',
];
const DESK = ['GET /staff/me', 'GET /desk/claims/:code', 'POST /desk/redeem'];

interface Layer {
  route?: { path: string | string[]; methods: Record<string, boolean> };
  handle?: { stack?: Layer[] };
}

/**
 * Every /api route of the running app, read off Express's router (so a new route cannot be missed): the
 * routes of the routers mounted on the app (top-level routes are /healthz, /metrics and the UIs).
 */
function apiRoutes(stack: Layer[], nested = false): string[] {
  const out: string[] = [];
  for (const layer of stack) {
    if (layer.route && nested) {
      const paths = Array.isArray(layer.route.path) ? layer.route.path : [layer.route.path];
      for (const p of paths)
        for (const m of Object.keys(layer.route.methods)) out.push(`${m.toUpperCase()} ${p}`);
    } else if (layer.handle?.stack) out.push(...apiRoutes(layer.handle.stack, true));
  }
  return out;
}

describe('staff credentials', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer({ config: { authMaxFailures: 3 } });
  });
  afterAll(async () => {
    await t.close();
  });

  it('refuses a staff credential for every host-only route and command, and lets it redeem once', async () => {
    const { eventId, joinCode, prizeId } = await openEventWithPrize(t, { quantity: 2 });
    const other = await openEventWithPrize(t, { title: 'Other' });
    const made = await t.api<{ id: string; token: string; label: string }>(
      'POST',
      `/api/events/${eventId}/staff`,
      {
        label: 'Desk 1',
      },
    );
    expect(made.status).toBe(201);
    expect(made.body.token).toMatch(/^stf_/);
    const staff = made.body.token;
    const listed = await t.api<Array<Record<string, unknown>>>('GET', `/api/events/${eventId}/staff`);
    expect(listed.body).toHaveLength(1);
    expect(JSON.stringify(listed.body)).not.toContain(staff);

    // Two phones, a round of 2, drawn by the host.
    for (const nickname of ['Ann', 'Bo']) {
      const phone = await t.connect();
      okData(await phone.emitWithAck('event:join', { joinCode, nickname, deviceToken: deviceToken() }));
    }
    const round = (await t.api<RoundDto>('POST', `/api/events/${eventId}/rounds`, { prizeId, winners: 2 }))
      .body;
    await t.api('POST', `/api/rounds/${round.id}/draw`);
    const claims = (await t.api<ClaimDto[]>('GET', `/api/events/${eventId}/claims`)).body;
    expect(claims).toHaveLength(2);

    // REST: every route that is neither public nor a desk route answers 403 FORBIDDEN to staff.
    const routes = apiRoutes((t.server.app as unknown as { router: { stack: Layer[] } }).router.stack);
    const hostOnly = routes.filter((r) => !PUBLIC.includes(r) && !DESK.includes(r));
    expect(hostOnly.length).toBeGreaterThan(30);
    const ids: Record<string, string> = {
      eventId,
      roundId: round.id,
      prizeId,
      claimId: claims[0]!.id,
      claim: claims[0]!.id,
      participantId: claims[0]!.participantId,
      credentialId: made.body.id,
      format: 'csv',
    };
    for (const route of hostOnly) {
      const [method, pattern] = route.split(' ') as [string, string];
      const url = '/api' + pattern.replace(/:(\w+)/g, (_, name: string) => ids[name] ?? 'x');
      const res = await t.api<{ code: string }>(method, url, method === 'GET' ? undefined : {}, staff);
      expect({ route, status: res.status, code: res.body.code }).toEqual({
        route,
        status: 403,
        code: 'FORBIDDEN',
      });
    }
    // Those refusals did not count as failed logins (limit 3): the host still gets in from this IP.
    expect((await t.api('GET', '/api/events')).status).toBe(200);

    // Socket: a staff connection is refused every host command with FORBIDDEN.
    const desk = t.open({ role: 'staff', hostToken: staff });
    await waitConnected(desk);
    for (const [command, who] of Object.entries(COMMANDS)) {
      if (who !== 'host') continue;
      const ack = await new Promise<{ ok: boolean; code?: string }>((resolve) =>
        rawEmit(
          desk,
          command,
          { eventId, roundId: round.id, claimId: claims[0]!.id, code: 'X', staff: 'x', claim: 'x' },
          resolve,
        ),
      );
      expect({ command, ok: ack.ok, code: ack.code }).toEqual({ command, ok: false, code: 'FORBIDDEN' });
    }
    // A staff credential cannot open a host connection either.
    const asHost = t.open({ role: 'host', hostToken: staff });
    await expect(waitConnected(asHost)).rejects.toMatchObject({ data: { code: 'FORBIDDEN' } });

    // The desk: who am I, look up, redeem once; the second try says when and by whom.
    const me = await t.api<{ eventId: string; label: string }>('GET', '/api/staff/me', undefined, staff);
    expect(me.body).toMatchObject({ eventId, label: 'Desk 1' });
    const code = claims[0]!.displayCode;
    const found = await t.api<ClaimDto>(
      'GET',
      `/api/desk/claims/${encodeURIComponent(code)}`,
      undefined,
      staff,
    );
    expect(found.body).toMatchObject({ id: claims[0]!.id, status: 'pending' });
    const first = await t.api<ClaimDto>('POST', '/api/desk/redeem', { code, staff: 'Mei' }, staff);
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ status: 'redeemed', redeemedBy: 'Mei (Desk 1)' });
    const second = await t.api<{ code: string; message: string }>(
      'POST',
      '/api/desk/redeem',
      { code },
      staff,
    );
    expect(second.status).toBe(409);
    expect(second.body.code).toBe('ALREADY_REDEEMED');
    expect(second.body.message).toContain('Mei (Desk 1)');

    // Staff of this event do not see another event's claims.
    const otherStaff = (
      await t.api<{ token: string }>('POST', `/api/events/${other.eventId}/staff`, { label: 'Door' })
    ).body.token;
    const elsewhere = await t.api<{ code: string }>(
      'GET',
      `/api/desk/claims/${claims[1]!.code}`,
      undefined,
      otherStaff,
    );
    expect(elsewhere.body.code).toBe('CLAIM_NOT_FOUND');

    // Revoked: refused at once (401), on REST and on the socket handshake.
    await t.api('POST', `/api/events/${eventId}/staff/${made.body.id}/revoke`);
    const revoked = await t.api<{ code: string }>('GET', '/api/staff/me', undefined, staff);
    expect(revoked.status).toBe(401);
    const again = t.open({ role: 'staff', hostToken: staff });
    await expect(waitConnected(again)).rejects.toMatchObject({ data: { code: 'UNAUTHORIZED' } });
  });
});
