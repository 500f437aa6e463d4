import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { DrawcastError } from '@drawcast/shared';
import { minimumPrizeQuantity, prizeCapacity, validatePrizeInput, validatePrizePatch } from './prizeRules';

function fieldOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (error) {
    if (error instanceof DrawcastError) return error.field;
    throw error;
  }
  return 'accepted';
}

describe('validatePrizeInput', () => {
  it('fills defaults and trims', () => {
    expect(validatePrizeInput({ name: ' TV ', quantity: 2 })).toEqual({
      name: 'TV',
      description: '',
      imageUrl: null,
      quantity: 2,
    });
    expect(validatePrizeInput({ name: 'TV', quantity: 1, imageUrl: '/img/tv.png' }).imageUrl).toBe(
      '/img/tv.png',
    );
    expect(validatePrizeInput({ name: 'TV', quantity: 1, imageUrl: 'https://x.test/a b.png' }).imageUrl).toBe(
      'https://x.test/a%20b.png',
    );
  });

  it('names the bad field', () => {
    expect(fieldOf(() => validatePrizeInput({ name: '', quantity: 1 }))).toBe('name');
    expect(fieldOf(() => validatePrizeInput({ name: 'a', quantity: 0 }))).toBe('quantity');
    expect(fieldOf(() => validatePrizeInput({ name: 'a', quantity: 2.5 }))).toBe('quantity');
    expect(
      fieldOf(() => validatePrizeInput({ name: 'a', quantity: 1, imageUrl: 'javascript:alert(1)' })),
    ).toBe('imageUrl');
    expect(fieldOf(() => validatePrizeInput({ name: 'a', quantity: 1, imageUrl: '//evil.test/x' }))).toBe(
      'imageUrl',
    );
    expect(fieldOf(() => validatePrizeInput({ name: 'a', quantity: 1, description: 5 }))).toBe('description');
    expect(fieldOf(() => validatePrizeInput(null))).toBe('prize');
  });
});

describe('prizeCapacity', () => {
  it('subtracts awarded and reserved and never goes negative', () => {
    expect(prizeCapacity(10, 3, 4)).toBe(3);
    fc.assert(
      fc.property(fc.nat(1000), fc.nat(1000), fc.nat(1000), (q, a, r) => {
        const c = prizeCapacity(q, a, r);
        expect(c).toBeGreaterThanOrEqual(0);
        expect(a + r + c <= q || c === 0).toBe(true);
      }),
    );
  });
});

describe('validatePrizePatch', () => {
  it('keeps only the given fields, with the rules of a new prize', () => {
    expect(validatePrizePatch({ name: '  Mug ', quantity: 4 })).toEqual({ name: 'Mug', quantity: 4 });
    expect(validatePrizePatch({ imageUrl: null })).toEqual({ imageUrl: null });
    expect(validatePrizePatch({ description: ' Blue ' })).toEqual({ description: 'Blue' });
    const fieldOf = (f: () => unknown) => {
      try {
        f();
      } catch (err) {
        return err instanceof DrawcastError ? err.field : 'not typed';
      }
      return 'no error';
    };
    expect(fieldOf(() => validatePrizePatch({}))).toBe('patch');
    expect(fieldOf(() => validatePrizePatch({ quantity: 0 }))).toBe('quantity');
    expect(fieldOf(() => validatePrizePatch({ name: '' }))).toBe('name');
    expect(fieldOf(() => validatePrizePatch({ imageUrl: 'javascript:alert(1)' }))).toBe('imageUrl');
    expect(fieldOf(() => validatePrizePatch({ awarded: 0 }))).toBe('awarded');
  });

  it('never lets the quantity fall below what is awarded or held', () => {
    expect(minimumPrizeQuantity(0, 0)).toBe(1);
    expect(minimumPrizeQuantity(2, 3)).toBe(5);
  });
});
