import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { eligibleCounts, filterEligible, isEligible } from './eligibility';

interface P {
  id: string;
  weight: number;
  hasWon: boolean;
  checkedInAt: number | null;
}

const participants = fc.uniqueArray(
  fc.record({
    id: fc.string({ minLength: 1, maxLength: 4 }),
    weight: fc.integer({ min: 1, max: 4 }),
    hasWon: fc.boolean(),
    checkedInAt: fc.option(fc.integer({ min: 0, max: 10 })),
  }),
  { selector: (p) => p.id, maxLength: 40 },
);

function countByWeight(list: readonly P[]): Record<number, number> {
  const counts: Record<number, number> = {};
  for (const p of list) counts[p.weight] = (counts[p.weight] ?? 0) + 1;
  return counts;
}

describe('eligibility', () => {
  it('eligibleCounts equals counting the filtered list one by one', () => {
    fc.assert(
      fc.property(
        participants,
        fc.boolean(),
        fc.boolean(),
        fc.integer({ min: 0, max: 1000 }),
        (all, excludeWinners, checkedInOnly, pick) => {
          const blocklist = all.filter((_, i) => (pick >> (i % 10)) & 1).map((p) => p.id);
          const round = { excludePreviousWinners: excludeWinners, checkedInOnly, blocklist };
          const base = all.filter(
            (p) => !(excludeWinners && p.hasWon) && !(checkedInOnly && p.checkedInAt === null),
          );
          const eligible = filterEligible(base, blocklist);
          expect(eligible.map((e) => e.id).sort()).toEqual(
            all
              .filter((p) => isEligible(p, round))
              .map((p) => p.id)
              .sort(),
          );
          const blocked = all.filter((p) => blocklist.includes(p.id));
          const fast = eligibleCounts(countByWeight(base), blocked, { excludeWinners, checkedInOnly });
          expect(fast.counts).toEqual(countByWeight(all.filter((p) => isEligible(p, round))));
          expect(fast.total).toBe(eligible.length);
        },
      ),
    );
  });

  it('filterEligible with an empty blocklist returns a copy', () => {
    const entries = [{ id: 'a', weight: 1 }];
    const out = filterEligible(entries, []);
    expect(out).toEqual(entries);
    expect(out).not.toBe(entries);
  });
});
