import { expect, test } from 'vitest';
import { pickPrize, resetAfterDraw, unitsLeft } from './roundForm';

const prizes = [
  { id: 'a', quantity: 2, awarded: 2 },
  { id: 'b', quantity: 3, awarded: 1 },
  { id: 'c', quantity: 1, awarded: 3 },
];

test('units left never go below zero', () => {
  expect(prizes.map(unitsLeft)).toEqual([0, 2, 0]);
});

test('the chosen prize stays while it has units; otherwise the first with units', () => {
  expect(pickPrize(prizes, 'b')).toBe('b');
  expect(pickPrize(prizes, 'a')).toBe('b');
  expect(pickPrize(prizes, '')).toBe('b');
  expect(pickPrize(prizes, 'gone')).toBe('b');
  expect(pickPrize([prizes[0]!, prizes[2]!], 'a')).toBe('');
  expect(pickPrize([], '')).toBe('');
});

test('a draw resets the winners to one and moves off a prize with none left', () => {
  expect(resetAfterDraw(prizes, 'a')).toEqual({ prizeId: 'b', winners: 1 });
  expect(resetAfterDraw(prizes, 'b')).toEqual({ prizeId: 'b', winners: 1 });
});
