import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { estimateOffset, localToServer, sampleOffset, sampleRoundTrip, serverToLocal } from './offset';
import type { ClockSample } from './offset';

/** A sample as a client with clock error `skew` would see it, with given one-way delays and server work. */
function simulate(trueSend: number, skew: number, up: number, work: number, down: number): ClockSample {
  return {
    t0: trueSend + skew,
    t1: trueSend + up,
    t2: trueSend + up + work,
    t3: trueSend + up + work + down + skew,
  };
}

describe('sampleOffset / sampleRoundTrip', () => {
  it('recovers the exact skew with symmetric delays', () => {
    const s = simulate(1_000_000, 4321, 20, 3, 20);
    expect(sampleOffset(s)).toBe(-4321);
    expect(sampleRoundTrip(s)).toBe(40);
  });

  it('errs by at most half the round trip whatever the asymmetry', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -60_000, max: 60_000 }),
        fc.integer({ min: 0, max: 500 }),
        fc.integer({ min: 0, max: 50 }),
        fc.integer({ min: 0, max: 500 }),
        (skew, up, work, down) => {
          const s = simulate(1_700_000_000_000, skew, up, work, down);
          expect(Math.abs(sampleOffset(s) - -skew)).toBeLessThanOrEqual(sampleRoundTrip(s) / 2 + 1e-9);
        },
      ),
    );
  });
});

describe('estimateOffset', () => {
  it('prefers the fastest samples and ignores a slow asymmetric outlier', () => {
    const samples = [
      simulate(0, 5000, 10, 0, 10),
      simulate(100, 5000, 12, 0, 12),
      simulate(200, 5000, 900, 0, 5), // slow and lopsided: offset off by ~450 ms
      simulate(300, 5000, 11, 0, 11),
    ];
    const est = estimateOffset(samples, 3);
    expect(est.offsetMs).toBe(-5000);
    expect(est.samplesUsed).toBe(3);
    expect(est.roundTripMs).toBe(22);
  });

  it('takes the median of the best few', () => {
    const s = (offset: number, rtt: number): ClockSample => ({
      t0: 0,
      t1: offset + rtt / 2,
      t2: offset + rtt / 2,
      t3: rtt,
    });
    expect(estimateOffset([s(10, 4), s(30, 2), s(20, 6), s(1000, 100)], 3).offsetMs).toBe(20);
    expect(estimateOffset([s(10, 4), s(30, 2)], 2).offsetMs).toBe(20);
  });

  it('refuses to guess without a usable sample', () => {
    expect(() => estimateOffset([])).toThrow(RangeError);
    expect(() => estimateOffset([{ t0: 10, t1: 0, t2: 0, t3: 5 }])).toThrow(RangeError);
    expect(() => estimateOffset([{ t0: 0, t1: Number.NaN, t2: 0, t3: 5 }])).toThrow(RangeError);
  });
});

describe('serverToLocal / localToServer', () => {
  it('are inverse and map a server instant onto the skewed local clock', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e6, max: 1e6 }), fc.integer({ min: 0, max: 2e12 }), (offsetMs, t) => {
        expect(localToServer(serverToLocal(t, { offsetMs }), { offsetMs })).toBe(t);
      }),
    );
    // A phone 3 s ahead of the server (offset −3000) must fire 3 s later on its own clock.
    expect(serverToLocal(10_000, { offsetMs: -3000 })).toBe(13_000);
  });
});
