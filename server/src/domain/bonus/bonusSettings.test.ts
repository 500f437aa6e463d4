import { describe, expect, it } from 'vitest';
import { DEFAULT_BONUS_SETTINGS, parseBonusSettings } from './bonusSettings';

const good = {
  referral: { enabled: true, ticketsPerFriend: 2, maxBonus: 10 },
  earlyBird: { enabled: true, before: 1_700_000_000_000, tickets: 3 },
};

describe('bonus settings', () => {
  it('accepts valid settings and the defaults', () => {
    expect(parseBonusSettings(good)).toEqual(good);
    expect(parseBonusSettings(DEFAULT_BONUS_SETTINGS)).toEqual(DEFAULT_BONUS_SETTINGS);
  });

  it.each([
    [{ ...good, referral: { ...good.referral, ticketsPerFriend: 0 } }, 'bonus.referral.ticketsPerFriend'],
    [{ ...good, referral: { ...good.referral, ticketsPerFriend: 1.5 } }, 'bonus.referral.ticketsPerFriend'],
    [{ ...good, referral: { ...good.referral, maxBonus: -1 } }, 'bonus.referral.maxBonus'],
    [{ ...good, referral: { ...good.referral, maxBonus: 1000 } }, 'bonus.referral.maxBonus'],
    [{ ...good, earlyBird: { ...good.earlyBird, before: 'soon' } }, 'bonus.earlyBird.before'],
    [{ ...good, earlyBird: { ...good.earlyBird, tickets: 0 } }, 'bonus.earlyBird.tickets'],
    [{ ...good, earlyBird: { ...good.earlyBird, ticket: 1 } }, 'bonus.earlyBird'],
    [{ referral: good.referral }, 'bonus.earlyBird'],
  ])('refuses bad settings naming the field (%#)', (input, field) => {
    expect(() => parseBonusSettings(input)).toThrow(
      expect.objectContaining({ code: 'VALIDATION_FAILED', field }),
    );
  });
});
