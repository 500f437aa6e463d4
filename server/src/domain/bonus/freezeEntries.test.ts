import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { BonusSettings } from './bonusSettings';
import { freezeEntries } from './freezeEntries';

const settings: BonusSettings = {
  referral: { enabled: true, ticketsPerFriend: 3, maxBonus: 6 },
  earlyBird: { enabled: true, before: 100, tickets: 2 },
};

describe('freezeEntries', () => {
  it('freezes weights from referrals and early-bird as of the freeze time', () => {
    const people = [
      { id: 'host-fan', joinedAt: 50, referredBy: null },
      { id: 'f1', joinedAt: 150, referredBy: 'host-fan' },
      { id: 'f2', joinedAt: 160, referredBy: 'host-fan' },
      { id: 'f3', joinedAt: 170, referredBy: 'host-fan' },
      { id: 'late', joinedAt: 999, referredBy: 'host-fan' },
    ];
    expect(freezeEntries(people, settings, 500)).toEqual([
      { id: 'f1', weight: 1 },
      { id: 'f2', weight: 1 },
      { id: 'f3', weight: 1 },
      { id: 'host-fan', weight: 1 + 6 + 2 },
    ]);
    expect(freezeEntries(people, settings, 155).find((e) => e.id === 'host-fan')?.weight).toBe(1 + 3 + 2);
  });

  it('counts friends who are not eligible themselves (e.g. not checked in)', () => {
    const people = [
      { id: 'a', joinedAt: 200, referredBy: null },
      { id: 'b', joinedAt: 200, referredBy: 'a' },
    ];
    expect(freezeEntries(people, settings, 300, (p) => p.id === 'a')).toEqual([{ id: 'a', weight: 4 }]);
  });

  it('orders ids by UTF-8 bytes, not UTF-16 code units', () => {
    const people = ['\u{1F600}', '\uE000', 'z'].map((id) => ({ id, joinedAt: 500, referredBy: null }));
    // UTF-16 order would put the emoji (0xD83D…) before U+E000; UTF-8 puts EE 80 80 before F0 9F.
    expect(freezeEntries(people, settings, 500).map((e) => e.id)).toEqual(['z', '\uE000', '\u{1F600}']);
  });

  it('gives the same list whatever the input order', () => {
    const person = fc.record({
      id: fc.string({ minLength: 1, maxLength: 6 }).filter((s) => !/[:\n]/.test(s)),
      joinedAt: fc.nat(300),
      referredBy: fc.constant(null as string | null),
    });
    fc.assert(
      fc.property(
        fc.uniqueArray(person, { selector: (p) => p.id, maxLength: 30 }),
        fc.nat(30),
        (list, seed) => {
          const withRefs = list.map((p, i) => ({
            ...p,
            referredBy: list.length ? list[(i * 7 + seed) % list.length]!.id : null,
          }));
          const shuffled = [...withRefs].reverse();
          expect(freezeEntries(shuffled, settings, 200)).toEqual(freezeEntries(withRefs, settings, 200));
        },
      ),
    );
  });

  it('refuses ids that drawcast-v1 cannot carry, and duplicates', () => {
    expect(() => freezeEntries([{ id: 'a:b', joinedAt: 0, referredBy: null }], settings, 1)).toThrow(
      expect.objectContaining({ code: 'VALIDATION_FAILED', field: 'participants[0].id' }),
    );
    const dup = [
      { id: 'a', joinedAt: 0, referredBy: null },
      { id: 'a', joinedAt: 0, referredBy: null },
    ];
    expect(() => freezeEntries(dup, settings, 1)).toThrow(
      expect.objectContaining({ field: 'participants[1].id' }),
    );
  });
});
