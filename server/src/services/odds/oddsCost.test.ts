import { describe, expect, it } from 'vitest';
import { EXPENSIVE_ODDS_COST, oddsCost, oddsKey } from './oddsCost';

describe('oddsCost', () => {
  it('is zero where oddsByWeight is O(1): one class, or everyone wins', () => {
    expect(oddsCost({ 1: 5000 }, 100)).toBe(0);
    expect(oddsCost({ 1: 10, 2: 5 }, 15)).toBe(0);
    expect(oddsCost({ 1: 10, 2: 0 }, 3)).toBe(0);
  });

  it('grows with classes and the square of the smaller side of the draw, up to the Fourier crossover', () => {
    expect(oddsCost({ 1: 10, 3: 1, 5: 1 }, 4)).toBe(3 * 4 * 4);
    expect(oddsCost({ 1: 200, 2: 40 }, 230)).toBe(2 * 10 * 10);
    // K = min(k, n − k) above 32: the Fourier form, whose cost does not grow with K.
    expect(oddsCost({ 1: 1800, 2: 150, 5: 50 }, 500)).toBe(3 * 32 * 32);
    expect(oddsCost({ 1: 9000, 3: 1000 }, 5000)).toBe(oddsCost({ 1: 9000, 3: 1000 }, 40));
  });

  it('keeps big rounds of a few classes on the event loop and sends many-class rounds away', () => {
    expect(oddsCost({ 1: 541, 2: 60 }, 300)).toBeLessThanOrEqual(EXPENSIVE_ODDS_COST);
    expect(oddsCost({ 1: 20000, 5: 2000, 20: 200 }, 5000)).toBeLessThanOrEqual(EXPENSIVE_ODDS_COST);
    const tenClasses = Object.fromEntries(Array.from({ length: 10 }, (_, i) => [i + 1, 100_000]));
    expect(oddsCost(tenClasses, 1000)).toBeLessThanOrEqual(EXPENSIVE_ODDS_COST);
    const manyClasses = Object.fromEntries(Array.from({ length: 17 }, (_, i) => [i + 1, 100]));
    expect(oddsCost(manyClasses, 500)).toBeGreaterThan(EXPENSIVE_ODDS_COST);
  });
});

describe('oddsKey', () => {
  it('ignores key order and tells apart counts and k', () => {
    expect(oddsKey({ 2: 3, 1: 10 }, 4)).toBe(oddsKey({ 1: 10, 2: 3 }, 4));
    expect(oddsKey({ 1: 10, 2: 3 }, 4)).not.toBe(oddsKey({ 1: 10, 2: 3 }, 5));
    expect(oddsKey({ 1: 10, 2: 3 }, 4)).not.toBe(oddsKey({ 1: 10, 2: 4 }, 4));
  });
});
