// A 100,000-row XLSX uploaded over HTTP, with progress received on a host socket.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImportProgressDto } from '@drawcast/shared';
import { openEventWithPrize, startTestServer, upload, XLSX_TYPE } from './harness';
import type { TestServer } from './harness';

const N = 100_000;
const SURNAMES = '王李张刘陈杨黄赵吴周';

describe('100,000-row import over HTTP', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer();
  });
  afterAll(async () => {
    await t.close();
  });

  it('imports every row and reports progress to the host socket', async () => {
    const { eventId } = await openEventWithPrize(t);
    const file = path.join(t.dataDir, '员工名单.xlsx');
    const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
      filename: file,
      useSharedStrings: true,
      useStyles: false,
    });
    const sheet = workbook.addWorksheet('名单');
    sheet.addRow(['姓名', '工号']).commit();
    for (let i = 0; i < N; i++)
      sheet.addRow([`${SURNAMES[i % 10]}员工${i}`, `E${String(i).padStart(7, '0')}`]).commit();
    sheet.commit();
    await workbook.commit();

    const host = await t.connect({ role: 'host', hostToken: t.token });
    const progress: ImportProgressDto[] = [];
    host.on('import:progress', (p) => progress.push(p));
    // A phone's clock pings, back to back for as long as the upload is in flight, must keep being
    // answered: the import parses in a worker thread and writes in slices, so the event loop stays free.
    const bytes = await readFile(file);
    let uploading = true;
    const pingMs: number[] = [];
    const pinging = (async () => {
      while (uploading) {
        const sent = performance.now();
        await host.emitWithAck('clock:ping', {});
        pingMs.push(performance.now() - sent);
      }
    })();
    const res = await upload<{ total: number; imported: number; rejected: unknown[] }>(
      t,
      `/api/events/${eventId}/people/import?filename=${encodeURIComponent('员工名单.xlsx')}`,
      bytes,
      XLSX_TYPE,
    ).finally(() => (uploading = false));
    await pinging;
    expect(res.status).toBe(200);
    // Before, the loop was held for seconds at a stretch (~5 s on an idle machine); the bound is loose
    // so a busy shared machine does not flake it. Latency figures come from `npm run bench`.
    expect(pingMs.length).toBeGreaterThan(20);
    expect(Math.max(...pingMs)).toBeLessThan(2000);
    expect(res.body).toMatchObject({ total: N, imported: N, rejected: [] });
    // Messages on one socket arrive in order: after a ping round trip every progress event is in.
    await host.emitWithAck('clock:ping', {});
    expect(progress.filter((p) => p.phase === 'reading').length).toBeGreaterThan(50);
    expect(progress.every((p) => p.eventId === eventId)).toBe(true);
    expect(progress.at(-1)).toEqual({ eventId, phase: 'done', done: N, total: N });
  }, 240_000);
});
