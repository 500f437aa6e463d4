import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { DrawcastError } from '@drawcast/shared';
import { generateJoinCode, JOIN_CODE_ALPHABET, normalizeJoinCode } from './joinCode';

function fromBytes(bytes: number[]): (n: number) => Uint8Array {
  let position = 0;
  return (n) => {
    const out = new Uint8Array(n);
    for (let i = 0; i < n; i += 1) out[i] = bytes[position++ % bytes.length] ?? 0;
    return out;
  };
}

describe('generateJoinCode', () => {
  it('maps bytes to the alphabet and skips biased bytes', () => {
    // 248..255 are skipped (31 * 8 = 248); 0 → '2', 30 → 'Z', 31 → '2' again.
    expect(generateJoinCode(fromBytes([255, 0, 248, 30, 31, 1, 2, 3]))).toBe('2Z2345');
  });

  it('always yields 6 characters from the alphabet that normalize to themselves', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 255 }), { minLength: 1, maxLength: 40 }), (bytes) => {
        fc.pre(bytes.some((b) => b < 248));
        const code = generateJoinCode(fromBytes(bytes));
        expect(code).toHaveLength(6);
        for (const ch of code) expect(JOIN_CODE_ALPHABET).toContain(ch);
        expect(normalizeJoinCode(code)).toBe(code);
      }),
    );
  });
});

describe('normalizeJoinCode', () => {
  it('accepts lower case, spaces and dashes', () => {
    expect(normalizeJoinCode(' ab2-c3d ')).toBe('AB2C3D');
  });

  it('refuses look-alikes, wrong lengths and non-strings with a joinCode error', () => {
    for (const bad of ['AB0CDE', 'ABCDEI', 'ABCDE', 'ABCDEFG', '', 7, null, 'x'.repeat(1000)]) {
      try {
        normalizeJoinCode(bad);
        expect.unreachable(`accepted ${String(bad)}`);
      } catch (error) {
        expect(error).toBeInstanceOf(DrawcastError);
        expect((error as DrawcastError).field).toBe('joinCode');
      }
    }
  });
});
