import type { JoinSpikeDto } from '@drawcast/shared';
import { describe, expect, it } from 'vitest';
import { actionableSources, nextSpike, sourceTag, timesNormal, visibleSpike } from './spike';

const spike = (over: Partial<JoinSpikeDto> = {}): JoinSpikeDto => ({
  eventId: 'evt_1',
  active: true,
  dismissed: false,
  since: 1000,
  ratePerMinute: 1200,
  normalPerMinute: 40,
  thresholdPerMinute: 200,
  topSources: [
    { ipKey: 'a'.repeat(16), ipMasked: '203.0.113.*', joins: 2000, overcount: 0, entriesSince: 500 },
    { ipKey: 'b'.repeat(16), ipMasked: '198.51.100.*', joins: 3, overcount: 0, entriesSince: 0 },
  ],
  at: 5000,
  ...over,
});

describe('join-spike banner logic', () => {
  it('shows only an active, undismissed spike of the open event', () => {
    expect(visibleSpike(spike(), 'evt_1')).not.toBeNull();
    expect(visibleSpike(spike(), 'evt_2')).toBeNull();
    expect(visibleSpike(spike({ dismissed: true }), 'evt_1')).toBeNull();
    expect(visibleSpike(spike({ active: false }), 'evt_1')).toBeNull();
    expect(visibleSpike(null, 'evt_1')).toBeNull();
  });

  it('says how far above normal, or nothing before a normal exists', () => {
    expect(timesNormal(spike())).toBe('30');
    expect(timesNormal(spike({ ratePerMinute: 90, normalPerMinute: 40 }))).toBe('2.3');
    expect(timesNormal(spike({ normalPerMinute: 0 }))).toBeNull();
  });

  it('offers the batch action only for busy sources with entries not taken yet', () => {
    expect(actionableSources(spike()).map((s) => s.ipMasked)).toEqual(['203.0.113.*']);
    const [flood] = spike().topSources;
    const quiet = { ...flood!, joins: 9, entriesSince: 9 };
    const taken = { ...flood!, entriesSince: 0 };
    expect(actionableSources(spike({ topSources: [quiet, taken] }))).toEqual([]);
    expect(sourceTag(flood!)).toBe('#aaaa');
  });

  it('keeps the newest reading of the open event', () => {
    const older = spike({ at: 1 });
    const newer = spike({ at: 2 });
    expect(nextSpike(older, newer, 'evt_1')).toBe(newer);
    expect(nextSpike(newer, older, 'evt_1')).toBe(newer);
    expect(nextSpike(newer, spike({ eventId: 'evt_2', at: 9 }), 'evt_1')).toBe(newer);
  });
});
