import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  countReferrals,
  evaluateReferral,
  newShareCode,
  parseShareCode,
  shareLink,
  SHARE_CODE_LENGTH,
} from './referral';

describe('share links', () => {
  it('carries a share code that parses back; mangled codes are ignored, not fatal', () => {
    const code = newShareCode(randomBytes);
    expect(code).toHaveLength(SHARE_CODE_LENGTH);
    const link = new URL(shareLink('https://draw.example/j/ABC123?lang=zh', code));
    expect(link.searchParams.get('lang')).toBe('zh');
    expect(parseShareCode(link.searchParams.get('ref'))).toBe(code);
    expect(parseShareCode(code.toLowerCase())).toBe(code);
    expect(parseShareCode(code.slice(0, -1))).toBeNull();
    expect(parseShareCode(null)).toBeNull();
  });
});

describe('evaluateReferral', () => {
  const friend = { id: 'f', isFirstJoin: true, referredBy: null };
  const referrer = { id: 'r', eventId: 'e1' };

  it('counts a friend on their first join through a referrer of the same event', () => {
    expect(evaluateReferral({ eventId: 'e1', friend, referrer })).toEqual({ counted: true, referredBy: 'r' });
  });

  it.each([
    [{ eventId: 'e1', friend, referrer: null }, 'UNKNOWN_CODE'],
    [{ eventId: 'e1', friend, referrer: { id: 'r', eventId: 'e2' } }, 'OTHER_EVENT'],
    [{ eventId: 'e1', friend: { ...friend, id: 'r' }, referrer }, 'SELF_REFERRAL'],
    [{ eventId: 'e1', friend: { ...friend, isFirstJoin: false }, referrer }, 'NOT_FIRST_JOIN'],
    [
      { eventId: 'e1', friend: { ...friend, isFirstJoin: false, referredBy: 'x' }, referrer },
      'ALREADY_REFERRED',
    ],
  ])('does not count %#', (input, reason) => {
    expect(evaluateReferral(input)).toEqual({ counted: false, reason });
  });
});

describe('countReferrals', () => {
  it('counts direct friends who joined by the freeze time, in a chain each for their own referrer', () => {
    const people = [
      { id: 'a', joinedAt: 0, referredBy: null },
      { id: 'b', joinedAt: 1, referredBy: 'a' },
      { id: 'c', joinedAt: 2, referredBy: 'b' },
      { id: 'd', joinedAt: 3, referredBy: 'a' },
      { id: 'e', joinedAt: 9, referredBy: 'a' }, // after the freeze
      { id: 'f', joinedAt: 1, referredBy: 'f' }, // self
      { id: 'g', joinedAt: 1, referredBy: 'zz' }, // not in this event
      { id: 'b', joinedAt: 1, referredBy: 'a' }, // the same friend listed twice counts once
    ];
    expect(Object.fromEntries(countReferrals(people, 5))).toEqual({ a: 2, b: 1 });
    expect(Object.fromEntries(countReferrals(people, 10))).toEqual({ a: 3, b: 1 });
    expect(countReferrals(people, 0).size).toBe(0);
  });

  it('ignores a referrer who joined after the freeze', () => {
    const people = [
      { id: 'late', joinedAt: 10, referredBy: null },
      { id: 'x', joinedAt: 1, referredBy: 'late' },
    ];
    expect(countReferrals(people, 5).size).toBe(0);
  });
});
