import { randomBytes } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { claimsForDrawnRound, forfeitClaim, redeemClaim } from './claim';
import type { Claim } from './claim';
import { assertRedrawable, markRedrawn, planRedraw, redrawEligibleIds } from './redraw';
import { thrownDrawcastError } from '../testing';

const settings = { deadline: null };
const people = ['a', 'b', 'c', 'd', 'e'].map((id) => ({ id, checkedInAt: id === 'e' ? null : 1 }));

function setup(): { claims: Claim[]; forfeited: Claim } {
  const claims = claimsForDrawnRound(
    { id: 'r1', eventId: 'e1', prizeId: 'p1', winners: ['a', 'b'] },
    randomBytes,
    0,
  );
  const forfeited = forfeitClaim(claims[1], { code: claims[1]!.code, at: 5, reason: 'no_show', settings });
  return { claims: [claims[0]!, forfeited], forfeited };
}

const thrown = thrownDrawcastError;

describe('redraw', () => {
  it('plans a k=1 round for the forfeited slot among people who have not won', () => {
    const { claims, forfeited } = setup();
    const plan = planRedraw(forfeited, {
      code: forfeited.code,
      candidates: people,
      eventClaims: claims,
      checkedInOnly: false,
    });
    expect(plan).toEqual({
      replacesClaimCode: forfeited.code,
      eventId: 'e1',
      prizeId: 'p1',
      place: 2,
      k: 1,
      eligibleIds: ['c', 'd', 'e'],
    });
  });

  it('honours check-in-only rounds, the blocklist and winners of other rounds', () => {
    const { claims, forfeited } = setup();
    const plan = planRedraw(forfeited, {
      code: forfeited.code,
      candidates: [...people, { id: 'f', checkedInAt: 3 }],
      eventClaims: claims,
      otherWinnerIds: ['c'],
      blocklist: ['d'],
      checkedInOnly: true,
    });
    expect(plan.eligibleIds).toEqual(['f']);
  });

  it('refuses a redraw of a pending or redeemed win, of an unknown code and of a slot already redrawn', () => {
    const { claims, forfeited } = setup();
    const pending = claims[0]!;
    expect(thrown(() => assertRedrawable(pending, pending.code)).code).toBe('NOT_FORFEITED');
    const redeemed = redeemClaim(pending, { code: pending.code, at: 9, staff: 's', settings });
    expect(thrown(() => assertRedrawable(redeemed, pending.code)).message).toMatch(
      /is redeemed; only a forfeited win/,
    );
    expect(thrown(() => assertRedrawable(null, 'NOPE')).code).toBe('CLAIM_NOT_FOUND');
    const done = markRedrawn(forfeited, 'r2');
    expect(done.redrawRoundId).toBe('r2');
    expect(thrown(() => markRedrawn(done, 'r3')).code).toBe('ALREADY_REDRAWN');
  });

  it('says NOT_ENOUGH_ENTRIES when everyone left has won', () => {
    const { claims, forfeited } = setup();
    const err = thrown(() =>
      planRedraw(forfeited, {
        code: forfeited.code,
        candidates: people.slice(0, 2),
        eventClaims: claims,
        checkedInOnly: false,
      }),
    );
    expect(err.code).toBe('NOT_ENOUGH_ENTRIES');
    expect(err.message).toMatch(/no participant is eligible/);
  });

  it('never lets a winner, a blocked or an absent person in, and keeps everyone else', () => {
    const id: fc.Arbitrary<string> = fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f', 'g');
    fc.assert(
      fc.property(
        fc.array(fc.record({ id, checkedInAt: fc.option(fc.nat(), { nil: null }) })),
        fc.array(id),
        fc.array(id),
        fc.boolean(),
        (candidates, winners, blocklist, checkedInOnly) => {
          const eligible = redrawEligibleIds({
            candidates,
            eventWinnerIds: winners,
            blocklist,
            checkedInOnly,
          });
          expect(new Set(eligible).size).toBe(eligible.length);
          const expected = new Set(
            candidates
              .filter((c) => !winners.includes(c.id) && !blocklist.includes(c.id))
              .filter((c) => !checkedInOnly || c.checkedInAt !== null)
              .map((c) => c.id),
          );
          // A candidate listed twice counts by its first row, as the store has one row per id.
          const firstRows = new Map<string, (typeof candidates)[number]>();
          for (const c of candidates) if (!firstRows.has(c.id)) firstRows.set(c.id, c);
          for (const e of eligible) expect(expected.has(e)).toBe(true);
          for (const [cid, c] of firstRows) {
            const keep =
              !winners.includes(cid) &&
              !blocklist.includes(cid) &&
              (!checkedInOnly || c.checkedInAt !== null);
            expect(eligible.includes(cid)).toBe(keep);
          }
        },
      ),
    );
  });
});
