// `npm run bench -w @drawcast/server`: 2,000 socket.io clients joining as fast as they can, beside a bare
// Socket.IO emitWithAck echo server measured the same way in the same run. Servers run in their own
// processes (one core each side on a 2-core box); all traffic stays on 127.0.0.1.
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { io as connectClient } from 'socket.io-client';
import type { Socket } from 'socket.io-client';
import { PROTOCOL_VERSION } from '@drawcast/shared';
import type { EventDto } from '@drawcast/shared';
import { closedLoop, medianStats } from './load';
import type { RunStats } from './load';

const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 2000);
const WINDOW = Number(process.env.BENCH_WINDOW ?? 64); // joins in flight at once
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const CONNECT_BATCH = 100;
const DEADLINE_MS = 240_000;

interface Child {
  proc: ChildProcess;
  port: number;
  extra: string[];
  /** The child's CPU time so far (user + system, µs), asked over stdin. */
  cpuMicros(): Promise<number>;
}

function startChild(script: string): Promise<Child> {
  // BENCH_NODE_ARGS (e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof") is passed to the server processes.
  const extraArgs = (process.env.BENCH_NODE_ARGS ?? '').split(' ').filter(Boolean);
  const proc = spawn(
    process.execPath,
    [...extraArgs, '--import', 'tsx', path.join(import.meta.dirname, script)],
    {
      stdio: ['pipe', 'pipe', 'inherit'],
    },
  );
  const cpuWaiters: Array<(micros: number) => void> = [];
  const cpuMicros = () =>
    new Promise<number>((resolve) => {
      cpuWaiters.push(resolve);
      proc.stdin!.write('CPU\n');
    });
  return new Promise((resolve, reject) => {
    createInterface({ input: proc.stdout! }).on('line', (line) => {
      const [word, port, ...extra] = line.trim().split(' ');
      if (word === 'READY') resolve({ proc, port: Number(port), extra, cpuMicros });
      if (word === 'CPU') cpuWaiters.shift()?.(Number(port));
    });
    proc.once('exit', (code) => reject(new Error(`${script} exited with ${code}`)));
  });
}

async function connectAll(url: string, auth: Record<string, unknown>): Promise<Socket[]> {
  const sockets: Socket[] = [];
  for (let i = 0; i < CLIENTS; i += CONNECT_BATCH) {
    const batch = Array.from({ length: Math.min(CONNECT_BATCH, CLIENTS - i) }, () =>
      connectClient(url, { auth, transports: ['websocket'], forceNew: true, reconnection: false }),
    );
    await Promise.all(
      batch.map(
        (s) =>
          new Promise<void>((resolve, reject) => {
            s.once('connect', () => resolve());
            s.once('connect_error', reject);
          }),
      ),
    );
    sockets.push(...batch);
  }
  return sockets;
}

