import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  CHECKIN_TOKEN_LENGTH,
  checkIn,
  checkinUrl,
  isCheckinEligible,
  newCheckinToken,
  parseCheckinToken,
} from './checkin';

describe('check-in', () => {
  it('mints distinct tokens that survive a round trip through a URL', () => {
    const tokens = new Set(Array.from({ length: 1000 }, () => newCheckinToken(randomBytes)));
    expect(tokens.size).toBe(1000);
    const token = [...tokens][0]!;
    expect(token).toHaveLength(CHECKIN_TOKEN_LENGTH);
    const url = new URL(checkinUrl('https://venue.example/checkin', token));
    expect(url.pathname).toBe('/checkin');
    expect(parseCheckinToken(url.searchParams.get('token'))).toBe(token);
  });

  it('refuses a mistyped token before any lookup', () => {
    const token = newCheckinToken(randomBytes);
    const typo = token.slice(0, 3) + (token[3] === 'A' ? 'B' : 'A') + token.slice(4);
    expect(() => parseCheckinToken(typo)).toThrow(
      expect.objectContaining({ code: 'INVALID_CODE', field: 'token' }),
    );
    expect(() => parseCheckinToken(undefined)).toThrow(expect.objectContaining({ code: 'INVALID_CODE' }));
  });

  it('keeps the first check-in time when a badge is scanned twice', () => {
    const first = checkIn({ checkedInAt: null }, 100);
    expect(first).toEqual({ checkedInAt: 100, alreadyCheckedIn: false });
    expect(checkIn({ checkedInAt: first.checkedInAt }, 200)).toEqual({
      checkedInAt: 100,
      alreadyCheckedIn: true,
    });
  });

  it('limits check-in-only rounds to people who checked in', () => {
    expect(isCheckinEligible({ checkedInAt: null }, { checkedInOnly: true })).toBe(false);
    expect(isCheckinEligible({ checkedInAt: 5 }, { checkedInOnly: true })).toBe(true);
    expect(isCheckinEligible({ checkedInAt: null }, { checkedInOnly: false })).toBe(true);
  });
});
