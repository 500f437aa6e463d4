import { describe, expect, it } from 'vitest';
import { matchHeaderRow, normalizeHeader, requireColumns } from './columns';

describe('header detection', () => {
  it('recognises English and Chinese headers, whatever the width, case and decoration', () => {
    expect(normalizeHeader(' Employee_ID ')).toBe('employeeid');
    expect(normalizeHeader('姓名*')).toBe('姓名');
    expect(normalizeHeader('手机（必填）')).toBe('手机');
    expect(normalizeHeader('Ｅ－ｍａｉｌ')).toBe('email');
    const map = matchHeaderRow(['序号', '姓名*', '工号', '手机号码', 'E-mail', '小票号', '部门'])!;
    expect(map.indexes).toEqual({ name: 1, employeeId: 2, phone: 3, email: 4, receipt: 5 });
    expect(map.headers.name).toBe('姓名*');
  });

  it('is not a header when no cell names a known field', () => {
    expect(matchHeaderRow(['2025 年会抽奖名单', '', ''])).toBeNull();
    expect(matchHeaderRow(['张三', 'E001', '13800138000'])).toBeNull();
  });

  it('uses a custom mapping on top of the built-in names', () => {
    const mapping = { name: 'Guest', code: 'Voucher' };
    const map = matchHeaderRow(['Guest', 'Voucher', 'Phone'], mapping)!;
    expect(map.indexes).toEqual({ name: 0, code: 1, phone: 2 });
    expect(() => requireColumns(map, mapping)).not.toThrow();
    const missing = matchHeaderRow(['Guest', 'Phone'], mapping)!;
    expect(() => requireColumns(missing, mapping)).toThrow(
      expect.objectContaining({
        code: 'MISSING_COLUMN',
        field: 'code',
        message: expect.stringContaining('"Voucher"'),
      }),
    );
  });

  it('names the missing name column and lists what the header has', () => {
    const map = matchHeaderRow(['工号', '手机', '部门'])!;
    expect(() => requireColumns(map)).toThrow(
      expect.objectContaining({
        code: 'MISSING_COLUMN',
        field: 'name',
        message: expect.stringMatching(/姓名.*工号, 手机, 部门/),
      }),
    );
  });

  it('refuses two columns that both look like the same field', () => {
    expect(() => matchHeaderRow(['姓名', 'Name'])).toThrow(
      expect.objectContaining({
        code: 'INVALID_FILE',
        field: 'name',
        message: expect.stringMatching(/columns A .* and B/),
      }),
    );
  });
});
