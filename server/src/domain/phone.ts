// Phone numbers: normalised before hashing so "138 1234 5678" and "13812345678" are the same person.
import { DrawcastError, ErrorCode } from '@drawcast/shared';

/** Shortest accepted number of digits (short local numbers). */
export const PHONE_MIN_DIGITS = 6;
/** Longest number E.164 allows. */
export const PHONE_MAX_DIGITS = 15;

/**
 * Returns the canonical form ('+' kept if typed, then digits only) or throws INVALID_PHONE;
 * separators people type (spaces, dashes, dots, brackets) are dropped, anything else is refused.
 */
export function normalizePhone(value: unknown): string {
  if (typeof value !== 'string' || value.length > 40) {
    throw new DrawcastError(ErrorCode.INVALID_PHONE, 'phone must be a phone number', 'phone');
  }
  const compact = value.trim().replace(/[\s\-.()]/g, '');
  const match = /^(\+?)(\d+)$/.exec(compact);
  const digits = match?.[2] ?? '';
  if (!match || digits.length < PHONE_MIN_DIGITS || digits.length > PHONE_MAX_DIGITS) {
    throw new DrawcastError(
      ErrorCode.INVALID_PHONE,
      `phone must have ${PHONE_MIN_DIGITS} to ${PHONE_MAX_DIGITS} digits`,
      'phone',
    );
  }
  return `${match[1]}${digits}`;
}

/** Display form that lets a winner recognise their number without exposing it: 13812345678 → 138****5678. */
export function maskPhone(normalized: string): string {
  const plus = normalized.startsWith('+') ? '+' : '';
  const digits = normalized.slice(plus.length);
  if (digits.length >= 9) {
    return `${plus}${digits.slice(0, 3)}${'*'.repeat(digits.length - 7)}${digits.slice(-4)}`;
  }
  return `${plus}${'*'.repeat(digits.length - 2)}${digits.slice(-2)}`;
}
