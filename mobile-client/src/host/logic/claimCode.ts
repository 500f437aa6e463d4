// The redemption code's check symbol, checked in the browser so a typo never reaches the server.
// Same rule as server/src/domain/claims/humanCode.ts (31 symbols, position-weighted sum ≡ 0 mod 31).

/** The code alphabet: no 0/O, 1/I/L. */
export const CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
/** 9 random symbols + 1 check symbol. */
export const CLAIM_CODE_LENGTH = 10;

/** Why a typed code was refused before sending: the desk shows the matching message. */
export type CodeProblem = 'length' | 'symbol' | 'check';

/** Result of checking a typed code. */
export type CodeCheck = { ok: true; code: string } | { ok: false; problem: CodeProblem; symbol?: string };

/** Upper-cases and drops spaces and dashes ("abcde-fghjk" → "ABCDEFGHJK"). */
export function normalizeCode(input: string): string {
  return input.normalize('NFKC').toUpperCase().replace(/[\s-]/g, '');
}

/** Why: catches every single wrong symbol and every swap before a lookup is made. */
export function checkClaimCode(input: string): CodeCheck {
  const code = normalizeCode(input);
  if (code.length !== CLAIM_CODE_LENGTH) return { ok: false, problem: 'length' };
  let sum = 0;
  for (let i = 0; i < code.length; i++) {
    const value = CODE_ALPHABET.indexOf(code[i]!);
    if (value < 0) return { ok: false, problem: 'symbol', symbol: code[i] };
    sum += (i + 1) * value;
  }
  return sum % CODE_ALPHABET.length === 0 ? { ok: true, code } : { ok: false, problem: 'check' };
}

/** Pulls a claim code out of what a QR holds: the bare code, or a desk URL ending in ?code=… / #code=…. */
export function codeFromScan(text: string): string {
  const match = /[?#&]code=([^&#]+)/.exec(text);
  return match ? decodeURIComponent(match[1]!) : text.trim();
}

/** The check-in token of a scanned check-in QR (…/checkin?token=…) or a typed token; null if empty. */
export function tokenFromScan(text: string): string | null {
  const match = /[?#&]token=([^&#]+)/.exec(text);
  const token = match ? decodeURIComponent(match[1]!) : text.trim();
  return token.length > 0 && token.length <= 128 ? token : null;
}
