// `npm run bench -w @drawcast/server`: 2,000 socket.io clients joining as fast as they can, beside a bare
// Socket.IO emitWithAck echo server and the join's transport floor (floor-server.ts), measured the same
// way in the same run. Servers run in their own processes; all traffic stays on 127.0.0.1.
import path from 'node:path';
import { io as connectClient } from 'socket.io-client';
import type { Socket } from 'socket.io-client';
import { PROTOCOL_VERSION } from '@drawcast/shared';
import type { EventDto, OddsAggregateDto } from '@drawcast/shared';
import { startBenchChild } from './child-protocol';
import type { BenchChild as Child } from './child-protocol';
import { closedLoop, medianStats } from './load';
import { hostApi } from './hostApi';
import type { RunStats } from './load';

const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 2000);
const WINDOW = Number(process.env.BENCH_WINDOW ?? 64); // joins in flight at once
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
// Each measured pass sends ROUNDS commands per client (for joins: ROUNDS fresh events, each client joining
// each once), so a pass lasts seconds, not the ~0.1 s that 2,000 commands take on an idle machine.
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const CONNECT_BATCH = 100;
const DEADLINE_MS = 240_000;

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

/** A fresh open event with a committed round, so every join computes real odds and drives broadcasts. */
async function freshEvent(base: string, token: string, label: string): Promise<EventDto> {
  const event = await hostApi<EventDto>(base, token, 'POST', '/api/events', { title: `Bench ${label}` });
  await hostApi(base, token, 'POST', `/api/events/${event.id}/open`);
  const prize = await hostApi<{ id: string }>(base, token, 'POST', `/api/events/${event.id}/prizes`, {
    name: 'Prize',
    quantity: 100,
  });
  await hostApi(base, token, 'POST', `/api/events/${event.id}/rounds`, { prizeId: prize.id, winners: 10 });
  return event;
}

/** One scenario: its clients connected, and a function that runs one measured pass over them (one or
 * more rows of figures: the join scenario adds a row that includes its trailing odds broadcasts). */
interface Scenario {
  pass(label: string): Promise<RunStats[]>;
  close(): void;
}

/** Runs a pass and records the server's and this client process's CPU time per operation alongside. */
async function withServerCpu(child: Child, run: () => Promise<RunStats>): Promise<RunStats[]> {
  const before = await child.cpuMicros();
  const clientBefore = process.cpuUsage();
  const stats = await run();
  const client = process.cpuUsage(clientBefore);
  const after = await child.cpuMicros();
  return [
    {
      ...stats,
      serverCpuMicrosPerOp: (after.cpu - before.cpu) / stats.ops,
      serverLoopMicrosPerOp: (after.loop - before.loop) / stats.ops,
      clientCpuMicrosPerOp: (client.user + client.system) / stats.ops,
    },
  ];
}

/**
 * Like withServerCpu, but the pass goes on after the last ack until `tail()` resolves (the trailing odds
 * broadcasts reaching every client): one row up to the last ack, one up to the end of the tail, whose
 * time and CPU (server and client) include the broadcasts. Latency percentiles are the acks' in both.
 */
async function withTail(
  child: Child,
  run: () => Promise<RunStats>,
  tail: () => Promise<void>,
): Promise<RunStats[]> {
  const before = await child.cpuMicros();
  const clientBefore = process.cpuUsage();
  const stats = await run();
  const acked = performance.now();
  const clientAtAck = process.cpuUsage(clientBefore);
  const atAck = await child.cpuMicros();
  await tail();
  const seconds = stats.seconds + (performance.now() - acked) / 1000;
  const client = process.cpuUsage(clientBefore);
  const after = await child.cpuMicros();
  return [
    {
      ...stats,
      serverCpuMicrosPerOp: (atAck.cpu - before.cpu) / stats.ops,
      serverLoopMicrosPerOp: (atAck.loop - before.loop) / stats.ops,
      clientCpuMicrosPerOp: (clientAtAck.user + clientAtAck.system) / stats.ops,
    },
    {
      ...stats,
      seconds,
      opsPerSecond: stats.ops / seconds,
      serverCpuMicrosPerOp: (after.cpu - before.cpu) / stats.ops,
      serverLoopMicrosPerOp: (after.loop - before.loop) / stats.ops,
      clientCpuMicrosPerOp: (client.user + client.system) / stats.ops,
    },
  ];
}

