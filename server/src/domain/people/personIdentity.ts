// How an imported person's identifiers are kept: compared by a normalised key (hashed by the service),
// shown masked, never stored in clear.
import { maskPhone } from '../claims/shippingContact';
import type { PersonIdentifier } from '../types';

/** Identifier kinds in the order lists show them. */
export const PERSON_IDENTIFIERS: readonly PersonIdentifier[] = [
  'employeeId',
  'receipt',
  'phone',
  'email',
  'code',
];

/** Longest nickname (the join rule's limit); longer imported names are cut for screens, kept whole for staff. */
export const NICKNAME_MAX = 24;

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/** The key an identifier is hashed under: ids compare without case or width ("e001" = "Ｅ００１" = "E001"). */
export function identifierKey(field: PersonIdentifier, value: string): string {
  return field === 'phone' || field === 'email' ? value : value.normalize('NFKC').toUpperCase();
}

function maskMiddle(value: string, keepStart: number, keepEnd: number): string {
  const chars = Array.from(value);
  if (chars.length <= keepStart + keepEnd) {
    return chars.length <= 1 ? '*' : `${chars[0]}${'*'.repeat(chars.length - 1)}`;
  }
  const hidden = chars.length - keepStart - keepEnd;
  const end = keepEnd === 0 ? '' : chars.slice(-keepEnd).join('');
  return chars.slice(0, keepStart).join('') + '*'.repeat(Math.min(hidden, 6)) + end;
}

/** Enough of an identifier for staff to recognise it (E00****12, 138****5678, a***@mail.com), not to reuse it. */
export function maskIdentifier(field: PersonIdentifier, value: string): string {
  if (field === 'phone') return maskPhone(value);
  if (field === 'email') {
    const at = value.lastIndexOf('@');
    if (at > 0) return `${maskMiddle(value.slice(0, at), 1, 0)}${value.slice(at)}`;
  }
  return maskMiddle(value, 2, 2);
}

/** The name as screens show it: at most NICKNAME_MAX visible characters (a cut emoji would be garbage). */
export function nicknameFromName(name: string): string {
  const trimmed = name.trim();
  // Fewer UTF-16 units than the limit means fewer graphemes too: skip the (slow) segmenter.
  if (trimmed.length <= NICKNAME_MAX) return trimmed;
  let out = '';
  let count = 0;
  for (const { segment } of graphemes.segment(trimmed)) {
    if (count === NICKNAME_MAX) break;
    out += segment;
    count += 1;
  }
  return out;
}
