import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { afterEach, describe, expect, it } from 'vitest';
import { winnersCsv } from '../io/export/winnersExport';
import type { WinnerExportRow } from '../io/export/winnersExport';
import { runFullEvent } from './fullEventScenario';
import { openServiceHarness, type ServiceHarness } from './testHarness';

const harnesses: ServiceHarness[] = [];

/** Every nickname the full-event scenario can draw, and its expected CSV cell (formula-like ones quoted). */
const SCENARIO_NICKNAME_CELLS: Record<string, string> = {
  Ann: 'Ann',
  小明: '小明',
  '@home': "'@home",
  Zoë: 'Zoë',
  '+1 guy': "'+1 guy",
  Bo: 'Bo',
  '=SUM(A1:A9)': "'=SUM(A1:A9)",
  欧阳娜娜: '欧阳娜娜',
  王伟: '王伟',
  李静: '李静',
  张强: '张强',
  陈杰: '陈杰',
  赵敏: '赵敏',
  孙磊: '孙磊',
};

/** Hostile cells and the exact text a spreadsheet must be given for each (OWASP CSV injection). */
const HOSTILE_CELLS: Array<[input: string, expected: string]> = [
  ['=1+1', "'=1+1"],
  ['+cmd', "'+cmd"],
  ['-2', "'-2"],
  ['@SUM', "'@SUM"],
  ['\t=1+1', "'\t=1+1"],
  ['\r=1+1', "'\r=1+1"],
  ['=cmd|"/C calc"!A0', `'=cmd|"/C calc"!A0`],
  ['1+1', '1+1'],
  ['a=b', 'a=b'],
  [' =1', ' =1'],
];

afterEach(async () => {
  for (const h of harnesses.splice(0)) await h.cleanup();
});

describe('winners export', () => {
  it('quotes each fixed hostile cell exactly as written out, in every column', () => {
    const rows: WinnerExportRow[] = HOSTILE_CELLS.map(([input], i) => ({
      round: input,
      prize: input,
      place: i + 1,
      participantId: input,
      nickname: input,
      maskedPhone: input,
      redemptionCode: input,
      status: input,
      redeemedAt: null,
    }));
    const records = parse(winnersCsv(rows).toString('utf8').slice(1)) as string[][];
    expect(records.slice(1)).toEqual(
      HOSTILE_CELLS.map(([, expected], i) => [
        expected,
        expected,
        String(i + 1),
        expected,
        expected,
        expected,
        expected,
        expected,
        '',
      ]),
    );
  });

  it('writes CSV with a BOM, Chinese names intact and formula-like cells neutralised; XLSX as typed text', async () => {
    const h = await openServiceHarness('exports');
    harnesses.push(h);
    const { event } = await runFullEvent(h);
    // Make sure a formula-like name wins: a round only the imported "=SUM(A1:A9)" may enter.
    const everyone = await h.service.listParticipants(event.id, { limit: 1000 });
    const formula = everyone.find((p) => p.nickname === '=SUM(A1:A9)')!;
    const prize = (await h.service.listPrizes(event.id)).find((p) => p.name === '二等奖')!;
    const only = await h.service.createRound(event.id, {
      prizeId: prize.id,
      winners: 1,
      excludePreviousWinners: false,
      blocklist: everyone.filter((p) => p.id !== formula.id).map((p) => p.id),
    });
    await h.service.drawRound(only.id);
    const claims = await h.service.listClaims(event.id);

    const csv = await h.service.exportWinners(event.id, 'csv');
    expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = parse(csv.toString('utf8').slice(1)) as string[][];
    expect(rows[0]).toEqual([
      'Round',
      'Prize',
      'Place',
      'Participant ID',
      'Nickname',
      'Phone (masked)',
      'Redemption code',
      'Status',
      'Redeemed at (UTC)',
    ]);
    const body = rows.slice(1);
    expect(body).toHaveLength(claims.length);
    const byCode = new Map(body.map((r) => [r[6], r]));
    for (const claim of claims) {
      const row = byCode.get(claim.code);
      expect(row?.[3]).toBe(claim.participantId);
      expect(row?.[7]).toBe(claim.status);
      // The scenario's nicknames and how each must appear in the CSV, written out.
      expect(row?.[4]).toBe(SCENARIO_NICKNAME_CELLS[claim.nickname]);
    }
    expect(body.filter((r) => r[3] === formula.id).map((r) => r[4])).toContain("'=SUM(A1:A9)");
    expect(body.some((r) => r[1] === '二等奖')).toBe(true);
    expect(body.find((r) => r[6] === claims[0]!.code)?.[8]).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect(body.some((r) => r[0]!.includes('(redraw)'))).toBe(true);

    const zh = (await h.service.exportWinners(event.id, 'csv', 'zh')).toString('utf8');
    expect(zh.startsWith('\uFEFF轮次,奖品,名次')).toBe(true);

    const xlsx = await h.service.exportWinners(event.id, 'xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('Winners');
    expect(sheet?.rowCount).toBe(claims.length + 1);
    const codes: unknown[] = [];
    sheet?.eachRow((row, n) => {
      if (n > 1) codes.push(row.getCell(7).value);
      for (let c = 1; c <= 9; c += 1) expect(typeof row.getCell(c).formula).toBe('undefined');
    });
    expect(codes.sort()).toEqual(claims.map((c) => c.code).sort());

    await expect(h.service.exportWinners(event.id, 'pdf' as never)).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      field: 'format',
    });
    await expect(h.service.exportWinners(event.id, 'csv', 'fr' as never)).rejects.toMatchObject({
      field: 'language',
    });
  });
});
