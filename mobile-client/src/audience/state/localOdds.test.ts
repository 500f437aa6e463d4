import { expect, it } from 'vitest';
import { worthComputingOnPhone } from './localOdds';

it('computes a few weight classes on the phone and leaves rounds with very many classes to the server', () => {
  const base = { eventId: 'e', roundId: 'r', total: 50000 };
  const few = { 1: 40000, 2: 5000, 3: 3000, 4: 1500, 5: 500 };
  expect(worthComputingOnPhone({ ...base, counts: few, k: 500 })).toBe(true);
  expect(worthComputingOnPhone({ ...base, counts: few, k: 5000 })).toBe(true);
  const many = Object.fromEntries(Array.from({ length: 100 }, (_, i) => [i + 1, 500]));
  expect(worthComputingOnPhone({ ...base, counts: many, k: 500 })).toBe(false);
  expect(worthComputingOnPhone({ ...base, counts: {}, k: 1, total: 0 })).toBe(false);
});
