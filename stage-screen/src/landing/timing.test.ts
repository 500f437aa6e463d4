import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  easeOutQuart,
  progressAt,
  reelStopTimes,
  serverToLocalMs,
  turnsForDuration,
  valueAt,
} from './timing';

describe('easing and timing', () => {
  it('starts at 0, ends exactly at 1 and never goes back', () => {
    expect(easeOutQuart(0)).toBe(0);
    expect(easeOutQuart(1)).toBe(1);
    let prev = 0;
    for (let i = 1; i <= 1000; i++) {
      const v = easeOutQuart(i / 1000);
      expect(v).toBeGreaterThanOrEqual(prev);
      prev = v;
    }
  });

  it('reaches the target exactly at endAt (= revealAt on the local clock) and not before', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 2e12 }),
        fc.integer({ min: 1, max: 60_000 }),
        fc.double({ min: -1e4, max: 1e4, noNaN: true }),
        fc.double({ min: 1, max: 1e4, noNaN: true }),
        fc.integer({ min: -100_000, max: 100_000 }),
        (revealAtServer, duration, from, distance, offset) => {
          const endAt = serverToLocalMs(revealAtServer, offset);
          const m = { startAt: endAt - duration, endAt, from, to: from + distance };
          expect(valueAt(m, endAt)).toBe(m.to);
          expect(valueAt(m, endAt + 5)).toBe(m.to);
          expect(valueAt(m, m.startAt)).toBe(from);
          if (duration > 4) expect(valueAt(m, endAt - duration / 4)).toBeLessThan(m.to);
          expect(progressAt(m, endAt)).toBe(1);
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('converts server time with the clock offset (server − local)', () => {
    expect(serverToLocalMs(10_000, 250)).toBe(9_750);
    expect(serverToLocalMs(10_000, -250)).toBe(10_250);
  });

  it('spins more turns when there is more time, within 1..12', () => {
    expect(turnsForDuration(0)).toBe(1);
    expect(turnsForDuration(5000)).toBe(6);
    expect(turnsForDuration(60_000)).toBe(12);
  });

  it('stops reels one by one, the last exactly at endAt, none before the start', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1e9 }),
        fc.integer({ min: 0, max: 30_000 }),
        fc.integer({ min: 1, max: 5 }),
        (start, span, reels) => {
          const stops = reelStopTimes(start, start + span, reels);
          expect(stops).toHaveLength(reels);
          expect(stops[reels - 1]).toBe(start + span);
          for (let i = 1; i < reels; i++) expect(stops[i]!).toBeGreaterThanOrEqual(stops[i - 1]!);
          for (const s of stops) expect(s).toBeGreaterThanOrEqual(start);
        },
      ),
      { numRuns: 2000 },
    );
  });
});