async function hostApi<T>(
  base: string,
  token: string,
  method: string,
  route: string,
  body?: unknown,
): Promise<T> {
  const res = await fetch(`${base}${route}`, {
    method,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${method} ${route}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

/** A fresh open event with a committed round, so every join computes real odds and drives broadcasts. */
async function freshEvent(base: string, token: string, label: string): Promise<string> {
  const event = await hostApi<EventDto>(base, token, 'POST', '/api/events', { title: `Bench ${label}` });
  await hostApi(base, token, 'POST', `/api/events/${event.id}/open`);
  const prize = await hostApi<{ id: string }>(base, token, 'POST', `/api/events/${event.id}/prizes`, {
    name: 'Prize',
    quantity: 100,
  });
  await hostApi(base, token, 'POST', `/api/events/${event.id}/rounds`, { prizeId: prize.id, winners: 10 });
  return event.joinCode;
}

/** One scenario: its clients connected, and a function that runs one measured pass over them. */
interface Scenario {
  pass(label: string): Promise<RunStats>;
  close(): void;
}

/** Runs a pass and records the server's CPU time per operation alongside. */
async function withServerCpu(child: Child, run: () => Promise<RunStats>): Promise<RunStats> {
  const before = await child.cpuMicros();
  const stats = await run();
  const after = await child.cpuMicros();
  return { ...stats, serverCpuMicrosPerOp: (after - before) / stats.ops };
}

async function echoScenario(child: Child): Promise<Scenario> {
  const sockets = await connectAll(`http://127.0.0.1:${child.port}`, {});
  const payload = { joinCode: 'ABCDEF', nickname: 'Bench', deviceToken: 'x'.repeat(22) };
  return {
    pass: (_label) =>
      withServerCpu(child, () =>
        closedLoop(CLIENTS, WINDOW, async (i) => {
          const ack = (await sockets[i]!.timeout(10_000).emitWithAck('echo', payload)) as { ok: boolean };
          return ack.ok;
        }),
      ),
    close: () => sockets.forEach((s) => s.disconnect()),
  };
}

async function joinScenario(child: Child): Promise<Scenario> {
  const base = `http://127.0.0.1:${child.port}`;
  const token = child.extra[0]!;
  const sockets = await connectAll(base, { protocolVersion: PROTOCOL_VERSION });
  return {
    // Each pass joins every client into a fresh event, so every join creates an entry.
    async pass(label) {
      const joinCode = await freshEvent(base, token, label);
      return withServerCpu(child, () =>
        closedLoop(CLIENTS, WINDOW, async (i) => {
          const ack = (await sockets[i]!.timeout(10_000).emitWithAck('event:join', {
            joinCode,
            nickname: `Fan ${i}`,
            deviceToken: `bench-device-${i.toString().padStart(6, '0')}`,
          })) as { ok: boolean };
          return ack.ok;
        }),
      );
    },
    close: () => sockets.forEach((s) => s.disconnect()),
  };
}

const f = (n: number, digits = 1) => n.toFixed(digits);

async function main(): Promise<void> {
  const deadline = setTimeout(() => {
    console.error(`bench: gave up after ${DEADLINE_MS / 1000} s`);
    process.exit(2);
  }, DEADLINE_MS);
  console.log(
    `server: joins — ${CLIENTS} socket.io clients, ${WINDOW} commands in flight, median of ${RUNS} runs (Node ${process.version})\n`,
  );
  const [echoChild, joinChild] = await Promise.all([
    startChild('echo-server.ts'),
    startChild('drawcast-server.ts'),
  ]);
  try {
    const echoBench = await echoScenario(echoChild);
    const joinBench = await joinScenario(joinChild);
    // Warm up both, then alternate passes so background load hits both scenarios alike.
    await echoBench.pass('warm-up');
    await joinBench.pass('warm-up');
    const echoRuns: RunStats[] = [];
    const joinRuns: RunStats[] = [];
    for (let r = 0; r < RUNS; r++) {
      echoRuns.push(await echoBench.pass(`run ${r}`));
      joinRuns.push(await joinBench.pass(`run ${r}`));
    }
    echoBench.close();
    joinBench.close();
    report(medianStats(echoRuns), medianStats(joinRuns));
  } finally {
    echoChild.proc.kill('SIGTERM');
    joinChild.proc.kill('SIGTERM');
  }
  clearTimeout(deadline);
}

function report(echo: RunStats, joins: RunStats): void {
  const rows = [
    ['bare Socket.IO emitWithAck echo', echo],
    ['Drawcast event:join (SQLite, odds, broadcasts)', joins],
  ] as const;
  console.log(
    '| scenario | ops/run | ops/s | p50 ms | p95 ms | p99 ms | errors | server CPU µs/op | ops/s vs bare |',
  );
  console.log('|---|---:|---:|---:|---:|---:|---:|---:|---:|');
  for (const [name, s] of rows) {
    console.log(
      `| ${name} | ${s.ops} | ${f(s.opsPerSecond, 0)} | ${f(s.p50)} | ${f(s.p95)} | ${f(s.p99)} | ${s.errors} | ${f(s.serverCpuMicrosPerOp ?? Number.NaN, 0)} | ${f(s.opsPerSecond / echo.opsPerSecond, 2)}× |`,
    );
  }
  const ratio = joins.opsPerSecond / echo.opsPerSecond;
  const targets = [
    [`joins ≥ 0.5× bare echo rate`, ratio >= 0.5, `${f(ratio, 2)}×`],
    [`p95 join ack ≤ 200 ms`, joins.p95 <= 200, `${f(joins.p95)} ms`],
    [`no errors`, joins.errors === 0 && echo.errors === 0, `${joins.errors + echo.errors}`],
  ] as const;
  console.log('\n| target | measured | met |\n|---|---:|---|');
  for (const [name, met, measured] of targets)
    console.log(`| ${name} | ${measured} | ${met ? 'yes' : 'NO'} |`);
}

await main();
process.exit(0);
