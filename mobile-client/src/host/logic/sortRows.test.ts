import { expect, test } from 'vitest';
import { nextSort, sortRows } from './sortRows';

const rows = [
  { place: 2, nickname: 'bo' },
  { place: 10, nickname: 'Ann' },
  { place: 1, nickname: 'chen' },
  { place: 3, nickname: 'ann' },
];

test('numbers sort numerically, text by collation, ties keep their order', () => {
  expect(sortRows(rows, { key: 'place', dir: 'asc' }).map((r) => r.place)).toEqual([1, 2, 3, 10]);
  expect(sortRows(rows, { key: 'place', dir: 'desc' }).map((r) => r.place)).toEqual([10, 3, 2, 1]);
  expect(sortRows(rows, { key: 'nickname', dir: 'asc' }).map((r) => r.place)).toEqual([10, 3, 2, 1]);
  expect(rows[0]!.place).toBe(2); // input untouched
});

test('the same header flips, another starts ascending', () => {
  expect(nextSort({ key: 'place', dir: 'asc' }, 'place')).toEqual({ key: 'place', dir: 'desc' });
  expect(nextSort({ key: 'place', dir: 'desc' }, 'nickname')).toEqual({ key: 'nickname', dir: 'asc' });
});
