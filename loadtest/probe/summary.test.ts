import { describe, expect, it } from 'vitest';
import type { PhoneRecord } from './fleetProtocol';
import { skewOf } from './fleetProtocol';
import { summarize } from './summary';

const record = (index: number, receivedAt: number, localRevealTrue: number): PhoneRecord => ({
  index,
  skewMs: 0,
  syncErrorMs: index - 2,
  receivedAt,
  revealAt: 10_000,
  localRevealTrue,
});

describe('summarize', () => {
  it('measures lag from revealAt − lead, the spread of reveal instants, and who had it in time', () => {
    const s = summarize(
      [record(0, 5_010, 10_000), record(1, 5_030, 10_004), record(2, 10_050, 9_990), record(3, NaN, NaN)],
      4,
      5_000,
    );
    expect(s.received).toBe(3);
    expect(s.lagP50).toBe(30);
    expect(s.lagMax).toBe(5_050);
    expect(s.spread).toBe(14);
    expect(s.syncErrorMax).toBe(2);
    expect(s.aheadShare).toBe(0.5);
  });
});

describe('skewOf', () => {
  it('stays within ±max and differs between phones', () => {
    const skews = Array.from({ length: 1000 }, (_, i) => skewOf(i, 5000));
    expect(Math.max(...skews.map(Math.abs))).toBeLessThanOrEqual(5000);
    expect(new Set(skews).size).toBeGreaterThan(900);
  });
});
