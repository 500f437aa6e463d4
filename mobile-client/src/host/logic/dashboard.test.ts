import { expect, test } from 'vitest';
import { bucketFor, conversion, joinConversion, joinSeries, pushSample } from './dashboard';

test('join series is cumulative, starts at zero, and fills empty buckets up to now', () => {
  const [xs, ys] = joinSeries(
    [
      { at: 60_000, joins: 3 },
      { at: 180_000, joins: 2 },
    ],
    60_000,
    250_000,
  );
  expect(xs).toEqual([0, 120, 180, 240, 300]);
  expect(ys).toEqual([0, 3, 3, 5, 5]);
  expect(joinSeries([], 60_000, 5_000)).toEqual([[5], [0]]);
});

test('samples append, replace within a second, and stay bounded', () => {
  let s: [number[], number[]] = [[], []];
  s = pushSample(s, 1_000, 1);
  s = pushSample(s, 1_400, 2);
  s = pushSample(s, 2_000, 3);
  expect(s).toEqual([
    [1, 2],
    [2, 3],
  ]);
  for (let i = 3; i < 10; i++) s = pushSample(s, i * 1000, i, 4);
  expect(s[0]).toEqual([6, 7, 8, 9]);
});

test('conversion and bucket width', () => {
  expect(conversion(0, 0)).toBeNull();
  expect(conversion(3, 2)).toBe(66.7);
  expect(bucketFor(60_000)).toBe(60_000);
  expect(bucketFor(5 * 3_600_000)).toBe(600_000);
  expect(bucketFor(48 * 3_600_000)).toBe(3_600_000);
});

test('conversion counts phone joins only, never imported people', () => {
  // 60 views, 12 phones joined, 1,000 imported: 20 %, not 1,686.7 %.
  expect(joinConversion({ views: 60, phoneJoins: 12 })).toBe(20);
  expect(joinConversion({ views: 0, phoneJoins: 0 })).toBeNull();
  expect(joinConversion({ views: 60 })).toBeNull();
});
