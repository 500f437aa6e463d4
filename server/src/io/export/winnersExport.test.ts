import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { csvField, neutralizeFormula, winnersCsv, winnersXlsx } from './winnersExport';
import type { WinnerExportRow } from './winnersExport';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'drawcast-export-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const REDEEMED_AT = Date.UTC(2026, 1, 1, 8, 30, 0);
const rows: WinnerExportRow[] = [
  {
    round: '一等奖 第1轮',
    prize: 'iPhone 17',
    place: 1,
    participantId: 'p_abc',
    nickname: '张三',
    maskedPhone: '138****8000',
    redemptionCode: 'ABCDE-FGHJK',
    status: 'redeemed',
    redeemedAt: REDEEMED_AT,
  },
  {
    round: 'r2',
    prize: 'Mug, "large"',
    place: 2,
    participantId: 'p_def',
    nickname: '=HYPERLINK("http://evil.example","点我")',
    maskedPhone: null,
    redemptionCode: null,
    status: 'pending',
    redeemedAt: null,
  },
  {
    round: 'r2',
    prize: '+1 gift',
    place: 3,
    participantId: 'p_x',
    nickname: '-2+3',
    maskedPhone: '@home',
    redemptionCode: '\tTAB',
    status: 'forfeited',
    redeemedAt: null,
  },
  {
    round: 'r2',
    prize: 'multi\nline',
    place: 4,
    participantId: 'p_y',
    nickname: '\r=1',
    maskedPhone: null,
    redemptionCode: null,
    status: 'pending',
    redeemedAt: null,
  },
];

describe('winners CSV', () => {
  it('starts with a UTF-8 BOM and reads back with Chinese names intact', () => {
    const file = path.join(dir, 'winners.csv');
    writeFileSync(file, winnersCsv(rows));
    const bytes = readFileSync(file);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const records = parse(bytes, { bom: true }) as string[][];
    expect(records[0]).toEqual([
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
    expect(records[1]).toEqual([
      '一等奖 第1轮',
      'iPhone 17',
      '1',
      'p_abc',
      '张三',
      '138****8000',
      'ABCDE-FGHJK',
      'redeemed',
      '2026-02-01T08:30:00.000Z',
    ]);
    expect(records).toHaveLength(5);
  });

  it('neutralises formula-like cells and quotes per RFC 4180', () => {
    const records = parse(winnersCsv(rows), { bom: true }) as string[][];
    expect(records[2]).toEqual([
      'r2',
      'Mug, "large"',
      '2',
      'p_def',
      `'=HYPERLINK("http://evil.example","点我")`,
      '',
      '',
      'pending',
      '',
    ]);
    expect(records[3]!.slice(1, 7)).toEqual(["'+1 gift", '3', 'p_x', "'-2+3", "'@home", "'\tTAB"]);
    expect(records[4]![1]).toBe('multi\nline');
    expect(records[4]![4]).toBe("'\r=1");
    for (const record of records.slice(1))
      for (const cell of record) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
  });

  it('uses Chinese headers on request', () => {
    const records = parse(winnersCsv([], 'zh'), { bom: true }) as string[][];
    expect(records).toEqual([
      ['轮次', '奖品', '名次', '参与者ID', '昵称', '手机（脱敏）', '兑奖码', '状态', '兑奖时间（UTC）'],
    ]);
  });

  it('round-trips any text through quoting, and never leaves a cell starting like a formula', () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        const safe = neutralizeFormula(text);
        const parsed = parse(`${csvField(safe)}\r\n`, { relax_quotes: false }) as string[][];
        const cell = parsed.length === 0 ? '' : parsed[0]![0];
        expect(cell).toBe(safe);
        expect(safe).not.toMatch(/^[=+\-@\t\r]/);
        expect(safe === text || safe === `'${text}`).toBe(true);
      }),
    );
  });
});

describe('winners XLSX', () => {
  it('opens back in exceljs with every cell as text or number, never a formula', async () => {
    const file = path.join(dir, 'winners.xlsx');
    writeFileSync(file, await winnersXlsx(rows, 'zh'));
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file);
    const sheet = workbook.getWorksheet('中奖名单')!;
    expect(sheet.rowCount).toBe(5);
    expect(sheet.getRow(1).getCell(5).value).toBe('昵称');
    expect(sheet.getRow(2).getCell(5).value).toBe('张三');
    expect(sheet.getRow(2).getCell(3).value).toBe(1);
    expect(sheet.getRow(2).getCell(9).value).toBe('2026-02-01T08:30:00.000Z');
    const evil = sheet.getRow(3).getCell(5);
    expect(evil.value).toBe('=HYPERLINK("http://evil.example","点我")');
    expect(evil.type).toBe(ExcelJS.ValueType.String);
    sheet.eachRow((row) =>
      row.eachCell((cell) =>
        expect([ExcelJS.ValueType.String, ExcelJS.ValueType.Number]).toContain(cell.type),
      ),
    );
  });
});
