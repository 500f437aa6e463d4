// The Fenwick picker must return exactly the list the spec's naive walk returns.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FAIR_SAMPLER, drawPrepared, prepareDraw } from './draw';
import { FenwickTree } from './fenwick';
import { fenwickPicker, naiveWalkPicker, selectIndices } from './selection';

const seedArb = fc.uint8Array({ minLength: 32, maxLength: 32 }).map((b) => Buffer.from(b).toString('hex'));

describe('FenwickTree', () => {
  it('finds the first index whose running sum exceeds r, for every r, while entries are removed', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 20 }), { minLength: 1, maxLength: 40 }),
        fc.nat(),
        (ws, cut) => {
          const tree = new FenwickTree(ws);
          const live = [...ws];
          for (let removed = 0; removed < Math.min(ws.length - 1, cut % 5); removed++) {
            const index = (cut + removed * 7) % ws.length;
            tree.add(index, -live[index]);
            live[index] = 0;
          }
          const total = live.reduce((a, b) => a + b, 0);
          expect(tree.total()).toBe(total);
          let running = 0;
          let expectedIndex = 0;
          for (let r = 0; r < total; r++) {
            while (running + live[expectedIndex] <= r) running += live[expectedIndex++];
            expect(tree.find(r)).toBe(expectedIndex);
          }
        },
      ),
    );
  });
});

describe('selection', () => {
  it('Fenwick and the naive walk give the same winners for random entries, weights, k and seeds', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(
          fc.string({ minLength: 1, maxLength: 6 }).filter((s) => !/[:\n\uD800-\uDFFF]/.test(s)),
          {
            minLength: 1,
            maxLength: 60,
          },
        ),
        fc.array(fc.integer({ min: 1, max: 1000 }), { minLength: 60, maxLength: 60 }),
        fc.nat(),
        seedArb,
        fc.string(),
        (ids, weights, kSeed, serverSeed, roundSuffix) => {
          const entries = ids.map((id, i) => ({ id, weight: weights[i] }));
          const k = 1 + (kSeed % entries.length);
          const prepared = prepareDraw({
            roundId: `r${roundSuffix.replace(/[\uD800-\uDFFF]/g, '')}`,
            serverSeed,
            publicEntropy: '',
            entries,
            k,
          });
          const fast = drawPrepared(prepared);
          const naive = drawPrepared(prepared, { ...FAIR_SAMPLER, makePicker: (w) => naiveWalkPicker(w) });
          expect(fast.winners).toEqual(naive.winners);
          expect(new Set(fast.winners).size).toBe(k);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('the naive walk takes the first entry whose running sum EXCEEDS r (not reaches it)', () => {
    // weights 2,3,5: r = 1 -> entry 0, r = 2 -> entry 1 (sum 2 does not exceed 2), r = 5 -> entry 2.
    for (const [r, expected] of [
      [0, 0],
      [1, 0],
      [2, 1],
      [4, 1],
      [5, 2],
      [9, 2],
    ]) {
      expect(selectIndices(naiveWalkPicker([2, 3, 5]), 1, () => r)).toEqual([expected]);
      expect(selectIndices(fenwickPicker([2, 3, 5]), 1, () => r)).toEqual([expected]);
    }
  });

  it('removes each winner, so later draws see the remaining total', () => {
    const totals: number[] = [];
    const picks = selectIndices(fenwickPicker([2, 3, 5]), 3, (total) => {
      totals.push(total);
      return 0;
    });
    expect(picks).toEqual([0, 1, 2]);
    expect(totals).toEqual([10, 8, 5]);
  });
});
