// Statistical fairness of the real draw, and proof that the same checks catch planted biases.
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import { describe, expect, it } from 'vitest';
import { FAIR_SAMPLER, draw, drawPrepared, prepareDraw } from './draw';
import type { SamplerParts } from './draw';
import {
  chiSquareCritical001,
  chiSquareUniform,
  classFrequencies,
  classFrequenciesFit,
  Z_999,
} from './fairnessStats';
import { oddsByWeight } from './odds';
import { naiveWalkPicker } from './selection';
import type { Entry } from './types';

const DRAWS = 20_000;

// Deterministic "random" seeds: SHA-256 of a fixed label and a counter, so a failure reproduces.
function seedNumber(label: string, i: number): string {
  return bytesToHex(sha256(utf8ToBytes(`drawcast-stats:${label}:${i}`)));
}

// Planted bias 1: x mod T on a single byte, no rejection (small values over-drawn; T > 256 never reached).
const MOD_BIAS: SamplerParts = {
  makePicker: (weights) => naiveWalkPicker(weights),
  uniformFrom: (stream) => (total) => stream.nextByte() % total,
};
// Planted bias 2: the walk takes the first entry whose running sum REACHES r (>= instead of >).
const OFF_BY_ONE: SamplerParts = {
  ...FAIR_SAMPLER,
  makePicker: (weights) => naiveWalkPicker(weights, (running, r) => running >= r),
};

function winnersOf(
  entries: Entry[],
  k: number,
  i: number,
  label: string,
  sampler: SamplerParts | null,
): string[] {
  const input = {
    roundId: `stats-${label}`,
    serverSeed: seedNumber(label, i),
    publicEntropy: '',
    entries,
    k,
  };
  // The fair run goes through the public draw(); the biased ones through the same pipeline with swapped parts.
  return sampler === null ? draw(input).winners : drawPrepared(prepareDraw(input), sampler).winners;
}

describe('class inclusion frequency (60 entries in 3 weight classes, k = 5, 20,000 draws)', () => {
  // Ids grouped by class in canonical order: a.. weight 1, b.. weight 3, c.. weight 10 (T = 280).
  const entries: Entry[] = [
    ...Array.from({ length: 20 }, (_, i) => ({ id: `a${String(i).padStart(2, '0')}`, weight: 1 })),
    ...Array.from({ length: 20 }, (_, i) => ({ id: `b${String(i).padStart(2, '0')}`, weight: 3 })),
    ...Array.from({ length: 20 }, (_, i) => ({ id: `c${String(i).padStart(2, '0')}`, weight: 10 })),
  ];
  const counts = { 1: 20, 3: 20, 10: 20 };
  const weightOf = new Map(entries.map((e) => [e.id, e.weight]));
  const expected = oddsByWeight(counts, 5);

  function frequencies(sampler: SamplerParts | null, label: string) {
    const wins: Record<number, number> = { 1: 0, 3: 0, 10: 0 };
    for (let i = 0; i < DRAWS; i++) {
      for (const id of winnersOf(entries, 5, i, label, sampler)) wins[weightOf.get(id)!]++;
    }
    return classFrequencies(wins, counts, DRAWS, expected);
  }

  it('the real draw lies within the 99.9% band of the exact odds for every class', () => {
    const result = frequencies(null, 'classes');
    expect(classFrequenciesFit(result)).toBe(true);
    for (const f of result) expect(Math.abs(f.z)).toBeLessThanOrEqual(Z_999);
  });

  it('rejects a sampler that takes a byte mod T without rejection', () => {
    const result = frequencies(MOD_BIAS, 'classes');
    expect(classFrequenciesFit(result)).toBe(false);
    expect(Math.max(...result.map((f) => Math.abs(f.z)))).toBeGreaterThan(10);
  });

  it('rejects a walk with an off-by-one (>= instead of >)', () => {
    const result = frequencies(OFF_BY_ONE, 'classes');
    expect(classFrequenciesFit(result)).toBe(false);
  });
});

describe("first winner's uniformity (100 equal-weight entries, 20,000 draws, chi-square at p = 0.001)", () => {
  const entries: Entry[] = Array.from({ length: 100 }, (_, i) => ({
    id: `u${String(i).padStart(3, '0')}`,
    weight: 1,
  }));
  const indexOf = new Map(entries.map((e, i) => [e.id, i]));
  const critical = chiSquareCritical001(entries.length - 1);

  function statistic(sampler: SamplerParts | null): number {
    const firsts = new Array<number>(entries.length).fill(0);
    for (let i = 0; i < DRAWS; i++) firsts[indexOf.get(winnersOf(entries, 1, i, 'uniform', sampler)[0])!]++;
    return chiSquareUniform(firsts);
  }

  it('the real draw stays below the critical value', () => {
    expect(statistic(null)).toBeLessThan(critical);
  });

  it('rejects a sampler that takes a byte mod T without rejection', () => {
    expect(statistic(MOD_BIAS)).toBeGreaterThan(critical);
  });

  it('rejects a walk with an off-by-one (>= instead of >)', () => {
    expect(statistic(OFF_BY_ONE)).toBeGreaterThan(critical);
  });
});

describe('the statistics themselves', () => {
  it('chiSquareCritical001 is within 1% of table values at 10 degrees of freedom, 0.1% from 49', () => {
    // Table values of the chi-square 0.999 quantile, with the relative error allowed.
    for (const [df, table, tolerance] of [
      [10, 29.588, 0.01],
      [49, 85.351, 0.001],
      [99, 148.23, 0.001],
    ]) {
      expect(Math.abs(chiSquareCritical001(df) - table) / table).toBeLessThan(tolerance);
    }
  });

  it('chiSquareUniform is 0 for a perfectly even count and grows with imbalance', () => {
    expect(chiSquareUniform([5, 5, 5, 5])).toBe(0);
    expect(chiSquareUniform([8, 2, 5, 5])).toBeCloseTo(3.6, 12);
  });

  it('classFrequencies gives z = 0 at the expected frequency and the binomial z elsewhere', () => {
    const [exact] = classFrequencies({ 2: 500 }, { 2: 10 }, 100, { 2: 0.5 });
    expect(exact.z).toBe(0);
    const [high] = classFrequencies({ 2: 550 }, { 2: 10 }, 100, { 2: 0.5 });
    expect(high.z).toBeCloseTo(0.05 / Math.sqrt(0.25 / 1000), 12);
  });
});
