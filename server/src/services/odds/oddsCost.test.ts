import { describe, expect, it } from 'vitest';
import { EXPENSIVE_ODDS_COST, oddsCost, oddsKey } from './oddsCost';

describe('oddsCost', () => {
  it('is zero where oddsByWeight is O(1): one class, or everyone wins', () => {
    expect(oddsCost({ 1: 5000 }, 100)).toBe(0);
    expect(oddsCost({ 1: 10, 2: 5 }, 15)).toBe(0);
    expect(oddsCost({ 1: 10, 2: 0 }, 3)).toBe(0);
  });

  it('grows with classes and the square of the smaller side of the draw', () => {
    expect(oddsCost({ 1: 1800, 2: 150, 5: 50 }, 500)).toBe(3 * 500 * 500);
    expect(oddsCost({ 1: 9000, 3: 1000 }, 9900)).toBe(2 * 100 * 100);
    expect(oddsCost({ 1: 1800, 2: 150, 5: 50 }, 500)).toBeGreaterThan(EXPENSIVE_ODDS_COST);
    expect(oddsCost({ 1: 10, 3: 1, 5: 1 }, 4)).toBeLessThan(EXPENSIVE_ODDS_COST);
  });
});

describe('oddsKey', () => {
  it('ignores key order and tells apart counts and k', () => {
    expect(oddsKey({ 2: 3, 1: 10 }, 4)).toBe(oddsKey({ 1: 10, 2: 3 }, 4));
    expect(oddsKey({ 1: 10, 2: 3 }, 4)).not.toBe(oddsKey({ 1: 10, 2: 3 }, 5));
    expect(oddsKey({ 1: 10, 2: 3 }, 4)).not.toBe(oddsKey({ 1: 10, 2: 4 }, 4));
  });
});
