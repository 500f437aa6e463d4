// CI smoke of the fan-out probe: 300 phones with skewed clocks against a real server (port 0) and the bare
// baseline, one draw. Asserts delivery only; the spread is printed, never timed (figures: docs/BENCHMARKS.md).
import { describe, expect, it } from 'vitest';
import { defaultProbeOptions, runProbe } from './probe/run';

describe('fan-out probe smoke', () => {
  it('every one of 300 phones receives the reveal, from Drawcast and from bare Socket.IO', async () => {
    const result = await runProbe({
      ...defaultProbeOptions,
      phones: 300,
      perChild: 150,
      draws: 1,
      settleMs: 500,
      resyncWindowMs: 1000,
    });
    const { drawcast, bare } = result;
    console.log(
      `probe smoke: Drawcast lag p99 ${drawcast.lagP99} ms, spread ${drawcast.spread} ms; bare lag p99 ${bare?.lagP99} ms`,
    );
    expect(drawcast.failed).toBe(0);
    expect(drawcast.received).toBe(300);
    expect(bare?.received).toBe(300);
    expect(result.payloadBytes).toBeGreaterThan(0);
    // Loose bound only: ±5 s skews must have been corrected to well under a second.
    expect(drawcast.spread).toBeGreaterThanOrEqual(0);
    expect(drawcast.spread).toBeLessThan(2000);
  });
});
