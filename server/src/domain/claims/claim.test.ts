import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { claimsDueForDeadlineForfeit, claimsForDrawnRound, forfeitClaim, redeemClaim } from './claim';
import type { Claim } from './claim';
import { CLAIM_CODE_LENGTH, parseClaimCode } from './claimCode';
import { thrownDrawcastError } from '../testing';

const T0 = Date.UTC(2026, 0, 10, 12, 0, 0);
const noDeadline = { deadline: null };

function round(winners: string[]): { id: string; eventId: string; prizeId: string; winners: string[] } {
  return { id: 'r1', eventId: 'e1', prizeId: 'p1', winners };
}

const thrown = thrownDrawcastError;

describe('claims', () => {
  it('gives each winner a distinct, valid code and their place in draw order', () => {
    const claims = claimsForDrawnRound(round(['b', 'a', 'c']), randomBytes, T0);
    expect(claims.map((c) => [c.participantId, c.place, c.status])).toEqual([
      ['b', 1, 'pending'],
      ['a', 2, 'pending'],
      ['c', 3, 'pending'],
    ]);
    expect(new Set(claims.map((c) => c.code)).size).toBe(3);
    for (const c of claims) {
      expect(c.code).toHaveLength(CLAIM_CODE_LENGTH);
      expect(parseClaimCode(c.code)).toBe(c.code);
    }
  });

  it('redeems once; the second redeem says when and by whom it was redeemed', () => {
    const [claim] = claimsForDrawnRound(round(['a']), randomBytes, T0) as [Claim];
    const redeemed = redeemClaim(claim, {
      code: claim.code,
      at: T0 + 60_000,
      staff: 'desk-2',
      settings: noDeadline,
    });
    expect(redeemed).toMatchObject({ status: 'redeemed', redeemedAt: T0 + 60_000, redeemedBy: 'desk-2' });
    expect(claim.status).toBe('pending');
    const again = thrown(() =>
      redeemClaim(redeemed, { code: claim.code, at: T0 + 120_000, staff: 'desk-3', settings: noDeadline }),
    );
    expect(again.code).toBe('ALREADY_REDEEMED');
    expect(again.message).toContain('2026-01-10T12:01:00.000Z');
    expect(again.message).toContain('desk-2');
  });

  it('says CLAIM_NOT_FOUND for an unknown code and CLAIM_FORFEITED for a forfeited one', () => {
    expect(
      thrown(() => redeemClaim(null, { code: 'X', at: T0, staff: 's', settings: noDeadline })).code,
    ).toBe('CLAIM_NOT_FOUND');
    const [claim] = claimsForDrawnRound(round(['a']), randomBytes, T0) as [Claim];
    const lost = forfeitClaim(claim, {
      code: claim.code,
      at: T0 + 5,
      reason: 'no_show',
      settings: noDeadline,
    });
    const err = thrown(() =>
      redeemClaim(lost, { code: claim.code, at: T0 + 6, staff: 's', settings: noDeadline }),
    );
    expect(err.code).toBe('CLAIM_FORFEITED');
    expect(err.message).toMatch(/no-show/);
  });

  it('treats a pending claim past the deadline as forfeited', () => {
    const settings = { deadline: T0 + 1000 };
    const [claim] = claimsForDrawnRound(round(['a']), randomBytes, T0) as [Claim];
    expect(redeemClaim(claim, { code: claim.code, at: T0 + 999, staff: 's', settings }).status).toBe(
      'redeemed',
    );
    const late = thrown(() => redeemClaim(claim, { code: claim.code, at: T0 + 1000, staff: 's', settings }));
    expect(late.code).toBe('CLAIM_FORFEITED');
    expect(late.message).toContain(new Date(T0 + 1000).toISOString());
  });

  it('forfeits for lateness only once the deadline has passed, for a no-show at any time', () => {
    const settings = { deadline: T0 + 1000 };
    const [claim] = claimsForDrawnRound(round(['a']), randomBytes, T0) as [Claim];
    const early = thrown(() =>
      forfeitClaim(claim, { code: claim.code, at: T0 + 999, reason: 'deadline', settings }),
    );
    expect(early.code).toBe('DEADLINE_NOT_REACHED');
    expect(
      thrown(() =>
        forfeitClaim(claim, { code: claim.code, at: T0, reason: 'deadline', settings: noDeadline }),
      ).message,
    ).toMatch(/no claim deadline/);
    expect(
      forfeitClaim(claim, { code: claim.code, at: T0 + 1000, reason: 'deadline', settings }),
    ).toMatchObject({
      status: 'forfeited',
      forfeitedAt: T0 + 1000,
      forfeitReason: 'deadline',
    });
    expect(
      forfeitClaim(claim, { code: claim.code, at: T0 + 1, reason: 'no_show', settings }).forfeitReason,
    ).toBe('no_show');
  });

  it('never forfeits a redeemed claim or forfeits twice', () => {
    const [claim] = claimsForDrawnRound(round(['a']), randomBytes, T0) as [Claim];
    const redeemed = redeemClaim(claim, { code: claim.code, at: T0 + 1, staff: 's', settings: noDeadline });
    expect(
      thrown(() =>
        forfeitClaim(redeemed, { code: claim.code, at: T0 + 2, reason: 'no_show', settings: noDeadline }),
      ).code,
    ).toBe('ALREADY_REDEEMED');
    const lost = forfeitClaim(claim, {
      code: claim.code,
      at: T0 + 2,
      reason: 'no_show',
      settings: noDeadline,
    });
    expect(
      thrown(() =>
        forfeitClaim(lost, { code: claim.code, at: T0 + 3, reason: 'no_show', settings: noDeadline }),
      ).code,
    ).toBe('CLAIM_FORFEITED');
  });

  it('sweeps only pending claims, and only once the deadline has passed', () => {
    const settings = { deadline: T0 + 1000 };
    const claims = claimsForDrawnRound(round(['a', 'b', 'c']), randomBytes, T0);
    const redeemed = redeemClaim(claims[1], { code: claims[1]!.code, at: T0 + 1, staff: 's', settings });
    const all = [claims[2]!, redeemed, claims[0]!];
    expect(claimsDueForDeadlineForfeit(all, settings, T0 + 999)).toEqual([]);
    expect(claimsDueForDeadlineForfeit(all, settings, T0 + 1000).map((c) => c.participantId)).toEqual([
      'a',
      'c',
    ]);
    expect(claimsDueForDeadlineForfeit(all, noDeadline, T0 + 10 ** 12)).toEqual([]);
  });
});
