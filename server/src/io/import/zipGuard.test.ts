import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importPeople } from './importPeople';
import { zipWith } from './testZip';
import { assertUnpackedSize, declaredUnpackedBytes } from './zipGuard';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'drawcast-zipguard-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('zip guard', () => {
  it('sums the unpacked sizes the directory declares', async () => {
    const zip = zipWith('a.txt', 'hello');
    expect(await declaredUnpackedBytes({ buffer: zip }, zip.length)).toBe(5);
    const lying = zipWith('a.txt', 'hello', 3_000_000_000);
    expect(await declaredUnpackedBytes({ buffer: lying }, lying.length)).toBe(3_000_000_000);
  });

  it('refuses a workbook that claims to unpack to gigabytes, before unpacking it', async () => {
    const bomb = zipWith('xl/worksheets/sheet1.xml', '<x/>', 3_000_000_000);
    await expect(importPeople({ buffer: bomb })).rejects.toMatchObject({
      code: 'FILE_TOO_LARGE',
      message: 'the workbook unpacks to 2861.0 MB; the limit is 256.0 MB',
    });
  });

  it('measures a real workbook and applies a custom limit', async () => {
    const file = path.join(dir, 'list.xlsx');
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('名单');
    sheet.addRow(['姓名']);
    for (let i = 0; i < 2000; i++) sheet.addRow([`参与者${i}`]);
    await workbook.xlsx.writeFile(file);
    const size = readFileSync(file).length;
    const unpacked = await declaredUnpackedBytes({ path: file }, size);
    expect(unpacked).toBeGreaterThan(size);
    await expect(assertUnpackedSize({ path: file }, size, unpacked)).resolves.toBeUndefined();
    await expect(importPeople({ path: file }, { maxUnpackedBytes: unpacked - 1 })).rejects.toMatchObject({
      code: 'FILE_TOO_LARGE',
    });
    expect((await importPeople({ path: file }, { maxUnpackedBytes: unpacked })).accepted).toHaveLength(2000);
  });

  it('calls a file without a ZIP directory damaged', async () => {
    const cut = zipWith('a.txt', 'hello').subarray(0, 40);
    await expect(declaredUnpackedBytes({ buffer: cut }, cut.length)).rejects.toMatchObject({
      code: 'INVALID_FILE',
      message: expect.stringContaining('cut short'),
    });
  });
});
