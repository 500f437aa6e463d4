import { describe, expect, it } from 'vitest';
import { checkStatusTransition, DEFAULT_EVENT_SETTINGS, mergeSettings, validateTitle } from './eventRules';
import { thrownDrawcastError } from './testing';

const errorOf = thrownDrawcastError;

describe('mergeSettings', () => {
  it('merges known keys over the base and leaves the base untouched', () => {
    const merged = mergeSettings(DEFAULT_EVENT_SETTINGS, { streamDelayMs: 30_000, requirePhone: true });
    expect(merged).toEqual({ ...DEFAULT_EVENT_SETTINGS, streamDelayMs: 30_000, requirePhone: true });
    expect(DEFAULT_EVENT_SETTINGS.streamDelayMs).toBe(0);
    expect(mergeSettings(DEFAULT_EVENT_SETTINGS, undefined)).toEqual(DEFAULT_EVENT_SETTINGS);
  });

  it('names the bad field', () => {
    expect(errorOf(() => mergeSettings(DEFAULT_EVENT_SETTINGS, { streamDelayMs: 60_001 })).field).toBe(
      'settings.streamDelayMs',
    );
    expect(errorOf(() => mergeSettings(DEFAULT_EVENT_SETTINGS, { revealLeadMs: 1.5 })).field).toBe(
      'settings.revealLeadMs',
    );
    expect(errorOf(() => mergeSettings(DEFAULT_EVENT_SETTINGS, { requirePhone: 'yes' })).field).toBe(
      'settings.requirePhone',
    );
    expect(errorOf(() => mergeSettings(DEFAULT_EVENT_SETTINGS, { colour: 'red' })).field).toBe(
      'settings.colour',
    );
    expect(errorOf(() => mergeSettings(DEFAULT_EVENT_SETTINGS, [])).field).toBe('settings');
    expect(errorOf(() => mergeSettings(DEFAULT_EVENT_SETTINGS, { claimDeadline: -1 })).field).toBe(
      'settings.claimDeadline',
    );
    expect(errorOf(() => mergeSettings(DEFAULT_EVENT_SETTINGS, { collectShippingContact: 1 })).field).toBe(
      'settings.collectShippingContact',
    );
    const badBonus = {
      ...DEFAULT_EVENT_SETTINGS.bonus,
      referral: { enabled: true, ticketsPerFriend: 0, maxBonus: 3 },
    };
    const bonusError = errorOf(() => mergeSettings(DEFAULT_EVENT_SETTINGS, { bonus: badBonus }));
    expect(bonusError.field).toBe('settings.bonus.referral.ticketsPerFriend');
    expect(bonusError.message).toMatch(/^settings\.bonus\.referral\.ticketsPerFriend: /);
  });

  it('replaces the bonus rule whole and takes a claim deadline or null', () => {
    const bonus = {
      referral: { enabled: true, ticketsPerFriend: 2, maxBonus: 6 },
      earlyBird: { enabled: true, before: 1_000, tickets: 1 },
    };
    const merged = mergeSettings(DEFAULT_EVENT_SETTINGS, {
      bonus,
      claimDeadline: 5_000,
      collectShippingContact: true,
    });
    expect(merged).toEqual({
      ...DEFAULT_EVENT_SETTINGS,
      bonus,
      claimDeadline: 5_000,
      collectShippingContact: true,
    });
    expect(mergeSettings(merged, { claimDeadline: null }).claimDeadline).toBeNull();
    expect(
      errorOf(() => mergeSettings(DEFAULT_EVENT_SETTINGS, { bonus: { referral: bonus.referral } })).field,
    ).toBe('settings.bonus.earlyBird');
  });
});

describe('checkStatusTransition', () => {
  it('allows draft→open→closed→open and staying put', () => {
    expect(checkStatusTransition('draft', 'open')).toBe('open');
    expect(checkStatusTransition('open', 'closed')).toBe('closed');
    expect(checkStatusTransition('closed', 'open')).toBe('open');
    expect(checkStatusTransition('open', 'open')).toBe('open');
  });

  it('refuses going back to draft (CONFLICT) and unknown statuses (VALIDATION_FAILED)', () => {
    expect(errorOf(() => checkStatusTransition('open', 'draft')).code).toBe('CONFLICT');
    expect(errorOf(() => checkStatusTransition('closed', 'draft')).code).toBe('CONFLICT');
    expect(errorOf(() => checkStatusTransition('open', 'paused')).code).toBe('VALIDATION_FAILED');
  });
});

describe('validateTitle', () => {
  it('trims and refuses empty titles', () => {
    expect(validateTitle('  Spring gala ')).toBe('Spring gala');
    expect(errorOf(() => validateTitle('  ')).field).toBe('title');
  });
});
