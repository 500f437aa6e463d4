// Every published test vector of drawcast-v1 must be reproduced exactly.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { commitmentOf, computeEntriesDigest, draw, oddsByWeight } from './index';
import { exactInclusion } from './oddsExact';
import type { Entry } from './types';

interface DrawVector {
  roundId: string;
  serverSeed: string;
  publicEntropy: string;
  entries: Entry[];
  winners_k: number;
  commitment: string;
  entriesDigest: string;
  winners: string[];
}
interface Vectors {
  algorithm: string;
  draws: DrawVector[];
  odds: Array<{ weights: number[]; k: number; inclusion: number[] }>;
  oddsByClass: Array<{
    counts: Record<string, number>;
    k: number;
    inclusionByWeight: Record<string, number>;
  }>;
}

const vectors = JSON.parse(
  readFileSync(new URL('./fixtures/drawcast-v1-vectors.json', import.meta.url), 'utf8'),
) as Vectors;

describe('drawcast-v1 test vectors', () => {
  it('are the drawcast-v1 vectors and are not empty', () => {
    expect(vectors.algorithm).toBe('drawcast-v1');
    expect(vectors.draws.length).toBeGreaterThan(0);
    expect(vectors.odds.length).toBeGreaterThan(0);
    expect(vectors.oddsByClass.length).toBeGreaterThan(0);
  });

  describe.each(vectors.draws.map((v) => [v.roundId, v] as const))('draw %s', (_name, v) => {
    it('matches commitment, entries digest and winners in order', () => {
      const result = draw({
        roundId: v.roundId,
        serverSeed: v.serverSeed,
        publicEntropy: v.publicEntropy,
        entries: v.entries,
        k: v.winners_k,
      });
      expect(result.commitment).toBe(v.commitment);
      expect(result.entriesDigest).toBe(v.entriesDigest);
      expect(result.winners).toEqual(v.winners);
      expect(commitmentOf(v.serverSeed)).toBe(v.commitment);
      expect(computeEntriesDigest(v.entries)).toBe(v.entriesDigest);
    });

    it('does not depend on the order the entries are given in', () => {
      const reversed = [...v.entries].reverse();
      const result = draw({ ...v, entries: reversed, k: v.winners_k });
      expect(result.winners).toEqual(v.winners);
    });
  });

  describe.each(vectors.odds.map((v) => [JSON.stringify(v.weights), v.k, v] as const))(
    'odds of weights %s, k = %i',
    (_w, _k, v) => {
      it('oddsByWeight matches every entry to 1e-9', () => {
        const counts: Record<number, number> = {};
        for (const w of v.weights) counts[w] = (counts[w] ?? 0) + 1;
        const odds = oddsByWeight(counts, v.k);
        v.weights.forEach((w, i) => expect(Math.abs(odds[w] - v.inclusion[i])).toBeLessThan(1e-9));
      });

      it('exact enumeration matches every entry to 1e-12', () => {
        const exact = exactInclusion(v.weights, v.k);
        v.weights.forEach((_w, i) => expect(Math.abs(exact[i] - v.inclusion[i])).toBeLessThan(1e-12));
      });
    },
  );

  describe.each(vectors.oddsByClass.map((v) => [JSON.stringify(v.counts), v.k, v] as const))(
    'odds of classes %s, k = %i',
    (_c, _k, v) => {
      it('oddsByWeight matches every class to 1e-9 absolute and 1e-8 relative', () => {
        const counts: Record<number, number> = {};
        for (const [w, c] of Object.entries(v.counts)) counts[Number(w)] = c;
        const odds = oddsByWeight(counts, v.k);
        expect(Object.keys(odds).sort()).toEqual(Object.keys(v.inclusionByWeight).sort());
        for (const [w, expected] of Object.entries(v.inclusionByWeight)) {
          const actual = odds[Number(w)];
          expect(Math.abs(actual - expected)).toBeLessThan(1e-9);
          expect(Math.abs(actual - expected) / expected).toBeLessThan(1e-8);
        }
      });
    },
  );
});
