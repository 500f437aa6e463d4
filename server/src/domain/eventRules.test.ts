import { describe, expect, it } from 'vitest';
import { DrawcastError } from '@drawcast/shared';
import { checkStatusTransition, DEFAULT_EVENT_SETTINGS, mergeSettings, validateTitle } from './eventRules';

function errorOf(fn: () => unknown): DrawcastError {
  try {
    fn();
  } catch (error) {
    if (error instanceof DrawcastError) return error;
    throw error;
  }
  throw new Error('expected a DrawcastError');
}

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
