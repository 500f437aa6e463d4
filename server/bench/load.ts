// Closed-loop load driver and latency statistics for the socket benchmarks.

/** The result of one measured run. */
export interface RunStats {
  ops: number;
  errors: number;
  seconds: number;
  opsPerSecond: number;
  p50: number;
  p95: number;
  p99: number;
  /** Server process CPU time per operation (µs, all threads), when measured. */
  serverCpuMicrosPerOp?: number;
  /** Server event-loop busy time per operation (µs): what bounds a one-loop server's rate. */
  serverLoopMicrosPerOp?: number;
  /** The bench client's own CPU time per operation (µs): it shares the machine's cores. */
  clientCpuMicrosPerOp?: number;
}

/** Nearest-rank percentile of sorted latencies. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank]!;
}

/**
 * Runs `op(i)` for i in 0..count-1 with at most `window` in flight (each client sends once, as soon as
 * a slot frees up), timing each call from send to ack.
 */
export async function closedLoop(
  count: number,
  window: number,
  op: (i: number) => Promise<boolean>,
): Promise<RunStats> {
  const latencies: number[] = [];
  let errors = 0;
  let next = 0;
  const started = performance.now();
  const worker = async () => {
    while (next < count) {
      const i = next++;
      const t0 = performance.now();
      let ok = false;
      try {
        ok = await op(i);
      } catch {
        ok = false;
      }
      latencies.push(performance.now() - t0);
      if (!ok) errors++;
    }
  };
  await Promise.all(Array.from({ length: Math.min(window, count) }, worker));
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  return {
    ops: count,
    errors,
    seconds,
    opsPerSecond: count / seconds,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
  };
}

/** Median of each field over several runs, so one noisy run does not decide the table. */
export function medianStats(runs: readonly RunStats[]): RunStats {
  const med = (pick: (r: RunStats) => number) => {
    const v = runs.map(pick).sort((a, b) => a - b);
    const m = Math.floor(v.length / 2);
    return v.length % 2 ? v[m]! : (v[m - 1]! + v[m]!) / 2;
  };
  return {
    ops: runs.reduce((s, r) => s + r.ops, 0) / runs.length,
    errors: runs.reduce((s, r) => s + r.errors, 0),
    seconds: med((r) => r.seconds),
    opsPerSecond: med((r) => r.opsPerSecond),
    p50: med((r) => r.p50),
    p95: med((r) => r.p95),
    p99: med((r) => r.p99),
    serverCpuMicrosPerOp: med((r) => r.serverCpuMicrosPerOp ?? Number.NaN),
    serverLoopMicrosPerOp: med((r) => r.serverLoopMicrosPerOp ?? Number.NaN),
    clientCpuMicrosPerOp: med((r) => r.clientCpuMicrosPerOp ?? Number.NaN),
  };
}
