import { describe, expect, test } from 'vitest';
import { CODE_ALPHABET, checkClaimCode, codeFromScan, tokenFromScan } from './claimCode';

// A code built with the server's rule: check symbol c makes sum(i * v_i) ≡ 0 (mod 31), weight 10 for c.
function withCheck(body: string): string {
  let sum = 0;
  for (let i = 0; i < body.length; i++) sum += (i + 1) * CODE_ALPHABET.indexOf(body[i]!);
  for (let c = 0; c < 31; c++) if ((10 * c + sum) % 31 === 0) return body + CODE_ALPHABET[c];
  throw new Error('unreachable');
}

describe('checkClaimCode', () => {
  const good = withCheck('ABCDE2345');

  test('accepts a good code typed in any case, with dashes and spaces', () => {
    expect(checkClaimCode(good)).toEqual({ ok: true, code: good });
    const typed = `${good.slice(0, 5).toLowerCase()}-${good.slice(5)} `;
    expect(checkClaimCode(typed)).toEqual({ ok: true, code: good });
  });

  test('catches every single wrong symbol', () => {
    for (let i = 0; i < good.length; i++) {
      for (const s of CODE_ALPHABET) {
        if (s === good[i]) continue;
        const typo = good.slice(0, i) + s + good.slice(i + 1);
        expect(checkClaimCode(typo)).toEqual({ ok: false, problem: 'check' });
      }
    }
  });

  test('catches swaps of two different symbols', () => {
    for (let i = 0; i < good.length; i++) {
      for (let j = i + 1; j < good.length; j++) {
        if (good[i] === good[j]) continue;
        const chars = [...good];
        [chars[i], chars[j]] = [chars[j]!, chars[i]!];
        expect(checkClaimCode(chars.join('')).ok).toBe(false);
      }
    }
  });

  test('names the length and foreign symbols', () => {
    expect(checkClaimCode('ABC')).toEqual({ ok: false, problem: 'length' });
    expect(checkClaimCode('ABCDE0FGHJ')).toEqual({ ok: false, problem: 'symbol', symbol: '0' });
  });
});

describe('codeFromScan', () => {
  test('reads a bare code or a desk URL', () => {
    expect(codeFromScan(' ABCDE-FGHJK ')).toBe('ABCDE-FGHJK');
    expect(codeFromScan('http://10.0.0.2:3000/host#desk&code=ABCDEFGHJK')).toBe('ABCDEFGHJK');
    expect(codeFromScan('https://x/host/desk?code=AB%20CD')).toBe('AB CD');
  });
});

describe('tokenFromScan', () => {
  test('reads a check-in URL or a typed token', () => {
    expect(tokenFromScan('http://10.0.0.2:3000/checkin?token=AbC123')).toBe('AbC123');
    expect(tokenFromScan(' AbC123 ')).toBe('AbC123');
    expect(tokenFromScan('   ')).toBeNull();
  });
});
