import { describe, expect, it } from 'vitest';
import type { ClockSample } from './offset';
import { estimateFromPool, mergeSamples, resyncDelays } from './resync';

/** A sample taken at local time t0 with true offset `offset` (server − local) and round trip `rtt`,
 * the server's stamp placed `lean` of the way through the trip (0.5 = symmetric). */
function sample(t0: number, offset: number, rtt: number, lean = 0.5): ClockSample {
  const t1 = t0 + rtt * lean + offset;
  return { t0, t1, t2: t1, t3: t0 + rtt };
}

describe('mergeSamples', () => {
  it('keeps the quiet samples when a later sync is busy, so the estimate does not get worse', () => {
    const quiet = [sample(1000, 200, 4), sample(1100, 200, 6), sample(1200, 200, 5)];
    const busy = [sample(5000, 200, 400, 0.9), sample(5500, 200, 600, 0.9), sample(6200, 200, 300, 0.9)];
    const pool = mergeSamples(mergeSamples([], quiet, 1300), busy, 6600);
    expect(estimateFromPool(pool).offsetMs).toBeCloseTo(200, 0);
    expect(estimateFromPool(pool).roundTripMs).toBe(5);
  });

  it('replaces busy samples by quiet ones taken later', () => {
    const busy = [sample(0, -3000, 500, 0.9), sample(600, -3000, 450, 0.9), sample(1200, -3000, 700, 0.9)];
    const onlyBusy = estimateFromPool(mergeSamples([], busy, 2000));
    expect(Math.abs(onlyBusy.offsetMs + 3000)).toBeGreaterThan(150);
    const quiet = [sample(20_000, -3000, 8), sample(20_100, -3000, 10), sample(20_200, -3000, 9)];
    const pool = mergeSamples(mergeSamples([], busy, 2000), quiet, 20_300);
    expect(estimateFromPool(pool).offsetMs).toBeCloseTo(-3000, 0);
  });

  it('keeps at most `keep` samples, the fastest', () => {
    const many = Array.from({ length: 20 }, (_, i) => sample(i * 100, 0, 100 - i));
    const pool = mergeSamples([], many, 3000, { keep: 4 });
    expect(pool.map((s) => s.t3 - s.t0)).toEqual([81, 82, 83, 84]);
  });

  it('drops samples older than maxAgeMs (a phone clock drifts)', () => {
    const old = [sample(0, 50, 2)];
    const fresh = [sample(700_000, 50, 40)];
    const pool = mergeSamples(mergeSamples([], old, 10), fresh, 700_100, { maxAgeMs: 600_000 });
    expect(pool).toEqual(fresh);
  });

  it('starts over when the phone clock was set (fresh and kept offsets cannot both be right)', () => {
    const before = [sample(0, 100, 10), sample(100, 100, 12)];
    const after = [sample(60_000, 4100, 30), sample(60_100, 4100, 35)];
    const pool = mergeSamples(mergeSamples([], before, 200), after, 60_200);
    expect(estimateFromPool(pool).offsetMs).toBeCloseTo(4100, 0);
    expect(pool).toHaveLength(2);
  });

  it('ignores unusable samples', () => {
    const bad: ClockSample = { t0: 10, t1: 5, t2: 5, t3: 9 };
    const pool = mergeSamples([], [bad, sample(0, 7, 4)], 100);
    expect(pool).toHaveLength(1);
  });
});

describe('resyncDelays', () => {
  const base = { now: 0, lastResyncAt: null, pending: false };

  it('gives each ping its own moment in the window, spread evenly, in order', () => {
    expect(resyncDelays({ ...base, randoms: [0.5, 0, 0.25], windowMs: 10_000 })).toEqual([0, 2500, 5000]);
    const last = resyncDelays({ ...base, randoms: [0.9999], windowMs: 10_000 });
    expect(last).toHaveLength(1);
    expect(last![0]).toBeLessThan(10_000);
  });

  it('does not schedule again while pings are pending, or soon after the last re-sync', () => {
    expect(resyncDelays({ ...base, pending: true, randoms: [0.3] })).toBeNull();
    expect(
      resyncDelays({ now: 20_000, lastResyncAt: 0, pending: false, randoms: [0.3], minGapMs: 30_000 }),
    ).toBeNull();
    expect(
      resyncDelays({ now: 31_000, lastResyncAt: 0, pending: false, randoms: [0.3], windowMs: 1000 }),
    ).toEqual([300]);
  });
});
