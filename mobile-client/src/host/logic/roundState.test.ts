import { expect, test } from 'vitest';
import { armedRound, roundPhase, secondsUntil, upsertById } from './roundState';

test('a drawn round is drawing, then on stage, then revealed to the phones', () => {
  const r = { status: 'drawn' as const, revealAt: 1000, phoneRevealAt: 4000 };
  expect(roundPhase(r, 500)).toBe('drawing');
  expect(roundPhase(r, 1000)).toBe('onStage');
  expect(roundPhase(r, 4000)).toBe('revealed');
  expect(roundPhase({ status: 'committed', revealAt: null, phoneRevealAt: null }, 0)).toBe('committed');
  expect(roundPhase({ status: 'cancelled', revealAt: null, phoneRevealAt: null }, 0)).toBe('cancelled');
  expect(secondsUntil(4000, 1001)).toBe(3);
  expect(secondsUntil(4000, 5000)).toBe(0);
});

test('the armed round is the oldest committed; upsert replaces by id', () => {
  const rounds = [
    { id: 'a', status: 'drawn' as const, createdAt: 1 },
    { id: 'b', status: 'committed' as const, createdAt: 3 },
    { id: 'c', status: 'committed' as const, createdAt: 2 },
  ];
  expect(armedRound(rounds)?.id).toBe('c');
  expect(armedRound([])).toBeNull();
  const next = upsertById(rounds, { id: 'c', status: 'drawn' as const, createdAt: 2 });
  expect(next.map((r) => r.status)).toEqual(['drawn', 'committed', 'drawn']);
  expect(upsertById(rounds, { id: 'd', status: 'committed' as const, createdAt: 4 })).toHaveLength(4);
});
