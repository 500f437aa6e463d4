import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { KeyedThrottle } from './keyedThrottle';
import type { ThrottleTimers } from './keyedThrottle';

const fakeTimers: ThrottleTimers = {
  now: () => Date.now(),
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
};

describe('KeyedThrottle', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('runs at most once per interval per key, and after the last notify', () => {
    const runs: Array<[string, number]> = [];
    const t = new KeyedThrottle(250, (key) => runs.push([key, Date.now()]), fakeTimers);
    const start = Date.now();
    // 1,000 notifications over 1 s for event a (one per ms), one for event b.
    for (let ms = 0; ms < 1000; ms++) {
      t.notify('a');
      if (ms === 10) t.notify('b');
      vi.advanceTimersByTime(1);
    }
    vi.advanceTimersByTime(1000);
    const a = runs.filter(([k]) => k === 'a').map(([, at]) => at - start);
    const b = runs.filter(([k]) => k === 'b');
    expect(b).toHaveLength(1);
    expect(a.length).toBeGreaterThanOrEqual(4);
    expect(a.length).toBeLessThanOrEqual(5);
    for (let i = 1; i < a.length; i++) expect(a[i]! - a[i - 1]!).toBeGreaterThanOrEqual(250);
    // Trailing edge: the last run happens after the last notify (at 999 ms).
    expect(a[a.length - 1]!).toBeGreaterThanOrEqual(999);
  });

  it('runs promptly when idle and never after close', () => {
    const runs: string[] = [];
    const t = new KeyedThrottle(250, (key) => runs.push(key), fakeTimers);
    t.notify('x');
    vi.advanceTimersByTime(0);
    expect(runs).toEqual(['x']);
    t.notify('x');
    t.close();
    vi.advanceTimersByTime(1000);
    expect(runs).toEqual(['x']);
  });

  it('accepts an interval that depends on the key', () => {
    const runs: Array<[string, number]> = [];
    const t = new KeyedThrottle(
      (key) => (key === 'big' ? 1000 : 250),
      (key) => runs.push([key, Date.now()]),
      fakeTimers,
    );
    const start = Date.now();
    for (let ms = 0; ms < 2000; ms += 10) {
      t.notify('big');
      t.notify('small');
      vi.advanceTimersByTime(10);
    }
    vi.advanceTimersByTime(2000);
    const count = (key: string) => runs.filter(([k]) => k === key).length;
    expect(count('big')).toBeLessThanOrEqual(3);
    expect(count('small')).toBeGreaterThanOrEqual(8);
    expect(runs.every(([, at]) => at >= start)).toBe(true);
  });
});
