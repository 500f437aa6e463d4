import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_BONUS_SETTINGS, MAX_WEIGHT } from './bonusSettings';
import type { BonusSettings } from './bonusSettings';
import { computeWeight, weightBreakdown } from './weight';

const EARLY = 1_000_000;
const settings: BonusSettings = {
  referral: { enabled: true, ticketsPerFriend: 2, maxBonus: 5 },
  earlyBird: { enabled: true, before: EARLY, tickets: 3 },
};

const settingsArb: fc.Arbitrary<BonusSettings> = fc.record({
  referral: fc.record({
    enabled: fc.boolean(),
    ticketsPerFriend: fc.integer({ min: 1, max: 999 }),
    maxBonus: fc.integer({ min: 0, max: 999 }),
  }),
  earlyBird: fc.record({
    enabled: fc.boolean(),
    before: fc.nat(),
    tickets: fc.integer({ min: 1, max: 999 }),
  }),
});

describe('computeWeight', () => {
  it('adds referral tickets up to the cap and early-bird tickets before the time', () => {
    expect(computeWeight({ referralsCount: 0, joinedAt: EARLY, settings })).toBe(1);
    expect(computeWeight({ referralsCount: 1, joinedAt: EARLY, settings })).toBe(3);
    expect(computeWeight({ referralsCount: 2, joinedAt: EARLY, settings })).toBe(5);
    expect(computeWeight({ referralsCount: 3, joinedAt: EARLY, settings })).toBe(6); // capped at 5 bonus
    expect(computeWeight({ referralsCount: 100, joinedAt: EARLY - 1, settings })).toBe(9);
    expect(weightBreakdown({ referralsCount: 1, joinedAt: 0, settings })).toEqual({
      base: 1,
      referral: 2,
      earlyBird: 3,
      total: 6,
    });
  });

  it('ignores disabled rules', () => {
    expect(computeWeight({ referralsCount: 50, joinedAt: 0, settings: DEFAULT_BONUS_SETTINGS })).toBe(1);
  });

  it('clamps to drawcast-v1 weights', () => {
    const big: BonusSettings = {
      referral: { enabled: true, ticketsPerFriend: 999, maxBonus: 999 },
      earlyBird: { enabled: true, before: 10, tickets: 999 },
    };
    expect(
      computeWeight({ base: 1000, referralsCount: Number.MAX_SAFE_INTEGER, joinedAt: 0, settings: big }),
    ).toBe(MAX_WEIGHT);
  });

  it('is always an integer 1..1000, never falls when more friends join, and never exceeds the cap', () => {
    fc.assert(
      fc.property(settingsArb, fc.nat(10_000), fc.nat(10_000), fc.nat(), (s, n, extra, joinedAt) => {
        const w = weightBreakdown({ referralsCount: n, joinedAt, settings: s });
        expect(Number.isInteger(w.total) && w.total >= 1 && w.total <= MAX_WEIGHT).toBe(true);
        expect(w.referral).toBeLessThanOrEqual(s.referral.maxBonus);
        expect(computeWeight({ referralsCount: n + extra, joinedAt, settings: s })).toBeGreaterThanOrEqual(
          w.total,
        );
      }),
    );
  });

  it.each([
    [{ referralsCount: -1, joinedAt: 0 }, 'referralsCount'],
    [{ referralsCount: 1.5, joinedAt: 0 }, 'referralsCount'],
    [{ referralsCount: 0, joinedAt: Number.NaN }, 'joinedAt'],
    [{ referralsCount: 0, joinedAt: 0, base: 0 }, 'base'],
    [{ referralsCount: '3' as unknown as number, joinedAt: 0 }, 'referralsCount'],
  ])('refuses bad input naming the field (%#)', (input, field) => {
    expect(() => computeWeight({ ...input, settings })).toThrow(
      expect.objectContaining({ code: 'VALIDATION_FAILED', field }),
    );
  });
});
