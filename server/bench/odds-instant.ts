// `npm run bench -w @drawcast/server` (first part): what an exact odds answer costs for the aggregates a
// join ack meets, by oddsCost, beside a bare baseline from the same run (summing the aggregate's counts,
// which any answer must do). It is why instantOdds() is "one weight class": every ack exact there only.
import { oddsByWeight } from '@drawcast/shared';
import { instantOdds, oddsCost } from '../src/services/odds/oddsCost';

const CALLS = 400; // per timed batch; each call gets a fresh aggregate (one more entry), as in a join burst
const BATCHES = 9;

const cases: Array<{ name: string; counts: Record<number, number>; k: number }> = [
  { name: 'one class, 5 entries, k = 2 (the walk-through)', counts: { 1: 5 }, k: 2 },
  { name: 'one class, 50,000 entries, k = 50', counts: { 1: 50_000 }, k: 50 },
  { name: 'k ≥ n: 2 classes, 40 entries, k = 50', counts: { 1: 30, 3: 10 }, k: 50 },
  { name: '2 classes, 5 entries, k = 2', counts: { 1: 3, 2: 2 }, k: 2 },
  { name: '2 classes, 45 entries, k = 10', counts: { 1: 40, 3: 5 }, k: 10 },
  { name: '3 classes, 1,110 entries, k = 30', counts: { 1: 1000, 2: 100, 3: 10 }, k: 30 },
  { name: '3 classes, 1,110 entries, k = 100', counts: { 1: 1000, 2: 100, 3: 10 }, k: 100 },
];

/** Median µs per call over BATCHES batches of CALLS calls, each call on the next aggregate. */
function microsPerCall(fn: (counts: Record<number, number>) => unknown, counts: Record<number, number>) {
  const base = counts[1]!;
  const batch = () => {
    const start = performance.now();
    for (let i = 0; i < CALLS; i++) fn({ ...counts, 1: base + i });
    return ((performance.now() - start) * 1000) / CALLS;
  };
  batch(); // warm-up
  const times = Array.from({ length: BATCHES }, batch).sort((a, b) => a - b);
  return times[Math.floor(BATCHES / 2)]!;
}

const sumCounts = (counts: Record<number, number>) => Object.values(counts).reduce((s, c) => s + c, 0);

console.log(
  `server: exact odds per join ack — median of ${BATCHES} batches of ${CALLS} calls (Node ${process.version})\n`,
);
console.log(
  '| aggregate | oddsCost | µs per answer | baseline µs (sum the counts) | ratio | exact on every ack |',
);
console.log('|---|---:|---:|---:|---:|---|');
for (const c of cases) {
  const cost = oddsCost(c.counts, c.k);
  const us = microsPerCall((counts) => oddsByWeight(counts, c.k), c.counts);
  const baseline = microsPerCall(sumCounts, c.counts);
  console.log(
    `| ${c.name} | ${cost} | ${us.toFixed(1)} | ${baseline.toFixed(2)} | ${(us / baseline).toFixed(0)}× | ${instantOdds(c.counts) ? 'yes' : 'no (throttled, `oddsExact: false` between)'} |`,
  );
}
console.log('');
