import { describe, expect, it } from 'vitest';
import type { ThrottleTimers } from './keyedThrottle';
import { MAX_ODDS_INTERVAL_MS, OddsPacer, nextBroadcastAt } from './oddsPacer';

const pacing = { oddsIntervalMs: 250, oddsMessagesPerSecond: 4000 };

describe('nextBroadcastAt', () => {
  it('broadcasts an event at once the first time, and ~4 a second after that', () => {
    expect(nextBroadcastAt(1000, undefined, 0, pacing)).toBe(1000);
    expect(nextBroadcastAt(1000, 900, 0, pacing)).toBe(1150);
    expect(nextBroadcastAt(1000, 500, 0, pacing)).toBe(1000);
  });
  it('waits until the server-wide budget has paid for what was sent', () => {
    expect(nextBroadcastAt(1000, 900, 1400, pacing)).toBe(1400);
    expect(nextBroadcastAt(1000, undefined, 1400, pacing)).toBe(1400);
  });
  it('never leaves an event more than MAX_ODDS_INTERVAL_MS without a broadcast', () => {
    expect(nextBroadcastAt(1000, 900, 60_000, pacing)).toBe(900 + MAX_ODDS_INTERVAL_MS);
    // An event that never broadcast waits at most that long after its first change.
    expect(nextBroadcastAt(3000, undefined, 60_000, pacing, 1000)).toBe(1000 + MAX_ODDS_INTERVAL_MS);
  });
});

/** Fake timers: the test moves time and runs what is due. */
function fakeTimers() {
  let now = 0;
  const due: Array<{ at: number; fn: () => void; id: number }> = [];
  let nextId = 0;
  const timers: ThrottleTimers = {
    now: () => now,
    setTimeout: (fn, ms) => {
      const id = nextId++;
      due.push({ at: now + ms, fn, id });
      return id;
    },
    clearTimeout: (id) => {
      const i = due.findIndex((d) => d.id === id);
      if (i >= 0) due.splice(i, 1);
    },
  };
  const advanceTo = (t: number) => {
    for (;;) {
      due.sort((a, b) => a.at - b.at);
      const next = due[0];
      if (!next || next.at > t) break;
      due.shift();
      now = next.at;
      next.fn();
    }
    now = t;
  };
  return { timers, advanceTo };
}

/** A pacer on fake time whose broadcasts are logged as `key@time`; `sent(key)` is what each one costs. */
function loggedPacer(sent: (key: string) => number) {
  const { timers, advanceTo } = fakeTimers();
  const runs: string[] = [];
  const pacer = new OddsPacer(
    pacing,
    (key) => {
      runs.push(`${key}@${timers.now()}`);
      return sent(key);
    },
    timers,
  );
  return { pacer, runs, advanceTo };
}

describe('OddsPacer', () => {
  it('keeps a join rush into a 2,000-phone room within the message budget, and sends the last change', () => {
    const { pacer, runs, advanceTo } = loggedPacer(() => 2000);
    // A join every millisecond for 3 s.
    for (let t = 0; t < 3000; t++) {
      advanceTo(t);
      pacer.notify('evt');
    }
    advanceTo(10_000);
    // 2,000 messages cost 500 ms of a 4,000/s budget: broadcasts at 0, 500, …, and one after the last join.
    expect(runs).toEqual([0, 500, 1000, 1500, 2000, 2500, 3000].map((t) => `evt@${t}`));
  });

  it('shares one budget between events', () => {
    const { pacer, runs, advanceTo } = loggedPacer(() => 1000);
    pacer.notify('a');
    pacer.notify('b');
    advanceTo(0);
    pacer.notify('a');
    pacer.notify('b');
    advanceTo(2000);
    // Each broadcast costs 250 ms of budget, so they run 250 ms apart; b's second change joins its
    // pending broadcast (which had not run yet), a's gets one of its own.
    expect(runs).toEqual(['a@0', 'b@250', 'a@500']);
  });

  it('a new event is not starved by a huge audience elsewhere', () => {
    // 100,000 phones: each of their broadcasts costs 25 s of a 4,000/s budget.
    const { pacer, runs, advanceTo } = loggedPacer((key) => (key === 'huge' ? 100_000 : 10));
    pacer.notify('huge');
    advanceTo(0);
    pacer.notify('small');
    for (let t = 0; t <= 12_000; t += 100) {
      advanceTo(t);
      pacer.notify('huge');
    }
    expect(runs.filter((r) => r.startsWith('small'))).toEqual([`small@${MAX_ODDS_INTERVAL_MS}`]);
  });

  it('drops pending broadcasts on close', () => {
    const { timers, advanceTo } = fakeTimers();
    let runs = 0;
    const pacer = new OddsPacer(pacing, () => ++runs && 10, timers);
    pacer.notify('a');
    advanceTo(0);
    pacer.notify('a');
    pacer.close();
    advanceTo(10_000);
    expect(runs).toBe(1);
  });
});
