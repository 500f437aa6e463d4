import { describe, expect, it } from 'vitest';
import { oddsByWeight } from '@drawcast/shared';
import { ManualClock } from '../testHarness';
import type { OddsRecord } from './oddsCost';
import { RoundOddsCache, type RoundOddsCacheOptions } from './roundOddsCache';

const CHEAP = { 1: 10, 3: 1, 5: 1 };
const CHEAP_NEXT = { 1: 11, 3: 1, 5: 1 };
// 20 weight classes with K past the Fourier crossover: above EXPENSIVE_ODDS_COST.
const EXPENSIVE = Object.fromEntries(Array.from({ length: 20 }, (_, i) => [i + 1, 100]));

/** A cache whose compute functions are counted; background answers are released by hand. */
function countingCache(options: Partial<RoundOddsCacheOptions> = {}) {
  const clock = new ManualClock();
  const calls = { sync: 0, background: 0 };
  const releases: Array<() => void> = [];
  const cache = new RoundOddsCache({
    clock,
    compute: (counts, k) => {
      calls.sync += 1;
      return oddsByWeight(counts, k);
    },
    computeInBackground: (_counts, k) => {
      calls.background += 1;
      return new Promise<OddsRecord>((resolve) => releases.push(() => resolve({ 1: k / 1000, 99: 0.5 })));
    },
    ...options,
  });
  return { clock, calls, releases, cache };
}

describe('RoundOddsCache', () => {
  it('returns the identical odds on a cache hit without recomputing', () => {
    const { cache, calls } = countingCache();
    const first = cache.lookup('r1', CHEAP, 4);
    const second = cache.lookup('r1', { 5: 1, 3: 1, 1: 10 }, 4);
    expect(first).toEqual({ odds: oddsByWeight(CHEAP, 4), exact: true });
    expect(second.odds).toBe(first.odds);
    expect(second.exact).toBe(true);
    expect(calls.sync).toBe(1);
  });

  it('recomputes a changed aggregate at most once per throttle interval, serving the last odds between', () => {
    const { cache, calls, clock } = countingCache({ throttleMs: 250 });
    const first = cache.lookup('r1', CHEAP, 4);
    clock.advance(100);
    expect(cache.lookup('r1', CHEAP_NEXT, 4)).toEqual({ odds: first.odds, exact: false });
    clock.advance(149);
    expect(cache.lookup('r1', CHEAP_NEXT, 4).exact).toBe(false);
    expect(calls.sync).toBe(1);
    clock.advance(1);
    expect(cache.lookup('r1', CHEAP_NEXT, 4)).toEqual({ odds: oddsByWeight(CHEAP_NEXT, 4), exact: true });
    expect(calls.sync).toBe(2);
    // Another round has its own throttle.
    expect(cache.lookup('r2', CHEAP_NEXT, 4).exact).toBe(true);
    expect(calls.sync).toBe(3);
  });

  it('computes single-class aggregates exactly on every lookup, however close together', () => {
    const { cache, calls, clock } = countingCache({ throttleMs: 250 });
    // Five phones join one by one within a millisecond, k = 2: each sees the odds of its own aggregate.
    const seen = [1, 2, 3, 4, 5].map((n) => {
      clock.advance(0.2);
      return cache.lookup('r1', { 1: n }, 2);
    });
    expect(seen.map((l) => l.exact)).toEqual([true, true, true, true, true]);
    expect(seen.map((l) => l.odds![1])).toEqual([1, 1, 2 / 3, 0.5, 0.4].map((p) => expect.closeTo(p, 12)));
    expect(calls.sync).toBe(5);
    // A multi-class aggregate right after is still throttled (the last exact figure, flagged).
    expect(cache.lookup('r2', CHEAP, 4).exact).toBe(true);
    expect(cache.lookup('r2', CHEAP_NEXT, 4)).toMatchObject({ exact: false });
  });

  it('sends expensive aggregates to the background and serves null, then the answer once it lands', async () => {
    const { cache, calls, releases, clock } = countingCache();
    expect(cache.lookup('r1', EXPENSIVE, 500)).toEqual({ odds: null, exact: false });
    clock.advance(1000);
    // Still pending: no second background computation for the same round.
    expect(cache.lookup('r1', EXPENSIVE, 500)).toEqual({ odds: null, exact: false });
    expect(calls).toEqual({ sync: 0, background: 1 });
    releases.shift()?.();
    await cache.settled();
    expect(cache.lookup('r1', EXPENSIVE, 500)).toEqual({ odds: { 1: 0.5, 99: 0.5 }, exact: true });
    // A changed expensive aggregate serves the previous odds (not exact) until its own answer lands.
    const changed = { ...EXPENSIVE, 1: 101 };
    expect(cache.lookup('r1', changed, 500)).toEqual({ odds: { 1: 0.5, 99: 0.5 }, exact: false });
    expect(calls.background).toBe(2);
  });

  it('keeps the last odds when a background computation fails and retries after the interval', async () => {
    const clock = new ManualClock();
    let background = 0;
    const cache = new RoundOddsCache({
      clock,
      compute: oddsByWeight,
      computeInBackground: () => {
        background += 1;
        return Promise.reject(new Error('worker crashed'));
      },
    });
    expect(cache.lookup('r1', EXPENSIVE, 500)).toEqual({ odds: null, exact: false });
    await cache.settled();
    expect(cache.lookup('r1', EXPENSIVE, 500).exact).toBe(false);
    expect(background).toBe(1);
    clock.advance(250);
    cache.lookup('r1', EXPENSIVE, 500);
    expect(background).toBe(2);
  });

  it('evicts the least recently used round beyond capacity, and forgets drawn rounds', () => {
    const { cache, calls } = countingCache({ capacity: 2 });
    cache.lookup('r1', CHEAP, 4);
    cache.lookup('r2', CHEAP, 4);
    cache.lookup('r1', CHEAP, 4);
    cache.lookup('r3', CHEAP, 4);
    expect(cache.size).toBe(2);
    expect(calls.sync).toBe(3);
    cache.lookup('r1', CHEAP, 4);
    expect(calls.sync).toBe(3);
    cache.lookup('r2', CHEAP, 4);
    expect(calls.sync).toBe(4);
    cache.forget('r2');
    expect(cache.size).toBe(1);
  });

  it('refuses a capacity that is not a positive integer', () => {
    expect(() => countingCache({ capacity: 0 })).toThrow(RangeError);
  });
});
