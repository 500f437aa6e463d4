// Abuse: one device joining 1,000 times, many fake devices from one IP, host-token brute force over sockets,
// forged device tokens against another participant's state and claim, and hostile nicknames in API and exports.
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { afterEach, describe, expect, it } from 'vitest';
import { PROTOCOL_VERSION } from '@drawcast/shared';
import type { ClaimDto, RoundDto } from '@drawcast/shared';
import {
  deviceToken,
  okData,
  openClient,
  openEventWithPrize,
  startTestServer,
  waitConnected,
} from '../harness';
import type { TestServer } from '../harness';
import type { ServerConfig } from '../../src/config';

const servers: TestServer[] = [];
afterEach(async () => {
  for (const t of servers.splice(0)) await t.close();
});
async function server(config: Partial<ServerConfig> = {}): Promise<TestServer> {
  const t = await startTestServer({ config });
  servers.push(t);
  return t;
}
const total = async (t: TestServer, eventId: string) =>
  (await t.api<{ total: number }>('GET', `/api/events/${eventId}/participants`)).body.total;

describe('join abuse', () => {
  it('keeps one entry for one device joining 1,000 times (250 at a time, from four sockets)', async () => {
    const t = await server({ joinsPerDevicePerMinute: 1e6, joinsPerIpPerMinute: 1e6 });
    const ev = await openEventWithPrize(t);
    const token = deviceToken();
    const phones = await Promise.all([1, 2, 3, 4].map(() => t.connect()));
    const ids = new Set<string>();
    for (let batch = 0; batch < 4; batch += 1) {
      const acks = await Promise.all(
        Array.from({ length: 250 }, (_, i) =>
          phones[i % 4]!.emitWithAck('event:join', {
            joinCode: ev.joinCode,
            nickname: `Ann${i % 7}`,
            deviceToken: token,
          }),
        ),
      );
      for (const ack of acks) ids.add(okData(ack).participantId);
    }
    expect(ids.size).toBe(1);
    expect(await total(t, ev.eventId)).toBe(1);
  });

  it('limits fake devices from one IP to the configured joins per minute (50 of 80), storing only those', async () => {
    const t = await server({ joinsPerIpPerMinute: 50, joinsPerDevicePerMinute: 30 });
    const ev = await openEventWithPrize(t);
    const phone = await t.connect();
    const codes: string[] = [];
    for (let i = 0; i < 80; i += 1) {
      const ack = await phone.emitWithAck('event:join', {
        joinCode: ev.joinCode,
        nickname: `Bot${i}`,
        deviceToken: deviceToken(),
      });
      codes.push(ack.ok ? 'ok' : ack.code);
    }
    expect(codes.filter((c) => c === 'ok')).toHaveLength(50);
    expect(codes.slice(50)).toEqual(Array(30).fill('RATE_LIMITED'));
    expect(await total(t, ev.eventId)).toBe(50);
  });

  it('limits one device to its joins per minute across sockets', async () => {
    const t = await server({ joinsPerDevicePerMinute: 5 });
    const ev = await openEventWithPrize(t);
    const token = deviceToken();
    const codes: string[] = [];
    for (let i = 0; i < 8; i += 1) {
      const phone = await t.connect();
      const ack = await phone.emitWithAck('event:join', {
        joinCode: ev.joinCode,
        nickname: 'Ann',
        deviceToken: token,
      });
      codes.push(ack.ok ? 'ok' : ack.code);
    }
    expect(codes).toEqual([...Array(5).fill('ok'), ...Array(3).fill('RATE_LIMITED')]);
  });
});

describe('host-token brute force over sockets', () => {
  it('locks the IP out after the configured failures, the right token included, on both transports', async () => {
    const t = await server({ authMaxFailures: 5 });
    const codes: string[] = [];
    for (let i = 0; i < 6; i += 1) {
      const socket = openClient(t.url, {
        protocolVersion: PROTOCOL_VERSION,
        role: 'host',
        hostToken: `guess-${i}-${'x'.repeat(16)}`,
      });
      codes.push(
        await waitConnected(socket).then(
          () => 'connected',
          (err: { data?: { code: string } }) => err.data?.code ?? 'none',
        ),
      );
      socket.disconnect();
    }
    expect(codes).toEqual([...Array(5).fill('UNAUTHORIZED'), 'LOCKED_OUT']);
    const right = openClient(t.url, { protocolVersion: PROTOCOL_VERSION, role: 'host', hostToken: t.token });
    const verdict = await waitConnected(right).then(
      () => 'connected',
      (err: { data?: { code: string } }) => err.data?.code ?? 'none',
    );
    right.disconnect();
    expect(verdict).toBe('LOCKED_OUT');
    expect((await t.api('GET', '/api/events')).status).toBe(429);
  });
});

