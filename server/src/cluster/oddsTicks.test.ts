import { describe, expect, it } from 'vitest';
import { OddsTickFilter } from './oddsTicks';

describe('OddsTickFilter', () => {
  it('acts once per change made elsewhere, whichever path brings it first', () => {
    const f = new OddsTickFilter('me');
    expect(f.shouldRefresh({ eventId: 'e', version: 1, origin: 'other' })).toBe(true);
    expect(f.shouldRefresh({ eventId: 'e', version: 1, origin: 'other' })).toBe(false);
    expect(f.shouldRefresh({ eventId: 'e', version: 2, origin: 'other' })).toBe(true);
    expect(f.shouldRefresh({ eventId: 'e', version: 1, origin: 'other' })).toBe(false);
  });

  it("ignores the node's own ticks unless another node's fell in between", () => {
    const f = new OddsTickFilter('me');
    expect(f.shouldRefresh({ eventId: 'e', version: 1, origin: 'me' })).toBe(false);
    expect(f.shouldRefresh({ eventId: 'e', version: 2, origin: 'me' })).toBe(false);
    // Version 3 (another node's) was never heard; version 4 is ours but says something happened.
    expect(f.shouldRefresh({ eventId: 'e', version: 4, origin: 'me' })).toBe(true);
    expect(f.shouldRefresh({ eventId: 'late', version: 2, origin: 'me' })).toBe(true);
  });

  it('does not rebroadcast what existed at start, only what changes after', () => {
    const f = new OddsTickFilter('me');
    f.prime([{ eventId: 'old', version: 7 }]);
    expect(f.shouldRefresh({ eventId: 'old', version: 7, origin: 'other' })).toBe(false);
    expect(f.shouldRefresh({ eventId: 'old', version: 8, origin: 'other' })).toBe(true);
    expect(f.shouldRefresh({ eventId: 'new', version: 1, origin: 'other' })).toBe(true);
  });
});
