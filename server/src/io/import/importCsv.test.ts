import { mkdtempSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importPeople } from './importPeople';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'drawcast-import-csv-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function file(name: string, content: string | Buffer): { path: string } {
  const p = path.join(dir, name);
  writeFileSync(p, content);
  return { path: p };
}

const BOM = '\uFEFF';

describe('CSV import', () => {
  it('reads UTF-8 with a BOM and Chinese names, row by row with a report', async () => {
    const csv = [
      '姓名,工号,手机,邮箱',
      '张三,E001,138 0013 8000,zhang@example.com',
      '李四,E002,+86-139-1234-5678,',
      ',E003,13700000000,', // no name
      '王五,e001,13600000000,', // duplicate employee id (case-insensitive)
      '赵六,E004,12ab,', // bad phone
      '"欧阳, 娜娜",E005,,', // quoted comma
      '',
      '孙七,E006,1.38001E+10,', // Excel scientific notation
      '周八,E007,,not-an-email',
    ].join('\r\n');
    const report = await importPeople(file('bom.csv', BOM + csv));
    expect(report).toMatchObject({ format: 'csv', encoding: 'utf-8', headerRow: 1, total: 8 });
    expect(report.columns).toEqual({ name: '姓名', employeeId: '工号', phone: '手机', email: '邮箱' });
    expect(report.accepted).toEqual([
      { row: 2, name: '张三', employeeId: 'E001', phone: '13800138000', email: 'zhang@example.com' },
      { row: 3, name: '李四', employeeId: 'E002', phone: '+8613912345678' },
      { row: 7, name: '欧阳, 娜娜', employeeId: 'E005' },
    ]);
    expect(report.rejected).toEqual([
      { row: 4, code: 'VALIDATION_FAILED', field: 'name', reason: 'name is empty' },
      {
        row: 5,
        code: 'DUPLICATE_ROW',
        field: 'employeeId',
        reason: 'employeeId e001 already appears in row 2',
      },
      { row: 6, code: 'INVALID_PHONE', field: 'phone', reason: expect.stringContaining('12ab') },
      {
        row: 9,
        code: 'INVALID_PHONE',
        field: 'phone',
        reason: expect.stringContaining('scientific notation'),
      },
      { row: 10, code: 'VALIDATION_FAILED', field: 'email', reason: expect.stringContaining('not-an-email') },
    ]);
  });

  it('reads the same names without a BOM, with ; or tab delimiters, and after title rows', async () => {
    const plain = await importPeople(file('plain.csv', 'name,phone\n张三,13800138000\n'));
    expect(plain.accepted).toEqual([{ row: 2, name: '张三', phone: '13800138000' }]);
    const semi = await importPeople(file('semi.csv', '2026 年会名单;;\n\n姓名;工号;备注\n李四;A1;"x;y"\n'));
    expect(semi).toMatchObject({
      headerRow: 3,
      total: 1,
      accepted: [{ row: 4, name: '李四', employeeId: 'A1' }],
    });
    const tab = await importPeople({ buffer: Buffer.from('Name\tReceipt No\n王五\tR-9\n') });
    expect(tab.accepted).toEqual([{ row: 2, name: '王五', receipt: 'R-9' }]);
  });

  it('allows the same name twice (two people called 张伟) when their ids differ', async () => {
    const report = await importPeople({ buffer: Buffer.from('姓名,工号\n张伟,1\n张伟,2\n张伟,\n张伟,\n') });
    expect(report.accepted.map((r) => r.row)).toEqual([2, 3, 4, 5]);
  });

  it('refuses GBK with a clear message, or reads it when told the encoding', async () => {
    // "姓名,工号\n张三,E1\n" in GBK
    const gbk = Buffer.concat([
      Buffer.from('D0D5C3FB', 'hex'),
      Buffer.from(','),
      Buffer.from('B9A4BAC5', 'hex'),
      Buffer.from('\n'),
      Buffer.from('D5C5C8FD', 'hex'),
      Buffer.from(',E1\n'),
    ]);
    const source = file('gbk.csv', gbk);
    await expect(importPeople(source)).rejects.toMatchObject({
      code: 'INVALID_ENCODING',
      message: expect.stringContaining('GBK'),
    });
    const report = await importPeople(source, { encoding: 'gb18030' });
    expect(report).toMatchObject({
      encoding: 'gb18030',
      accepted: [{ row: 2, name: '张三', employeeId: 'E1' }],
    });
  });

  it.each([
    ['empty file', '', 'EMPTY_FILE'],
    ['only blank lines', '\r\n\r\n', 'EMPTY_FILE'],
    ['header but no rows', `${BOM}姓名,手机\r\n`, 'EMPTY_FILE'],
    ['no name column', '工号,手机\nE1,13800138000\n', 'MISSING_COLUMN'],
    ['no header at all', '张三,E1\n李四,E2\n', 'MISSING_COLUMN'],
    ['unclosed quote', '姓名,工号\n"张三,E1\n李四,E2\n', 'INVALID_FILE'],
    ['binary junk', Buffer.from([0x00, 0x01, 0x02, 0x03]), 'INVALID_FILE'],
    ['an old .xls', Buffer.from('D0CF11E0A1B11AE1000000', 'hex'), 'INVALID_FILE'],
  ])('refuses %s', async (name, content, code) => {
    const err = await importPeople(file(`${name}.csv`, content)).catch((e: unknown) => e);
    expect(err).toMatchObject({ name: 'DrawcastError', code });
  });

  it('names the missing column and what was found', async () => {
    await expect(importPeople({ buffer: Buffer.from('工号,手机,部门\nE1,138,HR\n') })).rejects.toMatchObject({
      code: 'MISSING_COLUMN',
      field: 'name',
      message: expect.stringContaining('工号, 手机, 部门'),
    });
  });

  it('refuses a 50 MB file from its size alone, before reading it', async () => {
    const big = path.join(dir, 'big.csv');
    writeFileSync(big, '姓名\n');
    truncateSync(big, 50 * 1024 * 1024); // sparse: no 50 MB written, and no row is ever parsed
    await expect(importPeople({ path: big })).rejects.toMatchObject({
      code: 'FILE_TOO_LARGE',
      message: 'the file is 50.0 MB; the limit is 20.0 MB',
    });
    await expect(importPeople({ buffer: Buffer.alloc(1024) }, { maxBytes: 1000 })).rejects.toMatchObject({
      code: 'FILE_TOO_LARGE',
    });
  });

  it('refuses more rows than the limit, importing nothing', async () => {
    const rows = Array.from({ length: 11 }, (_, i) => `人${i}`).join('\n');
    await expect(
      importPeople({ buffer: Buffer.from(`姓名\n${rows}\n`) }, { maxRows: 10 }),
    ).rejects.toMatchObject({
      code: 'TOO_MANY_ROWS',
      message: expect.stringContaining('more than 10'),
    });
    const ok = await importPeople({ buffer: Buffer.from(`姓名\n${rows}\n`) }, { maxRows: 11 });
    expect(ok.accepted).toHaveLength(11);
  });

  it('reports progress as rows are read', async () => {
    const rows = Array.from({ length: 2500 }, (_, i) => `人${i},${i}`).join('\n');
    const calls: Array<[number, number | undefined]> = [];
    const report = await importPeople(
      { buffer: Buffer.from(`姓名,工号\n${rows}\n`) },
      { onProgress: (done, total) => calls.push([done, total]) },
    );
    expect(report.accepted).toHaveLength(2500);
    expect(calls).toEqual([
      [1000, undefined],
      [2000, undefined],
      [2500, 2500],
    ]);
  });

  it('refuses a missing file with a typed error', async () => {
    await expect(importPeople({ path: path.join(dir, 'nope.csv') })).rejects.toMatchObject({
      code: 'INVALID_FILE',
    });
  });
});
