// Timing helpers for the benchmarks: warm up, then take the median of several runs.

/** Median wall time of `runs` calls after `warmup` untimed calls, in milliseconds. */
export function medianMs(fn: () => unknown, runs: number, warmup = 2): number {
  for (let i = 0; i < warmup; i++) fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    fn();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  const middle = Math.floor(times.length / 2);
  return times.length % 2 === 1 ? times[middle] : (times[middle - 1] + times[middle]) / 2;
}

/** One benchmark row: the measured operation beside its bare baseline from the same run. */
export interface BenchRow {
  name: string;
  ms: number;
  baseline: string;
  baselineMs: number;
  target: string;
  met: boolean | null;
}

/** Prints rows as a Markdown table, ready to paste into docs/BENCHMARKS.md. */
export function printTable(rows: readonly BenchRow[]): void {
  const lines = [
    '| benchmark | median ms | bare baseline | baseline ms | ratio | target | met |',
    '|---|---:|---|---:|---:|---|---|',
    ...rows.map(
      (r) =>
        `| ${r.name} | ${r.ms.toFixed(2)} | ${r.baseline} | ${r.baselineMs.toFixed(2)} | ${ratio(r.ms / r.baselineMs)}× | ${r.target} | ${r.met === null ? '–' : r.met ? 'yes' : 'NO'} |`,
    ),
  ];
  console.log(lines.join('\n'));
}

// Two decimals, or two significant digits for ratios under 0.1 (so 0.0003× does not print as 0.00×).
function ratio(value: number): string {
  return value >= 0.1 ? value.toFixed(2) : value.toPrecision(2);
}
