import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SPIKE_OPTIONS, JoinRateDetector } from './joinRate';

const T0 = 1_800_000_000_000;

/** Like steady, but the host dismisses any alert at once (a cold start at a busy rate is a spike over 0). */
function learn(d: JoinRateDetector, start: number, perMinute: number, minutes: number) {
  const gap = 60_000 / perMinute;
  for (let i = 0; i < perMinute * minutes; i += 1) {
    d.record(start + i * gap, `198.51.100.${i % 200}`);
    d.dismiss(start + i * gap);
  }
  return start + perMinute * minutes * gap;
}

/** `perMinute` joins a minute, evenly spread, from `source(i)`, for `minutes`; returns the end time. */
function steady(
  d: JoinRateDetector,
  start: number,
  perMinute: number,
  minutes: number,
  source: (i: number) => string,
) {
  const gap = 60_000 / perMinute;
  let started = 0;
  for (let i = 0; i < perMinute * minutes; i += 1)
    if (d.record(start + i * gap, source(i)).started) started += 1;
  return { end: start + perMinute * minutes * gap, started };
}

describe('JoinRateDetector', () => {
  it("does not call a quiet event's first 20 joins a spike (absolute floor)", () => {
    const d = new JoinRateDetector();
    let started = 0;
    for (let i = 0; i < 20; i += 1) if (d.record(T0 + i * 100, `10.0.0.${i}`).started) started += 1;
    expect(started).toBe(0);
    expect(d.status(T0 + 2000)).toMatchObject({ active: false, ratePerMinute: 20, normalPerMinute: 0 });
  });

  it('learns the normal rate and raises a spike at factor × normal, with the flooding address on top', () => {
    const d = new JoinRateDetector();
    const end = learn(d, T0, 100, 10);
    const before = d.status(end);
    expect(before.active).toBe(false);
    expect(before.normalPerMinute).toBeGreaterThan(80);
    expect(before.normalPerMinute).toBeLessThan(120);

    let startedAt = -1;
    for (let i = 0; i < 2000; i += 1) {
      const at = end + i * 10; // 6,000 a minute from one address
      if (d.record(at, '203.0.113.9').started) startedAt = at;
    }
    expect(startedAt).toBeGreaterThan(end);
    const s = d.status(end + 20_000);
    expect(s.active).toBe(true);
    expect(s.since).not.toBeNull();
    expect(s.since!).toBeLessThanOrEqual(end);
    expect(s.ratePerMinute).toBeGreaterThan(5 * s.normalPerMinute);
    expect(s.topSources[0]).toMatchObject({ key: '203.0.113.9' });
    expect(s.topSources[0]!.count).toBeGreaterThanOrEqual(2000);
    // The spike does not teach the baseline, until the host dismisses it as normal.
    expect(s.normalPerMinute).toBe(before.normalPerMinute);
    d.dismiss(end + 20_000);
    expect(d.status(end + 20_000)).toMatchObject({ active: true, dismissed: true });
    for (let i = 0; i < 500; i += 1) d.record(end + 20_000 + i * 10, '203.0.113.9');
    expect(d.status(end + 30_000).normalPerMinute).toBeGreaterThan(before.normalPerMinute);
  });

  it('ends the spike once joins calm down, and keeps memory bounded over many sources', () => {
    const d = new JoinRateDetector();
    for (let i = 0; i < 3000; i += 1) d.record(T0 + i * 5, `ip-${i}`);
    expect(d.status(T0 + 15_000).active).toBe(true);
    expect(d.status(T0 + 15_000).topSources.length).toBeLessThanOrEqual(DEFAULT_SPIKE_OPTIONS.topN);
    const later = d.status(T0 + 15_000 + DEFAULT_SPIKE_OPTIONS.windowMs + 10_000);
    expect(later).toMatchObject({ active: false, ended: true, ratePerMinute: 0 });
  });

  it('never flags a steady rate, whatever it is (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 600 }),
        fc.integer({ min: 0, max: 1_000_000 }),
        (perMinute, offset) => {
          const d = new JoinRateDetector();
          // warm up for 15 minutes, then 15 more must stay quiet
          const warm = steady(d, T0 + offset, perMinute, 15, (i) => `a${i % 7}`);
          const { started } = steady(d, warm.end, perMinute, 15, (i) => `b${i % 7}`);
          expect(started).toBe(0);
        },
      ),
      { numRuns: 40 },
    );
  });

  it('always flags a burst far above both floor and normal (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 100 }),
        fc.integer({ min: 12, max: 40 }),
        (normalPerMinute, burstFactor) => {
          const d = new JoinRateDetector();
          const warm = normalPerMinute > 0 ? learn(d, T0, normalPerMinute, 10) : T0;
          const burst = Math.max(normalPerMinute, DEFAULT_SPIKE_OPTIONS.floorPerMinute) * burstFactor;
          const { started } = steady(d, warm, burst, 1, () => 'x');
          expect(started).toBe(1);
        },
      ),
      { numRuns: 40 },
    );
  });

  it('refuses a window that is not a whole number of buckets', () => {
    expect(() => new JoinRateDetector({ ...DEFAULT_SPIKE_OPTIONS, windowMs: 15_000 })).toThrow(RangeError);
  });
});
