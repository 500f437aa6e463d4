import { expect, test } from 'vitest';
import { addressChoices, fromLocalInput, isLoopback, toLocalInput } from './addresses';

test('loopback addresses are never the default for phones', () => {
  expect(isLoopback('http://127.0.0.1:3000')).toBe(true);
  expect(isLoopback('http://localhost:3000')).toBe(true);
  expect(isLoopback('http://192.168.1.5:3000')).toBe(false);
  expect(addressChoices('http://127.0.0.1:3000', ['http://192.168.1.5:3000'])).toEqual({
    choices: ['http://127.0.0.1:3000', 'http://192.168.1.5:3000'],
    best: 'http://192.168.1.5:3000',
  });
  expect(addressChoices('http://127.0.0.1:3000', []).best).toBe('http://127.0.0.1:3000');
});

test('datetime-local round trip at minute precision', () => {
  const ms = new Date(2026, 5, 1, 18, 30).getTime();
  expect(toLocalInput(ms)).toBe('2026-06-01T18:30');
  expect(fromLocalInput(toLocalInput(ms))).toBe(ms);
  expect(toLocalInput(null)).toBe('');
  expect(fromLocalInput('')).toBeNull();
});
