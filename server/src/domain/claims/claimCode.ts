// Redemption codes shown to a winner (as text and QR) and typed or scanned by staff.
import { formatHumanCode, generateHumanCode, parseHumanCode } from './humanCode';
import type { RandomBytes } from './humanCode';

/** 9 random symbols (about 44.6 bits) + 1 check symbol: short enough to read out, too many to guess. */
export const CLAIM_CODE_LENGTH = 10;

/** Mints a fresh code for a win; the store must still refuse a (vanishingly unlikely) duplicate. */
export function newClaimCode(randomBytes: RandomBytes): string {
  return generateHumanCode(randomBytes, CLAIM_CODE_LENGTH - 1);
}

/** Turns staff input ("abcde fghjk", "ABCDE-FGHJK") into the stored form, or INVALID_CODE on a typo. */
export function parseClaimCode(input: unknown): string {
  return parseHumanCode(input, CLAIM_CODE_LENGTH, 'code');
}

/** The grouped form printed on the winner's screen. */
export function displayClaimCode(code: string): string {
  return formatHumanCode(code);
}
