import { describe, expect, it } from 'vitest';
import { nextPrize } from './keyboard';

const prize = (id: string, quantity: number, awarded = 0) => ({ id, quantity, awarded });

describe('nextPrize', () => {
  it('takes the prize after the current one that still has units, wrapping around', () => {
    const prizes = [prize('a', 1, 1), prize('b', 2), prize('c', 1)];
    expect(nextPrize(prizes, new Map(), null)?.id).toBe('b');
    expect(nextPrize(prizes, new Map(), 'b')?.id).toBe('c');
    expect(nextPrize(prizes, new Map(), 'c')?.id).toBe('b');
    expect(nextPrize(prizes, new Map([['c', 1]]), 'b')?.id).toBe('b');
  });

  it('returns null when every unit is awarded or reserved', () => {
    expect(nextPrize([prize('a', 2, 1)], new Map([['a', 1]]), null)).toBeNull();
    expect(nextPrize([], new Map(), null)).toBeNull();
  });
});