describe('forged and borrowed device tokens', () => {
  it("cannot read or change another participant's state or claim; the raw token is stored nowhere", async () => {
    const t = await server();
    const ev = await openEventWithPrize(t, { settings: { collectShippingContact: true } });
    const tokenA = deviceToken();
    const tokenB = deviceToken();
    const a = await t.connect();
    const b = await t.connect();
    okData(
      await a.emitWithAck('event:join', { joinCode: ev.joinCode, nickname: 'Ann', deviceToken: tokenA }),
    );
    okData(
      await b.emitWithAck('event:join', { joinCode: ev.joinCode, nickname: 'Bob', deviceToken: tokenB }),
    );
    const round = (
      await t.api<RoundDto>('POST', `/api/events/${ev.eventId}/rounds`, { prizeId: ev.prizeId, winners: 2 })
    ).body;
    expect((await t.api('POST', `/api/rounds/${round.id}/draw`)).status).toBe(200);
    const claims = (await t.api<ClaimDto[]>('GET', `/api/events/${ev.eventId}/claims`)).body;
    const claimOfB = claims.find((c) => c.nickname === 'Bob')!;

    // A forged token reads nothing.
    const forged = await a.emitWithAck('participant:state', {
      eventId: ev.eventId,
      deviceToken: deviceToken(),
    });
    expect(forged).toMatchObject({ ok: false, code: 'PARTICIPANT_NOT_FOUND' });
    // A's token against B's claim: refused on the socket and over REST, and B's claim has no contact.
    // A valid contact, so a refusal can only come from the ownership check.
    const contact = { recipient: 'Mallory', phone: '13800138000', address: 'Evil St 1', city: 'Shanghai' };
    const viaSocket = await a.emitWithAck('claim:contact', {
      eventId: ev.eventId,
      claimId: claimOfB.id,
      deviceToken: tokenA,
      contact,
    });
    expect(viaSocket).toMatchObject({ ok: false, code: 'CLAIM_NOT_FOUND' });
    const viaRest = await t.api(
      'POST',
      `/api/claims/${claimOfB.id}/contact`,
      { eventId: ev.eventId, deviceToken: tokenA, contact },
      null,
    );
    expect(viaRest).toMatchObject({ status: 404, body: { ok: false, code: 'CLAIM_NOT_FOUND' } });
    expect(
      (await t.api<{ contact: unknown }>('GET', `/api/claims/${claimOfB.id}/contact`)).body.contact,
    ).toBeNull();
    // A's own state shows A only.
    const own = okData(
      await a.emitWithAck('participant:state', { eventId: ev.eventId, deviceToken: tokenA }),
    );
    expect(own.participant.nickname).toBe('Ann');
    expect(JSON.stringify(own)).not.toContain(claimOfB.code);
    // Neither the host's views nor a backup hold a raw device token that could be replayed.
    const people = JSON.stringify((await t.api('GET', `/api/events/${ev.eventId}/participants`)).body);
    const backup = JSON.stringify((await t.api('GET', `/api/events/${ev.eventId}/backup`)).body);
    for (const token of [tokenA, tokenB]) {
      expect(people).not.toContain(token);
      expect(backup).not.toContain(token);
    }
  });
});

describe('hostile nicknames', () => {
  const NICKS = [
    '<script>x()</script>',
    '<img src=x onerror=1>',
    '=HYPERLINK("x","y")',
    '+1+cmd',
    '@SUM(A1)',
    '-2+3',
  ];

  it('come back as plain JSON strings from the API and as inert text in the CSV and XLSX exports', async () => {
    const t = await server();
    const ev = await openEventWithPrize(t, { quantity: NICKS.length });
    for (const nickname of NICKS) {
      const phone = await t.connect();
      okData(
        await phone.emitWithAck('event:join', {
          joinCode: ev.joinCode,
          nickname,
          deviceToken: deviceToken(),
        }),
      );
    }
    const list = await t.api<{ participants: Array<{ nickname: string }> }>(
      'GET',
      `/api/events/${ev.eventId}/participants`,
    );
    expect(list.headers.get('content-type')).toMatch(/^application\/json/);
    expect(list.headers.get('x-content-type-options')).toBe('nosniff');
    expect(list.body.participants.map((p) => p.nickname).sort()).toEqual([...NICKS].sort());

    const round = (
      await t.api<RoundDto>('POST', `/api/events/${ev.eventId}/rounds`, {
        prizeId: ev.prizeId,
        winners: NICKS.length,
      })
    ).body;
    expect((await t.api('POST', `/api/rounds/${round.id}/draw`)).status).toBe(200);

    const csvRes = await fetch(`${t.url}/api/events/${ev.eventId}/export/winners.csv`, {
      headers: { authorization: `Bearer ${t.token}` },
    });
    expect(csvRes.headers.get('content-type')).toMatch(/^text\/csv/);
    const rows = parse((await csvRes.text()).replace(/^\uFEFF/, '')) as string[][];
    const nickCells = rows.slice(1).map((r) => r[4]!);
    expect(nickCells.sort()).toEqual(
      [
        "'+1+cmd",
        "'-2+3",
        '\'=HYPERLINK("x","y")',
        "'@SUM(A1)",
        '<img src=x onerror=1>',
        '<script>x()</script>',
      ].sort(),
    );

    const xlsxRes = await fetch(`${t.url}/api/events/${ev.eventId}/export/winners.xlsx`, {
      headers: { authorization: `Bearer ${t.token}` },
    });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await xlsxRes.arrayBuffer()) as never);
    const cells: Array<{ value: unknown; formula: unknown }> = [];
    workbook.getWorksheet('Winners')!.eachRow((row, n) => {
      if (n > 1) cells.push({ value: row.getCell(5).value, formula: row.getCell(5).formula });
    });
    expect(cells.map((c) => c.formula)).toEqual(Array(NICKS.length).fill(undefined));
    expect(cells.map((c) => typeof c.value)).toEqual(Array(NICKS.length).fill('string'));
  });
});
