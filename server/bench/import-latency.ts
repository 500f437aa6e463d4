// `npm run bench -w @drawcast/server` (second part): join acks and clock pings at a steady live-event
// rate, first with nothing else going on, then while a 100,000-row XLSX import runs, in one run against
// one real server process (drawcast-server.ts: createServer, SQLite in a temp dir). 127.0.0.1 only.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import ExcelJS from 'exceljs';
import { io as connectClient } from 'socket.io-client';
import type { Socket } from 'socket.io-client';
import { PROTOCOL_VERSION } from '@drawcast/shared';
import type { EventDto } from '@drawcast/shared';
import { percentile } from './load';
import { hostApi as api } from './hostApi';

const ROWS = Number(process.env.BENCH_IMPORT_ROWS ?? 100_000);
const JOINS_PER_SECOND = Number(process.env.BENCH_IMPORT_JOIN_RATE ?? 200);
const PINGS_PER_SECOND = Number(process.env.BENCH_IMPORT_PING_RATE ?? 20);
const BASELINE_MS = Number(process.env.BENCH_IMPORT_BASELINE_MS ?? 10_000);
const CLIENTS = 200;
const TICK_MS = 10;
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

function startServer(): Promise<{ port: number; token: string; stop(): void }> {
  const proc = spawn(
    process.execPath,
    ['--import', 'tsx', path.join(import.meta.dirname, 'drawcast-server.ts')],
    {
      stdio: ['pipe', 'pipe', 'inherit'],
    },
  );
  return new Promise((resolve, reject) => {
    createInterface({ input: proc.stdout! }).on('line', (line) => {
      const [word, port, token] = line.trim().split(' ');
      if (word === 'READY') resolve({ port: Number(port), token: token!, stop: () => proc.kill('SIGTERM') });
    });
    proc.once('exit', (code) => reject(new Error(`drawcast-server.ts exited with ${code}`)));
  });
}

async function openEvent(base: string, token: string, title: string): Promise<EventDto> {
  const event = await api<EventDto>(base, token, 'POST', '/api/events', { title });
  await api(base, token, 'POST', `/api/events/${event.id}/open`);
  const prize = await api<{ id: string }>(base, token, 'POST', `/api/events/${event.id}/prizes`, {
    name: 'Prize',
    quantity: 100,
  });
  await api(base, token, 'POST', `/api/events/${event.id}/rounds`, { prizeId: prize.id, winners: 10 });
  return event;
}

async function writeList(file: string): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    filename: file,
    useSharedStrings: true,
    useStyles: false,
  });
  const sheet = workbook.addWorksheet('名单');
  sheet.addRow(['姓名', '工号']).commit();
  for (let i = 0; i < ROWS; i++) sheet.addRow([`员工${i}`, `E${String(i).padStart(7, '0')}`]).commit();
  sheet.commit();
  await workbook.commit();
}

/** Latencies of paced joins (a new entry each) and clock pings, until `until` settles. */
async function measure(
  sockets: Socket[],
  joinCode: string,
  label: string,
  until: Promise<unknown>,
): Promise<{ joins: number[]; pings: number[]; errors: number }> {
  const joins: number[] = [];
  const pings: number[] = [];
  const inFlight: Promise<void>[] = [];
  let errors = 0;
  let sent = 0;
  let done = false;
  void until.finally(() => (done = true));
  const started = performance.now();
  let joinsDue = 0;
  let pingsDue = 0;
  const timed = (list: number[], op: () => Promise<{ ok: boolean }>) => {
    const t0 = performance.now();
    inFlight.push(
      op().then(
        (ack) => {
          list.push(performance.now() - t0);
          if (!ack.ok) errors++;
        },
        () => {
          errors++;
        },
      ),
    );
  };
  while (!done) {
    const elapsed = (performance.now() - started) / 1000;
    for (; joinsDue < elapsed * JOINS_PER_SECOND; joinsDue++) {
      const i = sent++;
      timed(
        joins,
        () =>
          sockets[i % sockets.length]!.timeout(30_000).emitWithAck('event:join', {
            joinCode,
            nickname: `Fan ${i}`,
            deviceToken: `import-bench-${label}-${String(i).padStart(7, '0')}`,
          }) as Promise<{ ok: boolean }>,
      );
    }
    for (; pingsDue < elapsed * PINGS_PER_SECOND; pingsDue++) {
      const i = pingsDue;
      timed(
        pings,
        () =>
          sockets[i % sockets.length]!.timeout(30_000).emitWithAck('clock:ping', {}) as Promise<{
            ok: boolean;
          }>,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, TICK_MS));
  }
  await Promise.all(inFlight);
  return { joins, pings, errors };
}