async function echoScenario(child: Child): Promise<Scenario> {
  const sockets = await connectAll(`http://127.0.0.1:${child.port}`, {});
  const payload = { joinCode: 'ABCDEF', nickname: 'Bench', deviceToken: 'x'.repeat(22) };
  return {
    pass: (_label) =>
      withServerCpu(child, () =>
        closedLoop(CLIENTS * ROUNDS, WINDOW, async (i) => {
          const ack = (await sockets[i % CLIENTS]!.timeout(10_000).emitWithAck('echo', payload)) as {
            ok: boolean;
          };
          return ack.ok;
        }),
      ),
    close: () => sockets.forEach((s) => s.disconnect()),
  };
}

/** event:join against the transport floor (floor-server.ts): same payloads, no Drawcast work. */
async function floorScenario(child: Child): Promise<Scenario> {
  const sockets = await connectAll(`http://127.0.0.1:${child.port}`, {});
  return {
    pass: (_label) =>
      withServerCpu(child, () =>
        closedLoop(CLIENTS * ROUNDS, WINDOW, async (i) => {
          const ack = (await sockets[i % CLIENTS]!.timeout(10_000).emitWithAck('event:join', {
            joinCode: 'J3AHXE',
            nickname: `Fan ${i % CLIENTS}`,
            deviceToken: `bench-device-${(i % CLIENTS).toString().padStart(6, '0')}`,
          })) as { ok: boolean };
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
  // The last odds broadcast of an event (every client counted) reaches all clients after the last ack;
  // a pass ends only once every client has received it, and reports the joins both up to the last ack
  // and up to that point (time and CPU), so the broadcasts are neither lost nor in another pass.
  const finalAggregates = new Map<string, Set<number>>();
  let onFinal = () => {};
  sockets.forEach((s, index) => {
    s.on('odds:aggregate', (a: OddsAggregateDto) => {
      if (a.total !== CLIENTS) return;
      const seen = finalAggregates.get(a.eventId) ?? new Set<number>();
      finalAggregates.set(a.eventId, seen.add(index));
      onFinal();
    });
  });
  const settled = (eventIds: string[]) =>
    new Promise<void>((resolve) => {
      onFinal = () => {
        if (eventIds.every((id) => finalAggregates.get(id)?.size === CLIENTS)) resolve();
      };
      onFinal();
    });
  return {
    // Each pass joins every client into ROUNDS fresh events, so every join creates an entry.
    async pass(label) {
      const events: EventDto[] = [];
      for (let r = 0; r < ROUNDS; r++) events.push(await freshEvent(base, token, `${label}.${r}`));
      const rows = await withTail(
        child,
        () =>
          closedLoop(CLIENTS * ROUNDS, WINDOW, async (i) => {
            const ack = (await sockets[i % CLIENTS]!.timeout(10_000).emitWithAck('event:join', {
              joinCode: events[Math.floor(i / CLIENTS)]!.joinCode,
              nickname: `Fan ${i % CLIENTS}`,
              deviceToken: `bench-device-${(i % CLIENTS).toString().padStart(6, '0')}`,
            })) as { ok: boolean };
            return ack.ok;
          }),
        // The tail: every client has received each event's final broadcast (every join counted).
        () => settled(events.map((e) => e.id)),
      );
      if (process.env.BENCH_DEBUG)
        console.error(
          `join ${label}: ${rows[0]!.opsPerSecond.toFixed(0)}/s, ${rows[1]!.opsPerSecond.toFixed(0)}/s with broadcasts`,
        );
      return rows;
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
    `server: joins — ${CLIENTS} socket.io clients × ${ROUNDS} commands each per pass, ${WINDOW} in flight, median of ${RUNS} passes (Node ${process.version})\n`,
  );
  const children = await Promise.all([
    startBenchChild(path.join(import.meta.dirname, 'echo-server.ts')),
    startBenchChild(path.join(import.meta.dirname, 'floor-server.ts')),
    startBenchChild(path.join(import.meta.dirname, 'drawcast-server.ts')),
  ]);
  const [echoChild, floorChild, joinChild] = children;
  try {
    const benches = [
      await echoScenario(echoChild),
      await floorScenario(floorChild),
      await joinScenario(joinChild),
    ];
    // Warm up each, then alternate passes so background load hits every scenario alike.
    for (const bench of benches) await bench.pass('warm-up');
    const runs: RunStats[][][] = benches.map(() => []);
    for (let r = 0; r < RUNS; r++) {
      for (const [i, bench] of benches.entries()) runs[i]!.push(await bench.pass(`run ${r}`));
    }
    for (const bench of benches) bench.close();
    // Median per row over the passes: echo, floor, joins to the last ack, joins with their broadcasts.
    const median = (i: number, row: number) => medianStats(runs[i]!.map((rows) => rows[row]!));
    report(median(0, 0), median(1, 0), median(2, 0), median(2, 1));
  } finally {
    for (const child of children) child.proc.kill('SIGTERM');
  }
  clearTimeout(deadline);
}

function report(echo: RunStats, floor: RunStats, joins: RunStats, withBroadcasts: RunStats): void {
  const rows = [
    ['bare Socket.IO emitWithAck echo', echo],
    ['event:join transport floor (zod, limits, rooms, 1 KB ack; no store)', floor],
    ['Drawcast event:join (SQLite, odds), up to the last ack', joins],
    ['Drawcast event:join, up to the last odds broadcast received by every client', withBroadcasts],
  ] as const;
  console.log(
    '| scenario | ops/pass | ops/s | p50 ms | p95 ms | p99 ms | errors | server CPU µs/op | event loop µs/op | client CPU µs/op | ops/s vs bare |',
  );
  console.log('|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
  for (const [name, s] of rows) {
    console.log(
      `| ${name} | ${s.ops} | ${f(s.opsPerSecond, 0)} | ${f(s.p50)} | ${f(s.p95)} | ${f(s.p99)} | ${s.errors} | ${f(s.serverCpuMicrosPerOp ?? Number.NaN, 0)} | ${f(s.serverLoopMicrosPerOp ?? Number.NaN, 0)} | ${f(s.clientCpuMicrosPerOp ?? Number.NaN, 0)} | ${f(s.opsPerSecond / echo.opsPerSecond, 2)}× |`,
    );
  }
  const ratio = joins.opsPerSecond / echo.opsPerSecond;
  const targets = [
    [`joins ≥ 0.5× bare echo rate`, ratio >= 0.5, `${f(ratio, 2)}×`],
    [
      `joins with their broadcasts ≥ 0.5× bare echo rate`,
      withBroadcasts.opsPerSecond / echo.opsPerSecond >= 0.5,
      `${f(withBroadcasts.opsPerSecond / echo.opsPerSecond, 2)}×`,
    ],
    [`p95 join ack ≤ 200 ms`, joins.p95 <= 200, `${f(joins.p95)} ms`],
    [
      `no errors`,
      joins.errors === 0 && echo.errors === 0 && floor.errors === 0,
      `${joins.errors + echo.errors + floor.errors}`,
    ],
  ] as const;
  console.log('\n| target | measured | met |\n|---|---:|---|');
  for (const [name, met, measured] of targets)
    console.log(`| ${name} | ${measured} | ${met ? 'yes' : 'NO'} |`);
}

await main();
process.exit(0);
