// The odds integral against exact enumeration, its invariants, and its input checks.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DrawErrorCode, DrawInputError } from './errors';
import { oddsByWeight } from './odds';
import { exactInclusion } from './oddsExact';

function countsOf(weights: readonly number[]): Record<number, number> {
  const counts: Record<number, number> = {};
  for (const w of weights) counts[w] = (counts[w] ?? 0) + 1;
  return counts;
}

describe('oddsByWeight', () => {
  it('matches exact enumeration over draw orders for random small rounds (to 1e-10)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.integer({ min: 1, max: 10 }), fc.integer({ min: 1, max: 1000 })), {
          minLength: 2,
          maxLength: 9,
        }),
        fc.nat(),
        (weights, kSeed) => {
          const k = 1 + (kSeed % weights.length);
          const exact = exactInclusion(weights, k);
          const odds = oddsByWeight(countsOf(weights), k);
          weights.forEach((w, i) => expect(Math.abs(odds[w] - exact[i])).toBeLessThan(1e-10));
        },
      ),
      { numRuns: 150 },
    );
  });

  it('sums to k over all entries, for rounds up to 10^5 entries (to 1e-9 relative)', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.integer({ min: 1, max: 1000 }), { minLength: 2, maxLength: 6 }),
        fc.array(fc.integer({ min: 1, max: 20_000 }), { minLength: 6, maxLength: 6 }),
        fc.integer({ min: 1, max: 60 }),
        (weights, counts, kWanted) => {
          const classCounts: Record<number, number> = {};
          weights.forEach((w, i) => (classCounts[w] = counts[i]));
          const n = weights.reduce((sum, _w, i) => sum + counts[i], 0);
          const k = Math.min(kWanted, n - 1);
          const odds = oddsByWeight(classCounts, k);
          const sum = weights.reduce((s, w) => s + classCounts[w] * odds[w], 0);
          expect(Math.abs(sum - k) / k).toBeLessThan(1e-9);
          // A heavier entry is never less likely to win than a lighter one.
          const sorted = [...weights].sort((a, b) => a - b);
          for (let i = 1; i < sorted.length; i++)
            expect(odds[sorted[i]]).toBeGreaterThanOrEqual(odds[sorted[i - 1]]);
        },
      ),
      { numRuns: 40 },
    );
  });

  it('counts entries above t when k is more than half of n, and still sums to k', () => {
    const counts = { 1: 300, 4: 150, 9: 50 };
    for (const k of [250, 251, 400, 499]) {
      const odds = oddsByWeight(counts, k);
      expect(Math.abs(300 * odds[1] + 150 * odds[4] + 50 * odds[9] - k)).toBeLessThan(1e-8);
      expect(odds[9]).toBeLessThanOrEqual(1);
    }
  });

  it('gives exactly k/n for a single class and exactly 1 when k >= n', () => {
    expect(oddsByWeight({ 7: 30 }, 4)).toEqual({ 7: 4 / 30 });
    expect(oddsByWeight({ 1: 3, 5: 2 }, 5)).toEqual({ 1: 1, 5: 1 });
    expect(oddsByWeight({ 1: 3, 5: 2 }, 9)).toEqual({ 1: 1, 5: 1 });
    expect(oddsByWeight({}, 3)).toEqual({});
  });

  it('is k/n for equal weights even when split into one class (the spec: equal weights give k/n)', () => {
    expect(oddsByWeight({ 1: 1_000_000 }, 100)[1]).toBe(100 / 1_000_000);
  });

  it.each([
    ['counts not an object', null, 1, 'INVALID_COUNTS', 'counts'],
    ['counts an array', [3, 4], 1, 'INVALID_COUNTS', 'counts'],
    ['weight key 0', { 0: 5 }, 1, 'INVALID_COUNTS', 'counts.0'],
    ['weight key 1001', { 1001: 5 }, 1, 'INVALID_COUNTS', 'counts.1001'],
    ['weight key 1.5', { '1.5': 5 }, 1, 'INVALID_COUNTS', 'counts.1.5'],
    ['weight key abc', { abc: 5 }, 1, 'INVALID_COUNTS', 'counts.abc'],
    ['weight key 01', { '01': 5 }, 1, 'INVALID_COUNTS', 'counts.01'],
    ['count 0', { 2: 0 }, 1, 'INVALID_COUNTS', 'counts.2'],
    ['count -1', { 2: -1 }, 1, 'INVALID_COUNTS', 'counts.2'],
    ['count 1.5', { 2: 1.5 }, 1, 'INVALID_COUNTS', 'counts.2'],
    ['count "3"', { 2: '3' }, 1, 'INVALID_COUNTS', 'counts.2'],
    ['k 0', { 2: 3 }, 0, 'INVALID_K', 'k'],
    ['k 1.5', { 2: 3 }, 1.5, 'INVALID_K', 'k'],
    ['k "2"', { 2: 3 }, '2', 'INVALID_K', 'k'],
  ])('rejects %s with a typed error naming the field', (_name, counts, k, code, field) => {
    try {
      oddsByWeight(counts as Record<number, number>, k as number);
      expect.fail('expected a DrawInputError');
    } catch (error) {
      expect(error).toBeInstanceOf(DrawInputError);
      expect((error as DrawInputError).code).toBe(code);
      expect((error as DrawInputError).field).toBe(field);
    }
  });

  it('throws only DrawInputError for arbitrary junk', () => {
    fc.assert(
      fc.property(fc.anything(), fc.anything(), (counts, k) => {
        try {
          const odds = oddsByWeight(counts as Record<number, number>, k as number);
          for (const p of Object.values(odds)) expect(p >= 0 && p <= 1).toBe(true);
        } catch (error) {
          expect(error).toBeInstanceOf(DrawInputError);
          expect([DrawErrorCode.INVALID_COUNTS, DrawErrorCode.INVALID_K]).toContain(
            (error as DrawInputError).code,
          );
        }
      }),
    );
  });
});

describe('exactInclusion', () => {
  it('sums to k and gives w/W for k = 1', () => {
    const weights = [1, 2, 3, 10, 10, 1000];
    expect(exactInclusion(weights, 1)).toEqual(weights.map((w) => w / 1026));
    const sum = exactInclusion(weights, 4).reduce((a, b) => a + b, 0);
    expect(sum).toBeCloseTo(4, 12);
  });

  it('rejects too many entries, bad weights and bad k with typed errors', () => {
    expect(() => exactInclusion(new Array(21).fill(1), 1)).toThrow(DrawInputError);
    expect(() => exactInclusion([1, 0], 1)).toThrow(DrawInputError);
    expect(() => exactInclusion([1, 2], 3)).toThrow(DrawInputError);
  });
});
