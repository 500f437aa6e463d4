import { expect, it } from 'vitest';
import { oddsCost as serverCost } from '../../../../server/src/services/odds/oddsCost';
import { oddsCost, worthComputingOnPhone } from './localOdds';

it("uses the server's cost model", () => {
  for (const [counts, k] of [
    [{ 1: 1800, 2: 150, 5: 50 }, 500],
    [{ 1: 10 }, 3],
    [{ 1: 5, 2: 5 }, 20],
    [{ 1: 40000, 2: 5000, 3: 3000, 4: 1500, 5: 500 }, 500],
  ] as const) {
    expect(oddsCost(counts, k)).toBe(serverCost(counts, k));
  }
});

it('leaves big rounds to the server', () => {
  const big = { 1: 40000, 2: 5000, 3: 3000, 4: 1500, 5: 500 };
  const base = { eventId: 'e', roundId: 'r', total: 50000 };
  expect(worthComputingOnPhone({ ...base, counts: big, k: 500 })).toBe(true);
  expect(worthComputingOnPhone({ ...base, counts: big, k: 5000 })).toBe(false);
  expect(worthComputingOnPhone({ ...base, counts: {}, k: 1, total: 0 })).toBe(false);
});
