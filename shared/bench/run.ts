// `npm run bench -w @drawcast/shared`: draw and odds at event scale, each beside a bare baseline.
import { sha256 } from '@noble/hashes/sha2.js';
import os from 'node:os';
import { draw, oddsByWeight, verifyProof, buildProof } from '../src/fairness';
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
  console.log(
    `shared bench, ${new Date().toISOString().slice(0, 10)}, Node ${process.version}, ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}\n`,
  );
  printTable(rows);
  if (sink === 42) console.log('');
}

main();
