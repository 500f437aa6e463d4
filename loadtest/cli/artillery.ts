// Runs one artillery script in several processes (each process may hold at most 20,000 open files here),
// each with its share of the arrivals, and collects their JSON reports.
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const loadtestDir = path.resolve(import.meta.dirname, '..');
const artilleryBin = path.resolve(loadtestDir, '..', 'node_modules', '.bin', 'artillery');

/** An artillery arrival phase (the subset the scenarios use). */
export type Phase = { duration: number; arrivalRate?: number; arrivalCount?: number; name?: string };

/** The parts of artillery's JSON report a summary needs (counters and per-metric summaries). */
export interface ArtilleryReport {
  aggregate: {
    counters: Record<string, number>;
    summaries: Record<string, HistogramSummary>;
  };
}

/** artillery's summary of one histogram (ms). */
export interface HistogramSummary {
  min: number;
  max: number;
  count: number;
  mean: number;
  p50: number;
  p95: number;
  p99: number;
}

/** A running set of artillery processes. */
export interface ArtilleryRun {
  /** Processes started. */
  workers: number;
  pids(): number[];
  /** Resolves once all have exited, with the reports of those that wrote one (a crashed one is in `failed`). */
  done: Promise<ArtilleryReport[]>;
  /** Processes that exited without a report, with the log to read. */
  failed: string[];
  stop(): void;
}

/** Splits `total` arrivals over `parts` as evenly as whole numbers allow. */
export function share(total: number, parts: number, i: number): number {
  return Math.floor(total / parts) + (i < total % parts ? 1 : 0);
}

/**
 * Why: artillery's own worker threads share one process (and its file limit), so the CLI starts
 * `workers` artillery processes (WORKERS=1 each); process i gets phases(i) and targets[i % targets].
 */
export function runArtillery(opts: {
  script: string;
  name: string;
  workers: number;
  targets: string[];
  phases: (worker: number) => Phase[];
  variables: Record<string, unknown>;
  outDir: string;
}): ArtilleryRun {
  const children: ChildProcess[] = [];
  let stopped = false;
  const reports: Promise<ArtilleryReport>[] = [];
  for (let i = 0; i < opts.workers; i++) {
    const output = path.join(opts.outDir, `${opts.name}-${i}.json`);
    const logFile = path.join(opts.outDir, `${opts.name}-${i}.log`);
    rmSync(output, { force: true }); // never read a previous run's report
    const child = spawn(
      artilleryBin,
      [
        'run',
        '--target',
        opts.targets[i % opts.targets.length]!,
        '--variables',
        JSON.stringify(opts.variables),
        '--overrides',
        JSON.stringify({ config: { phases: opts.phases(i) } }),
        '--output',
        output,
        path.join(loadtestDir, 'artillery', opts.script),
      ],
      {
        env: {
          ...process.env,
          WORKERS: '1',
          ARTILLERY_DISABLE_TELEMETRY: 'true',
          LOADTEST_WORKER: String(i),
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    children.push(child);
    let log = '';
    const keep = (d: Buffer) => {
      log = (log + d.toString()).slice(-200_000);
    };
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);
    reports.push(
      new Promise((resolve, reject) => {
        child.once('exit', (code) => {
          writeFileSync(logFile, log);
          try {
            resolve(JSON.parse(readFileSync(output, 'utf8')) as ArtilleryReport);
          } catch {
            reject(
              new Error(`artillery ${opts.name}-${i} exited ${code} without a report; its log: ${logFile}`),
            );
          }
        });
      }),
    );
  }
  const failed: string[] = [];
  const done = Promise.allSettled(reports).then((all) => {
    const ok: ArtilleryReport[] = [];
    for (const r of all) {
      if (r.status === 'fulfilled') ok.push(r.value);
      else if (!stopped) {
        failed.push((r.reason as Error).message);
        process.stderr.write(`${(r.reason as Error).message}\n`);
      }
    }
    return ok;
  });
  return {
    workers: opts.workers,
    failed,
    done,
    pids: () => children.filter((c) => c.exitCode === null).map((c) => c.pid!),
    // An interrupted artillery writes no report; that is not a crash.
    stop: () => {
      stopped = true;
      children.forEach((c) => c.kill('SIGINT'));
    },
  };
}
