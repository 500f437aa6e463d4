// The server's nickname rule (shared/ nicknameSchema) without zod, so the join page stays small.

// C0/C1 controls, line separators and bidi overrides/isolates: the same set the server refuses.
const CONTROL_OR_BIDI = /[\p{Cc}\u2028\u2029\u202A-\u202E\u2066-\u2069]/u;
const LONE_SURROGATE = /\p{Cs}/u;

/** Why a nickname is refused before sending; null when it is fine. */
export type NicknameProblem = 'empty' | 'tooLong' | 'control' | null;

/** Characters as a person counts them (an emoji with a skin tone is one), as the server counts. */
export function visibleLength(text: string): number {
  if (/^[\x20-\x7E]*$/.test(text)) return text.length;
  if (typeof Intl !== 'undefined' && 'Segmenter' in Intl) {
    let count = 0;
    for (const _ of new Intl.Segmenter(undefined, { granularity: 'grapheme' }).segment(text)) count += 1;
    return count;
  }
  return Array.from(text).length;
}

/** Checks a typed nickname with the server's rule (1–24 characters after trimming, no control characters). */
export function nicknameProblem(raw: string): NicknameProblem {
  const text = raw.trim();
  if (CONTROL_OR_BIDI.test(text) || LONE_SURROGATE.test(text)) return 'control';
  const n = visibleLength(text);
  if (n < 1) return 'empty';
  if (n > 24 || raw.length > 24 * 16) return 'tooLong';
  return null;
}
