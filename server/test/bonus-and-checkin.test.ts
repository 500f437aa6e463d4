// Referral chains with caps (odds broadcast, proof weights), imported lists over HTTP, check-in-only rounds.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyProof } from '@drawcast/shared';
import type { EventDto, RoundDto } from '@drawcast/shared';
import { deviceToken, nextEvent, okData, openEventWithPrize, startTestServer, upload } from './harness';
import type { TestServer } from './harness';

const enc = (s: string) => new TextEncoder().encode(s);

interface ProofBody {
  entries: { id: string; weight: number }[];
  winners: string[];
}

describe('bonus tickets and check-in', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer();
  });
  afterAll(async () => {
    await t.close();
  });

  it('counts a referral chain with its cap in the odds broadcast and the proof weights', async () => {
    const { eventId, joinCode, prizeId } = await openEventWithPrize(t);
    const bonus = {
      referral: { enabled: true, ticketsPerFriend: 2, maxBonus: 3 },
      earlyBird: { enabled: false, before: 0, tickets: 1 },
    };
    const patched = await t.api<EventDto>('PATCH', `/api/events/${eventId}`, { settings: { bonus } });
    expect(patched.status).toBe(200);
    expect(patched.body.settings.bonus).toEqual(bonus);

    const phone = await t.connect();
    const tokens = new Map<string, string>();
    const join = async (nickname: string, ref?: string) => {
      tokens.set(nickname, deviceToken());
      return okData(
        await phone.emitWithAck('event:join', {
          joinCode,
          nickname,
          deviceToken: tokens.get(nickname)!,
          ...(ref !== undefined && { ref }),
        }),
      );
    };
    const a = await join('Ann');
    expect(a.shareCode).toMatch(/^[A-Z0-9]{8}$/);
    expect(a.sharePath).toBe(`/join/${joinCode}?ref=${a.shareCode}`);
    const b = await join('Bo', a.shareCode!);
    expect(b.referral).toEqual({ counted: true });
    const c = await join('Cy', a.shareCode!);
    const d = await join('Di', b.shareCode!);
    const e = await join('Ed', 'NOPE');
    expect(e.referral).toMatchObject({ counted: false });
    expect(e.ticketBreakdown).toEqual({ base: 1, referral: 0, earlyBird: 0, total: 1 });

    // Ann: 2 friends × 2 = 4, capped at 3 → 4 tickets; Bo: 1 friend → 3; the rest 1.
    const stateA = okData(
      await phone.emitWithAck('participant:state', { eventId, deviceToken: tokens.get('Ann')! }),
    );
    expect(stateA.ticketBreakdown).toEqual({ base: 1, referral: 3, earlyBird: 0, total: 4 });
    expect(stateA.participant).toMatchObject({ tickets: 4, referrals: 2, shareCode: a.shareCode });

    const host = await t.connect({ role: 'host', hostToken: t.token });
    const aggregate = nextEvent(host, 'odds:aggregate', (x) => x.eventId === eventId && x.total === 5);
    const round = await t.api<RoundDto>('POST', `/api/events/${eventId}/rounds`, { prizeId, winners: 2 });
    expect(round.status).toBe(201);
    expect((await aggregate).counts).toEqual({ 1: 3, 3: 1, 4: 1 });

    await t.api('POST', `/api/rounds/${round.body.id}/draw`);
    const proof = await t.api<ProofBody>('GET', `/api/rounds/${round.body.id}/proof`, undefined, null);
    expect(verifyProof(proof.body)).toMatchObject({ ok: true, failed: null });
    expect(Object.fromEntries(proof.body.entries.map((x) => [x.id, x.weight]))).toEqual({
      [a.participantId]: 4,
      [b.participantId]: 3,
      [c.participantId]: 1,
      [d.participantId]: 1,
      [e.participantId]: 1,
    });
  });

  it('imports a CSV list, checks people in by QR token, and draws a check-in-only round', async () => {
    const { eventId, joinCode, prizeId } = await openEventWithPrize(t);
    const csv = '\uFEFF姓名,工号\n张三,E001\n李四,E002\n王五,E003\n,E004\n';
    const imported = await upload<{ imported: number; total: number; rejected: { row: number }[] }>(
      t,
      `/api/events/${eventId}/people/import?filename=${encodeURIComponent('名单.csv')}`,
      enc(csv),
      'text/csv',
    );
    expect(imported.status).toBe(200);
    expect(imported.body).toMatchObject({ total: 4, imported: 3, rejected: [{ row: 5 }] });

    const listed = await t.api<{ people: { participantId: string; name: string; checkinToken: string }[] }>(
      'GET',
      `/api/events/${eventId}/people?limit=10`,
    );
    expect(listed.body.people.map((p) => p.name)).toEqual(['张三', '李四', '王五']);
    const [zhang, li] = listed.body.people;

    const qr = await fetch(`${t.url}/api/participants/${zhang!.participantId}/checkin-qr.svg`, {
      headers: { authorization: `Bearer ${t.token}` },
    });
    expect(qr.headers.get('content-type')).toMatch(/^image\/svg\+xml/);
    expect(await qr.text()).toMatch(/^<svg/);

    // One phone-joined participant and one imported person who never checks in stay out of the round.
    const phone = await t.connect();
    okData(
      await phone.emitWithAck('event:join', { joinCode, nickname: 'Walk-in', deviceToken: deviceToken() }),
    );
    const byStaff = await t.api(
      'POST',
      '/api/checkin',
      { token: zhang!.checkinToken, staff: 'Desk 1' },
      null,
    );
    expect(byStaff).toMatchObject({ status: 200, body: { participantId: zhang!.participantId } });
    const liPhone = deviceToken();
    const byPhone = await t.api(
      'POST',
      '/api/checkin',
      { token: li!.checkinToken, deviceToken: liPhone },
      null,
    );
    expect(byPhone.body).toMatchObject({ participantId: li!.participantId, deviceLinked: true });
    const again = await t.api('POST', '/api/checkin', { token: zhang!.checkinToken, staff: 'Desk 2' }, null);
    expect(again.body).toMatchObject({ alreadyCheckedIn: true });

    const badToken = await t.api('POST', '/api/checkin', { token: 'NOPE-NOPE', staff: 'Desk 1' }, null);
    expect(badToken.body).toMatchObject({ ok: false });
    expect([400, 404]).toContain(badToken.status);
    const noWho = await t.api('POST', '/api/checkin', { token: zhang!.checkinToken }, null);
    expect(noWho).toMatchObject({ status: 400, body: { code: 'VALIDATION_FAILED', field: 'staff' } });

    const round = await t.api<RoundDto>('POST', `/api/events/${eventId}/rounds`, {
      prizeId,
      winners: 2,
      checkedInOnly: true,
    });
    expect(round.body.checkedInOnly).toBe(true);
    const drawn = await t.api<RoundDto>('POST', `/api/rounds/${round.body.id}/draw`);
    expect(drawn.status).toBe(200);
    const proof = await t.api<ProofBody>('GET', `/api/rounds/${round.body.id}/proof`, undefined, null);
    expect(verifyProof(proof.body).ok).toBe(true);
    expect(proof.body.entries.map((x) => x.id).sort()).toEqual(
      [zhang!.participantId, li!.participantId].sort(),
    );
    // The phone that scanned its own QR now owns that entry.
    const liState = okData(await phone.emitWithAck('participant:state', { eventId, deviceToken: liPhone }));
    expect(liState.participant.id).toBe(li!.participantId);
    expect(liState.participant.checkedInAt).toEqual(expect.any(Number));
  });

  it('refuses malformed files with a typed code and imports nothing', async () => {
    const { eventId } = await openEventWithPrize(t);
    const route = `/api/events/${eventId}/people/import`;
    const count = async () =>
      (await t.api<{ people: unknown[] }>('GET', `/api/events/${eventId}/people`)).body.people.length;

    const cases: Array<[Uint8Array, string, number, string]> = [
      [new Uint8Array(0), 'text/csv', 422, 'EMPTY_FILE'],
      [enc('colour,size\nred,L\n'), 'text/csv', 422, 'MISSING_COLUMN'],
      [
        Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5, 6, 7, 8]),
        'application/octet-stream',
        422,
        'INVALID_FILE',
      ],
      [
        Uint8Array.from([0x6e, 0x61, 0x6d, 0x65, 0x0a, 0xc3, 0x28, 0xff, 0x0a]),
        'text/csv',
        422,
        'INVALID_ENCODING',
      ],
      [new Uint8Array(21 * 1024 * 1024).fill(0x41), 'text/csv', 413, 'FILE_TOO_LARGE'],
    ];
    for (const [body, type, status, code] of cases) {
      const res = await upload<{ code: string }>(t, route, body, type);
      expect({ code: res.body.code, status: res.status }).toEqual({ code, status });
    }
    const wrongType = await upload<{ code: string }>(t, route, enc('name\nAnn\n'), 'image/png');
    expect(wrongType).toMatchObject({ status: 422, body: { code: 'INVALID_FILE', field: 'file' } });
    expect(await count()).toBe(0);

    const unknownEvent = await upload<{ code: string }>(
      t,
      '/api/events/evt_nope/people/import',
      enc('name\nA\n'),
      'text/csv',
    );
    expect(unknownEvent).toMatchObject({ status: 404, body: { code: 'EVENT_NOT_FOUND' } });
    const noToken = await fetch(`${t.url}${route}`, {
      method: 'POST',
      body: 'name\nA\n',
      headers: { 'content-type': 'text/csv' },
    });
    expect(noToken.status).toBe(401);
  });
});