function stats(values: number[]): { n: number; p50: number; p99: number; max: number } {
  const sorted = [...values].sort((a, b) => a - b);
  return {
    n: sorted.length,
    p50: percentile(sorted, 50),
    p99: percentile(sorted, 99),
    max: sorted.at(-1) ?? Number.NaN,
  };
}

async function main(): Promise<void> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'drawcast-import-bench-'));
  const file = path.join(dir, 'list.xlsx');
  await writeList(file);
  const bytes = readFileSync(file);
  const server = await startServer();
  const base = `http://127.0.0.1:${server.port}`;
  const sockets: Socket[] = [];
  try {
    for (let i = 0; i < CLIENTS; i++) {
      sockets.push(
        connectClient(base, {
          auth: { protocolVersion: PROTOCOL_VERSION },
          transports: ['websocket'],
          forceNew: true,
          reconnection: false,
        }),
      );
    }
    await Promise.all(sockets.map((s) => new Promise<void>((resolve) => s.once('connect', () => resolve()))));
    const live = await openEvent(base, server.token, 'Live event');
    const importInto = await openEvent(base, server.token, 'Imported list');
    // Warm-up: JIT, SQLite cache and the odds path, not measured.
    await measure(sockets, live.joinCode, 'warm', new Promise((resolve) => setTimeout(resolve, 2000)));
    const quiet = await measure(
      sockets,
      live.joinCode,
      'quiet',
      new Promise((r) => setTimeout(r, BASELINE_MS)),
    );
    const importStarted = performance.now();
    const upload = fetch(
      `${base}/api/events/${importInto.id}/people/import?filename=${encodeURIComponent('list.xlsx')}`,
      {
        method: 'POST',
        headers: { authorization: `Bearer ${server.token}`, 'content-type': XLSX_TYPE },
        body: bytes,
      },
    ).then(async (res) => {
      const body = (await res.json()) as { imported?: number };
      if (res.status !== 200 || body.imported !== ROWS)
        throw new Error(`import: ${res.status} ${JSON.stringify(body)}`);
    });
    const busy = await measure(sockets, live.joinCode, 'import', upload);
    await upload;
    const importSeconds = (performance.now() - importStarted) / 1000;
    report(quiet, busy, importSeconds);
  } finally {
    sockets.forEach((s) => s.disconnect());
    server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

function report(
  quiet: Awaited<ReturnType<typeof measure>>,
  busy: Awaited<ReturnType<typeof measure>>,
  importSeconds: number,
): void {
  const f = (n: number) => n.toFixed(1);
  console.log(
    `\nserver: live traffic during a ${ROWS.toLocaleString('en')}-row XLSX import — ${JOINS_PER_SECOND} joins/s (a new entry each) and ${PINGS_PER_SECOND} clock pings/s over ${CLIENTS} sockets; the import took ${importSeconds.toFixed(1)} s (Node ${process.version})\n`,
  );
  console.log('| operation | phase | count | p50 ms | p99 ms | max ms | errors |');
  console.log('|---|---|---:|---:|---:|---:|---:|');
  const rows = [
    ['event:join ack', 'no import', stats(quiet.joins), quiet.errors],
    ['event:join ack', 'during import', stats(busy.joins), busy.errors],
    ['clock:ping ack', 'no import', stats(quiet.pings), 0],
    ['clock:ping ack', 'during import', stats(busy.pings), 0],
  ] as const;
  for (const [op, phase, s, errors] of rows)
    console.log(`| ${op} | ${phase} | ${s.n} | ${f(s.p50)} | ${f(s.p99)} | ${f(s.max)} | ${errors} |`);
  console.log('\n| target | measured | met |\n|---|---:|---|');
  for (const [name, q, b] of [
    ['join ack p99', stats(quiet.joins), stats(busy.joins)],
    ['clock:ping p99', stats(quiet.pings), stats(busy.pings)],
  ] as const) {
    const ratio = b.p99 / q.p99;
    console.log(
      `| ${name} during import ≤ 2× without | ${ratio.toFixed(2)}× | ${ratio <= 2 ? 'yes' : 'NO'} |`,
    );
    console.log(`| ${name} during import ≤ 200 ms | ${f(b.p99)} ms | ${b.p99 <= 200 ? 'yes' : 'NO'} |`);
  }
}

await main();
process.exit(0);
