import { describe, expect, it } from 'vitest';
import { audienceReleaseAt, revealDuesOf } from './revealDues';

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

describe('revealDuesOf', () => {
  it('lists stage at the draw, audience at the release and winners at the phone reveal', () => {
    const round = { id: 'rnd_1', eventId: 'evt_1', drawnAt: 1000, revealAt: 4000, phoneRevealAt: 34_000 };
    expect(revealDuesOf(round).map((d) => [d.kind, d.dueAt, d.sentAt])).toEqual([
      ['stage', 1000, null],
      ['audience', 31_000, null],
      ['winners', 34_000, null],
    ]);
  });
});
