// Join codes: short, typed by hand or carried by a QR code, so no look-alike characters.
import { DrawcastError, ErrorCode } from '@drawcast/shared';

/** No 0/O, 1/I/L: a code read off a screen is typed right the first time. */
export const JOIN_CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';

/** Six characters give 31^6 ≈ 887 million codes: collisions are rare and retried. */
export const JOIN_CODE_LENGTH = 6;

const JOIN_CODE_PATTERN = new RegExp(`^[${JOIN_CODE_ALPHABET}]{${JOIN_CODE_LENGTH}}$`);
// Largest multiple of the alphabet size below 256: bytes at or above it are skipped so every character is equally likely.
const UNBIASED_LIMIT = 256 - (256 % JOIN_CODE_ALPHABET.length);

/** Builds a uniformly random code from injected random bytes (rejection sampling, no modulo bias). */
export function generateJoinCode(randomBytes: (n: number) => Uint8Array): string {
  let code = '';
  while (code.length < JOIN_CODE_LENGTH) {
    for (const byte of randomBytes(JOIN_CODE_LENGTH * 2)) {
      if (byte >= UNBIASED_LIMIT) continue;
      code += JOIN_CODE_ALPHABET[byte % JOIN_CODE_ALPHABET.length];
      if (code.length === JOIN_CODE_LENGTH) break;
    }
  }
  return code;
}

/** Accepts what people type (lower case, spaces, dashes) and returns the canonical code, or throws VALIDATION_FAILED. */
export function normalizeJoinCode(value: unknown): string {
  if (typeof value !== 'string' || value.length > 32) {
    throw new DrawcastError(ErrorCode.VALIDATION_FAILED, 'joinCode must be a 6-character code', 'joinCode');
  }
  const code = value.replace(/[\s-]/g, '').toUpperCase();
  if (!JOIN_CODE_PATTERN.test(code)) {
    throw new DrawcastError(
      ErrorCode.VALIDATION_FAILED,
      `joinCode must be ${JOIN_CODE_LENGTH} characters from ${JOIN_CODE_ALPHABET}`,
      'joinCode',
    );
  }
  return code;
}
