import { expect, test } from 'vitest';
import { forfeitKey, historyLines } from './historyLines';

const entries = [
  { roundId: 'r2', prizeName: 'Phone', names: ['Ann', 'Bo'], ids: ['p_a', 'p_b'] },
  { roundId: 'r1', prizeName: 'Mug', names: ['Cy', 'Di', 'Ed', 'Flo'], ids: ['p_c', 'p_d', 'p_e', 'p_f'] },
];

test('lists rounds newest first with up to three names', () => {
  expect(historyLines(entries, new Set(), 'forfeited')).toEqual([
    '★ Phone',
    '   Ann',
    '   Bo',
    '★ Mug',
    '   Cy',
    '   Di',
    '   Ed',
    '   +1',
  ]);
});

test('labels a forfeited winner of that round only', () => {
  const lines = historyLines(entries, new Set([forfeitKey('r2', 'p_b'), forfeitKey('r9', 'p_a')]), '已作废');
  expect(lines.slice(0, 3)).toEqual(['★ Phone', '   Ann', '   ✕ Bo (已作废)']);
});

test('an entry without ids (older server) lists names as they are', () => {
  const lines = historyLines(
    [{ roundId: 'r', prizeName: 'P', names: ['A'] }],
    new Set([forfeitKey('r', 'A')]),
    'x',
  );
  expect(lines).toEqual(['★ P', '   A']);
});
