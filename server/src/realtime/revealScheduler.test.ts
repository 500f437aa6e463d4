import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { RevealScheduler, audienceReleaseAt } from './revealScheduler';

describe('audienceReleaseAt', () => {
  it('is the draw instant without a stream delay', () => {
    expect(audienceReleaseAt({ drawnAt: 1000, revealAt: 4000, phoneRevealAt: 4000 })).toBe(1000);
  });
  it('trails the draw by exactly the stream delay', () => {
    expect(audienceReleaseAt({ drawnAt: 1000, revealAt: 4000, phoneRevealAt: 34_000 })).toBe(31_000);
  });
  it('never precedes the draw, even with odd stored values', () => {
    expect(audienceReleaseAt({ drawnAt: 1000, revealAt: 900, phoneRevealAt: 900 })).toBe(1000);
  });
});

describe('RevealScheduler', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('runs at the server instant, once per key', () => {
    const s = new RevealScheduler(() => Date.now());
    const fired: string[] = [];
    const at = Date.now() + 5000;
    s.schedule('r1', at, () => fired.push('r1'));
    s.schedule('r1', at, () => fired.push('r1-again'));
    vi.advanceTimersByTime(4999);
    expect(fired).toEqual([]);
    expect(s.pendingCount).toBe(1);
    vi.advanceTimersByTime(1);
    expect(fired).toEqual(['r1']);
    expect(s.hasRun('r1')).toBe(true);
    s.schedule('r1', at, () => fired.push('r1-late'));
    vi.advanceTimersByTime(10_000);
    expect(fired).toEqual(['r1']);
  });

  it('runs past instants at once and nothing after close', () => {
    const s = new RevealScheduler(() => Date.now());
    const fired: string[] = [];
    s.schedule('past', Date.now() - 10, () => fired.push('past'));
    s.schedule('future', Date.now() + 10, () => fired.push('future'));
    vi.advanceTimersByTime(0);
    expect(fired).toEqual(['past']);
    s.close();
    vi.advanceTimersByTime(100);
    expect(fired).toEqual(['past']);
  });
});
