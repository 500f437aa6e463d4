// Shared text checks for user-typed strings (nicknames, titles, prize names).
import { DrawcastError, ErrorCode } from '@drawcast/shared';

const CONTROL_OR_BIDI = /[\p{Cc}\u2028\u2029\u202A-\u202E\u2066-\u2069]/u;
const LONE_SURROGATE = /\p{Cs}/u;
const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
// Printable ASCII: every character is its own grapheme, so the segmenter (~20 µs a nickname) is skipped.
const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;

/** Length as a person counts it (an emoji with skin tone is one), so limits match what users see. */
export function visibleLength(text: string): number {
  if (PRINTABLE_ASCII.test(text)) return text.length;
  let count = 0;
  for (const _ of graphemes.segment(text)) count += 1;
  return count;
}

/** True when the string would not survive UTF-8 encoding unchanged (a lone surrogate), which would break hashing. */
export function hasLoneSurrogate(text: string): boolean {
  return LONE_SURROGATE.test(text);
}

/** True for characters that could break layouts or spoof text direction on screens. */
export function hasControlCharacters(text: string): boolean {
  return CONTROL_OR_BIDI.test(text);
}

/** Options of a single-line text rule. */
export interface SingleLineRule {
  field: string;
  code: ErrorCode;
  min: number;
  max: number;
  label: string;
}

/**
 * Validates a single-line, user-typed string and returns it trimmed; one rule for nickname, title and
 * prize name so they reject the same things the same way.
 */
export function checkSingleLine(value: unknown, rule: SingleLineRule): string {
  if (typeof value !== 'string') {
    throw new DrawcastError(rule.code, `${rule.label} must be a string`, rule.field);
  }
  // A hard cap on raw size first, so a huge string is refused before segmenting it.
  if (value.length > rule.max * 16) {
    throw new DrawcastError(rule.code, `${rule.label} must be at most ${rule.max} characters`, rule.field);
  }
  const trimmed = value.trim();
  if (hasControlCharacters(trimmed) || hasLoneSurrogate(trimmed)) {
    throw new DrawcastError(rule.code, `${rule.label} must not contain control characters`, rule.field);
  }
  const length = visibleLength(trimmed);
  if (length < rule.min || length > rule.max) {
    throw new DrawcastError(
      rule.code,
      `${rule.label} must be ${rule.min} to ${rule.max} characters after trimming`,
      rule.field,
    );
  }
  return trimmed;
}

/** Integer range check with a field-naming error, for counts, weights and durations. */
export function checkInteger(value: unknown, field: string, min: number, max: number): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    throw new DrawcastError(
      ErrorCode.VALIDATION_FAILED,
      `${field} must be an integer from ${min} to ${max}`,
      field,
    );
  }
  return value;
}

/** Boolean check with a field-naming error. */
export function checkBoolean(value: unknown, field: string): boolean {
  if (typeof value !== 'boolean') {
    throw new DrawcastError(ErrorCode.VALIDATION_FAILED, `${field} must be true or false`, field);
  }
  return value;
}
