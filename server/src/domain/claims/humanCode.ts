// Codes people read aloud, type on a phone or scan: random symbols plus one check symbol.
import { DrawcastError, ErrorCode } from '@drawcast/shared';

/**
 * 31 symbols with no 0/O, 1/I/L: a prime count, so the weighted check symbol catches every single
 * mistyped symbol and every swap of two symbols (neighbours or not) before any lookup is made.
 */
export const CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';

const BASE = CODE_ALPHABET.length;
/** Largest multiple of 31 below 256: bytes at or above it are discarded so every symbol is equally likely. */
const BYTE_LIMIT = Math.floor(256 / BASE) * BASE;

/** Injected randomness (crypto.randomBytes on the server, a seeded stream in tests). */
export type RandomBytes = (length: number) => Uint8Array;

function symbolValue(symbol: string): number {
  return CODE_ALPHABET.indexOf(symbol);
}

/**
 * Position i (1-based, the check symbol included) has weight i; the check symbol makes the weighted sum
 * 0 mod 31. Weights 1..30 are distinct and invertible mod 31, so any one wrong symbol and any swap of two
 * symbols changes the sum.
 */
function checkValue(body: string): number {
  let sum = 0;
  for (let i = 0; i < body.length; i++) sum += (i + 1) * symbolValue(body[i]!);
  const weight = body.length + 1;
  // Solve weight * c + sum = 0 (mod 31) by trying the 31 residues: tiny and obviously correct.
  for (let c = 0; c < BASE; c++) if ((weight * c + sum) % BASE === 0) return c;
  throw new Error('unreachable: 31 is prime');
}

/** The check symbol of a code body; exported so tests and other code kinds can reuse the rule. */
export function checkSymbol(body: string): string {
  return CODE_ALPHABET[checkValue(body)]!;
}

/** Draws `bodyLength` uniform symbols from injected bytes and appends the check symbol. */
export function generateHumanCode(randomBytes: RandomBytes, bodyLength: number): string {
  if (!Number.isInteger(bodyLength) || bodyLength < 2 || bodyLength > 29) {
    throw new RangeError(`code body length must be an integer 2..29, got ${bodyLength}`);
  }
  let body = '';
  while (body.length < bodyLength) {
    const bytes = randomBytes(bodyLength - body.length + 4);
    for (const byte of bytes) {
      if (byte >= BYTE_LIMIT) continue;
      body += CODE_ALPHABET[byte % BASE];
      if (body.length === bodyLength) break;
    }
  }
  return body + checkSymbol(body);
}

/** Upper-cases and drops spaces and dashes, so "abcd-efgh" typed on a phone matches "ABCDEFGH". */
export function normalizeHumanCode(input: string): string {
  return input.normalize('NFKC').toUpperCase().replace(/[\s-]/g, '');
}

/**
 * Normalises and checks a typed code, throwing INVALID_CODE (naming `field`) for a wrong length,
 * a symbol outside the alphabet or a failed check symbol, so typos never reach a lookup.
 */
export function parseHumanCode(input: unknown, totalLength: number, field: string): string {
  if (typeof input !== 'string') {
    throw new DrawcastError(ErrorCode.INVALID_CODE, `${field} must be a string`, field);
  }
  const code = normalizeHumanCode(input);
  if (code.length !== totalLength) {
    throw new DrawcastError(
      ErrorCode.INVALID_CODE,
      `${field} must have ${totalLength} characters, got ${code.length}`,
      field,
    );
  }
  for (const symbol of code) {
    if (symbolValue(symbol) < 0) {
      throw new DrawcastError(
        ErrorCode.INVALID_CODE,
        `${field} contains "${symbol}", which codes never use`,
        field,
      );
    }
  }
  const body = code.slice(0, -1);
  if (checkSymbol(body) !== code.slice(-1)) {
    throw new DrawcastError(
      ErrorCode.INVALID_CODE,
      `${field} has a typo (check character does not match)`,
      field,
    );
  }
  return code;
}

/** Splits a code into groups of five for display ("ABCDE-FGHJK"); parseHumanCode accepts either form. */
export function formatHumanCode(code: string): string {
  return code.match(/.{1,5}/g)?.join('-') ?? code;
}
