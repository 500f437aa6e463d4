// Exports opened back, backup restored into a second empty server, the audit chain over HTTP.
import path from 'node:path';
import Database from 'better-sqlite3';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyProof } from '@drawcast/shared';
import type { RoundDto } from '@drawcast/shared';
import { deviceToken, okData, openEventWithPrize, startTestServer, XLSX_TYPE } from './harness';
import type { TestServer } from './harness';

describe('exports, backup and audit', () => {
  let t: TestServer;
  let fresh: TestServer;
  beforeAll(async () => {
    t = await startTestServer();
    fresh = await startTestServer();
  });
  afterAll(async () => {
    await t.close();
    await fresh.close();
  });

  it('exports, backs up, restores every proof, and detects an edited audit row', async () => {
    const { eventId, joinCode, prizeId } = await openEventWithPrize(t, { title: '春节抽奖' });
    const names = ['=HYPERLINK("http://x")', '张三', 'Bo "the, best"'];
    const phone = await t.connect();
    for (const nickname of names) {
      okData(await phone.emitWithAck('event:join', { joinCode, nickname, deviceToken: deviceToken() }));
    }
    const rounds: string[] = [];
    for (const winners of [2, 1]) {
      const r = await t.api<RoundDto>('POST', `/api/events/${eventId}/rounds`, { prizeId, winners });
      expect((await t.api('POST', `/api/rounds/${r.body.id}/close`)).status).toBe(200);
      const entropy = await t.api('PUT', `/api/rounds/${r.body.id}/entropy`, {
        publicEntropy: `call ${winners}`,
      });
      expect(entropy.status).toBe(200);
      expect((await t.api('POST', `/api/rounds/${r.body.id}/draw`)).status).toBe(200);
      rounds.push(r.body.id);
    }

    const csvRes = await fetch(`${t.url}/api/events/${eventId}/export/winners.csv`, {
      headers: { authorization: `Bearer ${t.token}` },
    });
    expect(csvRes.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(csvRes.headers.get('content-disposition')).toContain(
      `filename*=UTF-8''${encodeURIComponent('春节抽奖-winners.csv')}`,
    );
    const bytes = new Uint8Array(await csvRes.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = parse(new TextDecoder().decode(bytes.slice(3)), { columns: true }) as Record<
      string,
      string
    >[];
    expect(rows).toHaveLength(3);
    const cells = rows.flatMap((r) => Object.values(r));
    expect(cells).toContain(`'${names[0]}`);
    expect(cells).not.toContain(names[0]);
    expect(cells).toContain('张三');
    expect(cells).toContain(names[2]);

    const xlsxRes = await fetch(`${t.url}/api/events/${eventId}/export/winners.xlsx?lang=zh`, {
      headers: { authorization: `Bearer ${t.token}` },
    });
    expect(xlsxRes.headers.get('content-type')).toBe(XLSX_TYPE);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(await xlsxRes.arrayBuffer());
    const sheetText = JSON.stringify(book.worksheets[0]!.getSheetValues());
    expect(sheetText).toContain('张三');
    expect((await t.api('GET', `/api/events/${eventId}/export/winners.pdf`)).status).toBe(404);

    // Backup → restore into a second server with an empty data dir: every proof identical and valid.
    const backup = await t.api<{ event: unknown }>('GET', `/api/events/${eventId}/backup`);
    expect(backup.status).toBe(200);
    expect(backup.headers.get('content-disposition')).toMatch(/attachment/);
    const restored = await fresh.api('POST', '/api/restore', backup.body);
    expect(restored).toMatchObject({ status: 201, body: { eventId, rounds: 2, claims: 3 } });
    expect(await fresh.api('POST', '/api/restore', backup.body)).toMatchObject({
      status: 409,
      body: { code: 'CONFLICT' },
    });
    expect(await fresh.api('POST', '/api/restore', { version: 99 })).toMatchObject({
      status: 422,
      body: { code: 'INVALID_BACKUP' },
    });
    for (const roundId of rounds) {
      const a = await t.api('GET', `/api/rounds/${roundId}/proof`, undefined, null);
      const b = await fresh.api('GET', `/api/rounds/${roundId}/proof`, undefined, null);
      expect(b.body).toEqual(a.body);
      expect(verifyProof(b.body)).toMatchObject({ ok: true, failed: null });
    }

    // The audit log pages and verifies; a single row edited in the database is named.
    const page = await t.api<{ records: { seq: number; action: string }[] }>(
      'GET',
      `/api/events/${eventId}/audit?afterSeq=2&limit=3`,
    );
    expect(page.body.records.map((r) => r.seq)).toEqual([3, 4, 5]);
    expect(await t.api('GET', `/api/events/${eventId}/audit?limit=0`)).toMatchObject({
      status: 400,
      body: { code: 'VALIDATION_FAILED', field: 'limit' },
    });
    expect((await t.api('GET', `/api/events/${eventId}/audit/verify`)).body).toMatchObject({ ok: true });
    expect((await fresh.api('GET', `/api/events/${eventId}/audit/verify`)).body).toMatchObject({ ok: true });

    const db = new Database(path.join(t.dataDir, 'drawcast.db'));
    const row = db
      .prepare<[string], { seq: number; data: string }>(
        "SELECT seq, data FROM audit_log WHERE event_id = ? AND action = 'round.entropy' ORDER BY seq LIMIT 1",
      )
      .get(eventId)!;
    db.exec('DROP TRIGGER audit_log_no_update');
    db.prepare('UPDATE audit_log SET data = ? WHERE event_id = ? AND seq = ?').run(
      row.data.replace('call 2', 'call 9'),
      eventId,
      row.seq,
    );
    db.close();
    expect((await t.api('GET', `/api/events/${eventId}/audit/verify`)).body).toMatchObject({
      ok: false,
      brokenAt: row.seq,
    });
  });
});
