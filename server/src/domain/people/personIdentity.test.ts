import { describe, expect, it } from 'vitest';
import { identifierKey, maskIdentifier, nicknameFromName, NICKNAME_MAX } from './personIdentity';

describe('person identity', () => {
  it('compares ids without case or full-width forms, phones and emails as normalised by the import', () => {
    expect(identifierKey('employeeId', 'ｅ００１')).toBe('E001');
    expect(identifierKey('receipt', 'r-7a')).toBe('R-7A');
    expect(identifierKey('email', 'ann@x.cn')).toBe('ann@x.cn');
    expect(identifierKey('phone', '+8613800138000')).toBe('+8613800138000');
  });

  it('masks every kind so the clear value cannot be read back', () => {
    expect(maskIdentifier('employeeId', 'E0001234')).toBe('E0****34');
    expect(maskIdentifier('phone', '13812345678')).toBe('138****5678');
    expect(maskIdentifier('email', 'annie@example.com')).toBe('a****@example.com');
    expect(maskIdentifier('receipt', 'AB1')).toBe('A**');
    expect(maskIdentifier('code', 'X')).toBe('*');
    const long = maskIdentifier('receipt', 'R'.repeat(40) + '99');
    expect(long).toBe('RR******99');
  });

  it('cuts long names at whole characters, including emoji and Chinese', () => {
    expect(nicknameFromName('  欧阳娜娜 ')).toBe('欧阳娜娜');
    const name = '👨‍👩‍👧‍👦'.repeat(30);
    const cut = nicknameFromName(name);
    expect(cut).toBe('👨‍👩‍👧‍👦'.repeat(NICKNAME_MAX));
    expect(nicknameFromName('张'.repeat(64))).toHaveLength(NICKNAME_MAX);
  });
});
