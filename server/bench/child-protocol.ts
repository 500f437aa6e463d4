// The tiny stdio protocol between a bench and a server child: READY on start, CPU on request.
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';

/**
 * Prints `READY <port> ...` and answers each `CPU` line on stdin with the process's CPU time (all
 * threads) and its event loop's busy time so far, both in µs.
 */
export function announceReady(port: number, ...extra: string[]): void {
  process.stdin.setEncoding('utf8');
  process.stdin.on('data', (chunk: string) => {
    for (const line of chunk.split('\n')) {
      if (line.trim() !== 'CPU') continue;
      const { user, system } = process.cpuUsage();
      const loopMicros = Math.round(performance.eventLoopUtilization().active * 1000);
      process.stdout.write(`CPU ${user + system} ${loopMicros}\n`);
    }
  });
  process.stdout.write(`READY ${[port, ...extra].join(' ')}\n`);
}

/** A server child started by a bench (or the load probe), with its port and READY's extra words. */
export interface BenchChild {
  proc: ChildProcess;
  port: number;
  extra: string[];
  /** The child's CPU time (user + system, all threads) and event-loop busy time so far (µs), over stdin. */
  cpuMicros(): Promise<{ cpu: number; loop: number }>;
}

/**
 * Why: every bench spawns its servers alike. Starts `node --import tsx <script>` and resolves at its
 * READY line; BENCH_NODE_ARGS (e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof") goes to the child's node.
 */
export function startBenchChild(script: string, env?: NodeJS.ProcessEnv): Promise<BenchChild> {
  const extraArgs = (process.env.BENCH_NODE_ARGS ?? '').split(' ').filter(Boolean);
  const proc = spawn(process.execPath, [...extraArgs, '--import', 'tsx', script], {
    stdio: ['pipe', 'pipe', 'inherit'],
    ...(env && { env: { ...process.env, ...env } }),
  });
  const cpuWaiters: Array<(micros: { cpu: number; loop: number }) => void> = [];
  const cpuMicros = () =>
    new Promise<{ cpu: number; loop: number }>((resolve) => {
      cpuWaiters.push(resolve);
      proc.stdin!.write('CPU\n');
    });
  return new Promise((resolve, reject) => {
    createInterface({ input: proc.stdout! }).on('line', (line) => {
      const [word, port, ...extra] = line.trim().split(' ');
      if (word === 'READY') resolve({ proc, port: Number(port), extra, cpuMicros });
      if (word === 'CPU') cpuWaiters.shift()?.({ cpu: Number(port), loop: Number(extra[0]) });
    });
    proc.once('exit', (code) => reject(new Error(`${script} exited with ${code}`)));
  });
}
