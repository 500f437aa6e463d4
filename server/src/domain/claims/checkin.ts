// Venue check-in of imported people: an unguessable token per person (carried by a QR) and the rules
// for rounds limited to checked-in people.
import { generateHumanCode, parseHumanCode } from './humanCode';
import type { RandomBytes } from './humanCode';

/** 15 random symbols (about 74 bits) + 1 check symbol: unguessable, yet still typable if a QR fails. */
export const CHECKIN_TOKEN_LENGTH = 16;

/** Mints the token that an imported person's check-in QR carries. */
export function newCheckinToken(randomBytes: RandomBytes): string {
  return generateHumanCode(randomBytes, CHECKIN_TOKEN_LENGTH - 1);
}

/** Validates a scanned or typed token (INVALID_CODE on a typo) before it is looked up. */
export function parseCheckinToken(input: unknown): string {
  return parseHumanCode(input, CHECKIN_TOKEN_LENGTH, 'token');
}

/** The URL a check-in QR carries (the check-in page plus ?token=), so any phone camera opens it. */
export function checkinUrl(checkinPageUrl: string, token: string): string {
  const url = new URL(checkinPageUrl);
  url.searchParams.set('token', token);
  return url.toString();
}

/** Result of a scan: a second scan is harmless and reports the first check-in time. */
export interface CheckinResult {
  checkedInAt: number;
  alreadyCheckedIn: boolean;
}

/** Check-in is idempotent: the first time is kept, so a double scan at the door changes nothing. */
export function checkIn(person: { checkedInAt: number | null }, at: number): CheckinResult {
  if (person.checkedInAt !== null) return { checkedInAt: person.checkedInAt, alreadyCheckedIn: true };
  return { checkedInAt: at, alreadyCheckedIn: false };
}

/** A round may be limited to people present at the venue; everyone else stays out of its entries. */
export function isCheckinEligible(
  person: { checkedInAt: number | null },
  round: { checkedInOnly: boolean },
): boolean {
  return !round.checkedInOnly || person.checkedInAt !== null;
}
