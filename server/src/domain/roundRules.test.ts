import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { DEFAULT_EVENT_SETTINGS } from './eventRules';
import {
  currentRoundOf,
  isRevealed,
  publicRoundState,
  revealTimes,
  validatePublicEntropy,
  validateRoundInput,
} from './roundRules';
import { thrownDrawcastError } from './testing';

const PRIZE = 'prz_AAAAAAAAAAAAAAAA';

const errorOf = thrownDrawcastError;

describe('validateRoundInput', () => {
  it('takes the exclusion default from the event and dedupes the blocklist', () => {
    const input = validateRoundInput(
      { prizeId: PRIZE, winners: 500, blocklist: ['a', 'a', 'b'] },
      DEFAULT_EVENT_SETTINGS,
    );
    expect(input).toEqual({
      prizeId: PRIZE,
      k: 500,
      excludePreviousWinners: true,
      checkedInOnly: false,
      blocklist: ['a', 'b'],
    });
    expect(
      validateRoundInput({ prizeId: PRIZE, winners: 1, checkedInOnly: true }, DEFAULT_EVENT_SETTINGS)
        .checkedInOnly,
    ).toBe(true);
    const off = { ...DEFAULT_EVENT_SETTINGS, excludePreviousWinnersDefault: false };
    expect(validateRoundInput({ prizeId: PRIZE, winners: 1 }, off).excludePreviousWinners).toBe(false);
    expect(
      validateRoundInput({ prizeId: PRIZE, winners: 1, excludePreviousWinners: true }, off)
        .excludePreviousWinners,
    ).toBe(true);
  });

  it('names the bad field', () => {
    expect(
      errorOf(() => validateRoundInput({ prizeId: PRIZE, winners: 0 }, DEFAULT_EVENT_SETTINGS)).field,
    ).toBe('winners');
    expect(
      errorOf(() => validateRoundInput({ prizeId: PRIZE, winners: '3' }, DEFAULT_EVENT_SETTINGS)).field,
    ).toBe('winners');
    expect(errorOf(() => validateRoundInput({ prizeId: 'x', winners: 1 }, DEFAULT_EVENT_SETTINGS)).code).toBe(
      'PRIZE_NOT_FOUND',
    );
    expect(
      errorOf(() =>
        validateRoundInput({ prizeId: PRIZE, winners: 1, blocklist: [1] }, DEFAULT_EVENT_SETTINGS),
      ).field,
    ).toBe('blocklist');
    expect(
      errorOf(() =>
        validateRoundInput({ prizeId: PRIZE, winners: 1, excludePreviousWinners: 1 }, DEFAULT_EVENT_SETTINGS),
      ).field,
    ).toBe('excludePreviousWinners');
    expect(
      errorOf(() =>
        validateRoundInput({ prizeId: PRIZE, winners: 1, checkedInOnly: 'yes' }, DEFAULT_EVENT_SETTINGS),
      ).field,
    ).toBe('checkedInOnly');
  });
});

describe('validatePublicEntropy', () => {
  it('accepts any well-formed text up to 1000 characters', () => {
    expect(validatePublicEntropy('')).toBe('');
    expect(validatePublicEntropy('lotto 3 14 15 92 🎲')).toBe('lotto 3 14 15 92 🎲');
  });

  it('refuses non-strings, lone surrogates and long strings', () => {
    for (const bad of [42, null, 'a\uDC00', 'x'.repeat(1001)]) {
      expect(errorOf(() => validatePublicEntropy(bad)).field).toBe('publicEntropy');
    }
  });
});

describe('reveal timing', () => {
  it('puts the phones behind the stage by the stream delay', () => {
    const settings = { ...DEFAULT_EVENT_SETTINGS, revealLeadMs: 4000, streamDelayMs: 20_000 };
    expect(revealTimes(1000, settings)).toEqual({ drawnAt: 1000, revealAt: 5000, phoneRevealAt: 25_000 });
  });

  it('is revealed exactly from phoneRevealAt on, and only once drawn', () => {
    fc.assert(
      fc.property(fc.nat(1e9), fc.integer({ min: -5000, max: 5000 }), (at, delta) => {
        const round = { status: 'drawn' as const, phoneRevealAt: at };
        expect(isRevealed(round, at + delta)).toBe(delta >= 0);
        expect(publicRoundState(round, at + delta)).toBe(delta >= 0 ? 'revealed' : 'drawn');
      }),
    );
    expect(isRevealed({ status: 'committed', phoneRevealAt: null }, 1e12)).toBe(false);
    expect(publicRoundState({ status: 'cancelled', phoneRevealAt: null }, 0)).toBe('cancelled');
  });
});

describe('currentRoundOf', () => {
  it('picks the oldest committed round', () => {
    const rounds = [
      { id: 'a', status: 'drawn' as const, createdAt: 1 },
      { id: 'b', status: 'committed' as const, createdAt: 3 },
      { id: 'c', status: 'committed' as const, createdAt: 2 },
      { id: 'd', status: 'cancelled' as const, createdAt: 0 },
    ];
    expect(currentRoundOf(rounds)?.id).toBe('c');
    expect(currentRoundOf(rounds.slice(0, 1))).toBeNull();
  });
});
