// `npm run bench -w @drawcast/shared`: draw and odds at event scale, each beside a bare baseline.
import { sha256 } from '@noble/hashes/sha2.js';
import os from 'node:os';
import { draw, oddsByWeight, oddsByWeightByConvolution, verifyProof, buildProof } from '../src/fairness';
import type { Entry } from '../src/fairness';
import { medianMs, printTable } from './measure';
import type { BenchRow } from './measure';

const ENTRIES = 1_000_000;
const WINNERS = 100;
const SEED = '7971089fabf914db4a53a339a1a04b1a68583f8bc92089a7f491da6764b15efd';

function makeEntries(): Entry[] {
  return Array.from({ length: ENTRIES }, (_, i) => ({
    id: `p${String(i + 1).padStart(7, '0')}`,
    weight: 1 + (i % 10),
  }));
}

// The exact bytes the entries digest hashes, prebuilt, so the baseline is SHA-256 and nothing else.
function canonicalBytes(entries: readonly Entry[]): Uint8Array {
  return new TextEncoder().encode(entries.map((e) => `${e.id}:${e.weight}\n`).join(''));
}

function shuffled<T>(items: readonly T[]): T[] {
  const out = [...items];
  let state = 12345;
  for (let i = out.length - 1; i > 0; i--) {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    const j = state % (i + 1);
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

function main(): void {
  const rows: BenchRow[] = [];
  const entries = makeEntries();
  const bytes = canonicalBytes(entries);
  const input = { roundId: 'bench', serverSeed: SEED, publicEntropy: 'beacon:1', entries, k: WINNERS };
  const hashMs = medianMs(() => sha256(bytes), 9);
  const drawMs = medianMs(() => draw(input), 9);
  rows.push({
    name: `draw: ${WINNERS} winners of 10^6 entries (weights 1..10, digest included)`,
    ms: drawMs,
    baseline: `SHA-256 of the ${(bytes.length / 1e6).toFixed(1)} MB canonical bytes`,
    baselineMs: hashMs,
    target: '≤ 3× baseline',
    met: drawMs <= 3 * hashMs,
  });
  const mixed = shuffled(entries);
  const shuffledMs = medianMs(() => draw({ ...input, entries: mixed }), 5, 1);
  rows.push({
    name: 'draw, same entries in random order (adds the canonical sort)',
    ms: shuffledMs,
    baseline: 'same SHA-256',
    baselineMs: hashMs,
    target: 'informational',
    met: null,
  });
  const proof = buildProof(input);
  const verifyMs = medianMs(() => verifyProof(proof), 5, 1);
  rows.push({
    name: 'verifyProof of that round (all four checks)',
    ms: verifyMs,
    baseline: 'same SHA-256',
    baselineMs: hashMs,
    target: 'informational',
    met: null,
  });

  const counts: Record<number, number> = {};
  for (let w = 1; w <= 10; w++) counts[w] = ENTRIES / 10;
  let sink = 0;
  const expMs = medianMs(() => {
    for (let i = 0; i < ENTRIES; i++) sink += Math.exp(-i * 1e-6);
  }, 51);
  const oddsMs = medianMs(() => oddsByWeight(counts, WINNERS), 51, 5);
  rows.push({
    name: `odds: 10^6 entries in 10 weight classes, k = ${WINNERS}`,
    ms: oddsMs,
    baseline: '10^6 Math.exp calls (one per entry)',
    baselineMs: expMs,
    target: '≤ 25 ms',
    met: oddsMs <= 25,
  });
  const odds1000Ms = medianMs(() => oddsByWeight(counts, 1000), 9, 2);
  rows.push({
    name: 'odds: same classes, k = 1000',
    ms: odds1000Ms,
    baseline: 'same Math.exp loop',
    baselineMs: expMs,
    target: 'informational',
    met: null,
  });
  rows.push(...oddsAgainstConvolution(counts));
  console.log(
    `shared bench, ${new Date().toISOString().slice(0, 10)}, Node ${process.version}, ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}\n`,
  );
  printTable(rows);
  if (sink === 42) console.log('');
}

// Today's odds beside the first implementation (truncated convolutions), same inputs, same run:
// the ratio column is new ÷ old. The old function is slow at large k, hence few runs there.
function oddsAgainstConvolution(tenClasses: Record<number, number>): BenchRow[] {
  const fiveClasses = { 1: 10_000, 2: 10_000, 3: 10_000, 5: 10_000, 10: 10_000 };
  const threeClasses = { 1: 20_000, 5: 2_000, 20: 200 };
  // oldRuns: the old function takes seconds on the last two, so one timed run (warm JIT by then).
  const cases = [
    { name: '10^6 entries in 10 weight classes, k = 100', counts: tenClasses, k: 100, oldRuns: 51 },
    { name: 'same classes, k = 1000', counts: tenClasses, k: 1000, oldRuns: 9 },
    {
      name: '5 × 10,000 entries (weights 1, 2, 3, 5, 10), k = 500',
      counts: fiveClasses,
      k: 500,
      oldRuns: 5,
      limit: 30,
    },
    { name: 'same classes, k = 2000', counts: fiveClasses, k: 2000, oldRuns: 1 },
    {
      name: '20,000 / 2,000 / 200 entries (weights 1, 5, 20), k = 5000',
      counts: threeClasses,
      k: 5000,
      oldRuns: 1,
      limit: 300,
    },
  ];
  return cases.map((c) => {
    const oldMs = medianMs(() => oddsByWeightByConvolution(c.counts, c.k), c.oldRuns, c.oldRuns > 1 ? 1 : 0);
    const newMs = medianMs(() => oddsByWeight(c.counts, c.k), 21, 3);
    return {
      name: `odds vs old: ${c.name}`,
      ms: newMs,
      baseline: 'oddsByWeightByConvolution (the old function), same input',
      baselineMs: oldMs,
      target: c.limit === undefined ? '≤ old' : `≤ ${c.limit} ms and ≤ old`,
      met: newMs <= oldMs && (c.limit === undefined || newMs <= c.limit),
    };
  });
}

main();
