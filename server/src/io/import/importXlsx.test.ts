import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importPeople } from './importPeople';
import { zipWith } from './testZip';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'drawcast-import-xlsx-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗欧阳';
const GIVEN = '伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英';

/** A deterministic Chinese name for row i (two or three characters). */
function chineseName(i: number): string {
  const s = SURNAMES[i % SURNAMES.length]!;
  const g1 = GIVEN[Math.floor(i / SURNAMES.length) % GIVEN.length]!;
  const g2 = i % 3 === 0 ? '' : GIVEN[Math.floor(i / 7) % GIVEN.length]!;
  return s + g1 + g2;
}

async function writeXlsx(file: string, rows: unknown[][], sheetName = '名单'): Promise<string> {
  const p = path.join(dir, file);
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    filename: p,
    useSharedStrings: true,
    useStyles: false,
  });
  const sheet = workbook.addWorksheet(sheetName);
  for (const row of rows) sheet.addRow(row).commit();
  sheet.commit();
  await workbook.commit();
  return p;
}

describe('XLSX import', () => {
  it('imports a 100,000-row list with Chinese names, reporting progress and the bad rows', async () => {
    const N = 100_000;
    const file = path.join(dir, 'big.xlsx');
    const started = performance.now();
    const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
      filename: file,
      useSharedStrings: true,
      useStyles: false,
    });
    const sheet = workbook.addWorksheet('员工名单');
    sheet.addRow(['姓名', '工号', '手机']).commit();
    for (let i = 0; i < N; i++) {
      const name = i % 25_000 === 24_999 ? '' : chineseName(i); // 4 rows without a name
      const id = i === 50_000 ? 'E0000007' : `E${String(i).padStart(7, '0')}`; // one duplicate id
      sheet.addRow([name, id, 13_000_000_000 + i]).commit(); // phones stored as numbers, as Excel does
    }
    sheet.commit();
    await workbook.commit();
    const written = performance.now();

    const progress: Array<[number, number | undefined]> = [];
    const report = await importPeople(
      { path: file },
      { onProgress: (done, total) => progress.push([done, total]) },
    );
    const read = performance.now();
    console.log(
      `100,000-row XLSX: wrote ${(written - started).toFixed(0)} ms, imported ${(read - written).toFixed(0)} ms, ` +
        `${(readFileSync(file).length / 1024 / 1024).toFixed(1)} MB`,
    );

    expect(report).toMatchObject({ format: 'xlsx', headerRow: 1, total: N });
    expect(report.accepted).toHaveLength(N - 5);
    expect(report.rejected).toEqual(
      [
        { row: 25_001, code: 'VALIDATION_FAILED', field: 'name', reason: 'name is empty' },
        {
          row: 50_002,
          code: 'DUPLICATE_ROW',
          field: 'employeeId',
          reason: 'employeeId E0000007 already appears in row 9',
        },
        { row: 50_001, code: 'VALIDATION_FAILED', field: 'name', reason: 'name is empty' },
        { row: 75_001, code: 'VALIDATION_FAILED', field: 'name', reason: 'name is empty' },
        { row: 100_001, code: 'VALIDATION_FAILED', field: 'name', reason: 'name is empty' },
      ].sort((a, b) => a.row - b.row),
    );
    expect(report.accepted[0]).toEqual({
      row: 2,
      name: chineseName(0),
      employeeId: 'E0000000',
      phone: '13000000000',
    });
    expect(report.accepted.at(-1)).toEqual({
      row: N,
      name: chineseName(N - 2),
      employeeId: `E00${N - 2}`,
      phone: String(13_000_000_000 + N - 2),
    });
    expect(progress).toHaveLength(101);
    expect(progress[0]).toEqual([1000, undefined]);
    expect(progress.at(-1)).toEqual([N, N]);
  });

  it('reads rich text, formula results and title rows above the header', async () => {
    const file = path.join(dir, 'rich.xlsx');
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Sheet1');
    sheet.addRow(['2026 春节抽奖']);
    sheet.addRow([]);
    sheet.addRow(['序号', 'Name', 'Employee No', 'Mobile']);
    sheet.addRow([
      1,
      { richText: [{ text: '欧阳' }, { text: '娜娜', font: { bold: true } }] },
      'A-1',
      '13800138000',
    ]);
    sheet.addRow([
      2,
      '李四',
      { formula: '"A-"&2', result: 'A-2' },
      { formula: '13900000000+1', result: 13900000001 },
    ]);
    await workbook.xlsx.writeFile(file);
    const report = await importPeople({ path: file });
    expect(report).toMatchObject({ headerRow: 3, total: 2, rejected: [] });
    expect(report.accepted).toEqual([
      { row: 4, name: '欧阳娜娜', employeeId: 'A-1', phone: '13800138000' },
      { row: 5, name: '李四', employeeId: 'A-2', phone: '13900000001' },
    ]);
  });

  it('imports from bytes in memory as well as from a path', async () => {
    const file = await writeXlsx('mem.xlsx', [
      ['姓名', '邮箱'],
      ['张三', 'ZS@Example.com'],
    ]);
    const report = await importPeople({ buffer: readFileSync(file) });
    expect(report.accepted).toEqual([{ row: 2, name: '张三', email: 'zs@example.com' }]);
  });

  it('refuses wrong columns, an empty sheet and too many rows', async () => {
    const noName = await writeXlsx('noname.xlsx', [
      ['工号', '手机'],
      ['E1', '13800138000'],
    ]);
    await expect(importPeople({ path: noName })).rejects.toMatchObject({
      code: 'MISSING_COLUMN',
      field: 'name',
    });
    const empty = await writeXlsx('empty.xlsx', []);
    await expect(importPeople({ path: empty })).rejects.toMatchObject({ code: 'EMPTY_FILE' });
    const headerOnly = await writeXlsx('header.xlsx', [['姓名']]);
    await expect(importPeople({ path: headerOnly })).rejects.toMatchObject({ code: 'EMPTY_FILE' });
    const many = await writeXlsx('many.xlsx', [
      ['姓名'],
      ...Array.from({ length: 30 }, (_, i) => [chineseName(i)]),
    ]);
    await expect(importPeople({ path: many }, { maxRows: 20 })).rejects.toMatchObject({
      code: 'TOO_MANY_ROWS',
    });
  });

  it.each([
    [
      'a ZIP header followed by junk',
      () => Buffer.concat([Buffer.from('504b0304', 'hex'), Buffer.alloc(2000, 7)]),
    ],
    ['a truncated workbook', (good: Buffer) => good.subarray(0, Math.floor(good.length / 2))],
    ['a ZIP without a worksheet', () => zipWith('hello.txt', 'hi')],
    [
      'a workbook with an intact directory but damaged contents',
      (good: Buffer) =>
        Buffer.concat([
          good.subarray(0, 100),
          Buffer.alloc(good.length - 1100, 7),
          good.subarray(good.length - 1000),
        ]),
    ],
    ['an empty ZIP', () => Buffer.from('504b0506' + '00'.repeat(18), 'hex')],
  ])('refuses %s as INVALID_FILE', async (_name, make) => {
    const good = readFileSync(
      await writeXlsx('good.xlsx', [['姓名'], ...Array.from({ length: 500 }, (_, i) => [chineseName(i)])]),
    );
    const bad = path.join(dir, 'bad.xlsx');
    writeFileSync(bad, make(good));
    await expect(importPeople({ path: bad })).rejects.toMatchObject({ code: 'INVALID_FILE' });
  });
});
