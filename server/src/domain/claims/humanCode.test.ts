import { randomBytes } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CODE_ALPHABET, checkSymbol, formatHumanCode, generateHumanCode, parseHumanCode } from './humanCode';
import { thrownDrawcastError } from '../testing';

const symbol = fc.constantFrom(...CODE_ALPHABET.split(''));
const body = fc.array(symbol, { minLength: 2, maxLength: 20 }).map((s) => s.join(''));

const codeError = thrownDrawcastError;

describe('human codes', () => {
  it('has 31 distinct symbols without look-alikes', () => {
    expect(new Set(CODE_ALPHABET).size).toBe(31);
    for (const ambiguous of ['0', 'O', '1', 'I', 'L']) expect(CODE_ALPHABET).not.toContain(ambiguous);
  });

  it('generates codes of the asked length that parse back', () => {
    for (let i = 0; i < 200; i++) {
      const code = generateHumanCode(randomBytes, 9);
      expect(code).toMatch(new RegExp(`^[${CODE_ALPHABET}]{10}$`));
      expect(parseHumanCode(code, 10, 'code')).toBe(code);
    }
  });

  it('skips bytes at or above 248 so every symbol is equally likely', () => {
    const stream = [255, 248, 5, 250, 30, 247, 0];
    let pos = 0;
    const bytes = (n: number) => Uint8Array.from({ length: n }, () => stream[pos++ % stream.length]!);
    const code = generateHumanCode(bytes, 4);
    // 5 → A[5], 30 → A[30], 247 → A[247 % 31 = 30], 0 → A[0]
    expect(code.slice(0, 4)).toBe(
      CODE_ALPHABET[5]! + CODE_ALPHABET[30] + CODE_ALPHABET[30] + CODE_ALPHABET[0],
    );
  });

  it('catches every single wrong symbol', () => {
    fc.assert(
      fc.property(body, fc.nat(), symbol, (b, at, replacement) => {
        const code = b + checkSymbol(b);
        const i = at % code.length;
        fc.pre(code[i] !== replacement);
        const typo = code.slice(0, i) + replacement + code.slice(i + 1);
        expect(codeError(() => parseHumanCode(typo, code.length, 'code')).code).toBe('INVALID_CODE');
      }),
    );
  });

  it('catches every swap of two different symbols, adjacent or not', () => {
    fc.assert(
      fc.property(body, fc.nat(), fc.nat(), (b, x, y) => {
        const code = b + checkSymbol(b);
        const i = x % code.length;
        const j = y % code.length;
        fc.pre(code[i] !== code[j]);
        const chars = code.split('');
        [chars[i], chars[j]] = [chars[j]!, chars[i]!];
        expect(() => parseHumanCode(chars.join(''), code.length, 'code')).toThrow(/typo/);
      }),
    );
  });

  it('accepts lower case, spaces and dashes as typed on a phone', () => {
    const code = generateHumanCode(randomBytes, 9);
    expect(parseHumanCode(` ${formatHumanCode(code).toLowerCase()} `, 10, 'code')).toBe(code);
    expect(formatHumanCode(code)).toMatch(/^.{5}-.{5}$/);
  });

  it('names the field and the problem for wrong input', () => {
    expect(codeError(() => parseHumanCode(42, 10, 'code')).field).toBe('code');
    expect(codeError(() => parseHumanCode('ABC', 10, 'code')).message).toMatch(/10 characters, got 3/);
    expect(codeError(() => parseHumanCode('O23456789A', 10, 'token')).message).toMatch(/token contains "O"/);
  });
});
