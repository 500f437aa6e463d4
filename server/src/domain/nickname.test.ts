import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { DrawcastError } from '@drawcast/shared';
import { validateNickname } from './nickname';

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (error) {
    if (error instanceof DrawcastError) return `${error.code}:${error.field}`;
    throw error;
  }
  return undefined;
}

describe('validateNickname', () => {
  it('trims and keeps the text as given', () => {
    expect(validateNickname('  Ann <b>&  ')).toBe('Ann <b>&');
    expect(validateNickname('小明')).toBe('小明');
  });

  it('counts emoji and combined characters as one each', () => {
    const family = '👨‍👩‍👧‍👦';
    expect(validateNickname(family.repeat(24))).toBe(family.repeat(24));
    expect(codeOf(() => validateNickname(family.repeat(25)))).toBe('INVALID_NICKNAME:nickname');
  });

  it('refuses empty, too long, control characters, bidi overrides, lone surrogates and non-strings', () => {
    for (const bad of [
      '',
      '   ',
      'a'.repeat(25),
      'a\nb',
      'a\u0000',
      'x\u202Ey',
      'a\uD800',
      42,
      null,
      undefined,
    ]) {
      expect(codeOf(() => validateNickname(bad))).toBe('INVALID_NICKNAME:nickname');
    }
  });

  it('accepts every 1..24 character printable string', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', minLength: 1, maxLength: 24 }), (raw) => {
        const trimmed = raw.trim();
        fc.pre(trimmed.length > 0 && !/[\p{Cc}\u2028\u2029\u202A-\u202E\u2066-\u2069]/u.test(trimmed));
        expect(validateNickname(raw)).toBe(trimmed);
      }),
    );
  });
});
