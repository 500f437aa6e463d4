import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { DrawcastError } from '@drawcast/shared';
import { maskPhone, normalizePhone } from './phone';

describe('normalizePhone', () => {
  it('drops separators and keeps a leading plus', () => {
    expect(normalizePhone(' 138 1234-5678 ')).toBe('13812345678');
    expect(normalizePhone('+86 (138) 1234.5678')).toBe('+8613812345678');
  });

  it('refuses letters, too few or too many digits, inner plus and non-strings with INVALID_PHONE', () => {
    for (const bad of [
      '12345',
      '1'.repeat(16),
      '138abc45678',
      '13+812345678',
      '',
      '++123456',
      13812345678,
      null,
    ]) {
      try {
        normalizePhone(bad);
        expect.unreachable(`accepted ${String(bad)}`);
      } catch (error) {
        expect(error).toBeInstanceOf(DrawcastError);
        expect((error as DrawcastError).code).toBe('INVALID_PHONE');
        expect((error as DrawcastError).field).toBe('phone');
      }
    }
  });
});

describe('maskPhone', () => {
  it('masks the middle of a mobile number', () => {
    expect(maskPhone('13812345678')).toBe('138****5678');
    expect(maskPhone('+8613812345678')).toBe('+861******5678');
    expect(maskPhone('123456')).toBe('****56');
  });

  it('keeps the length and never shows more than 7 digits', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\+?\d{6,15}$/), (raw) => {
        const masked = maskPhone(normalizePhone(raw));
        expect(masked).toHaveLength(raw.length);
        expect(masked.replace(/\D/g, '').length).toBeLessThanOrEqual(7);
        expect(masked).toContain('*');
      }),
    );
  });
});
