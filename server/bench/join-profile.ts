// Profiling harness for the join path below the transport: N joins through the real service and a real
// SQLite file (WAL, synchronous=FULL), WINDOW in flight like the socket bench, per pass into a fresh
// open event with a committed round. Prints CPU µs per join next to a bare baseline (the same number of
// no-op async calls, measured in the same run).
//   npx tsx server/bench/join-profile.ts
//   node --cpu-prof --cpu-prof-dir=/tmp/prof --import tsx server/bench/join-profile.ts
// Env: PROFILE_JOINS (default 20000), PROFILE_WINDOW (default 64), PROFILE_PASSES (default 3).
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createDrawcastService, cryptoRandom, systemClock } from '../src/services';
import type { DrawcastService } from '../src/services';
import { createSqliteStore } from '../src/store/sqlite/sqliteStore';

const JOINS = Number(process.env.PROFILE_JOINS ?? 20_000);
const WINDOW = Number(process.env.PROFILE_WINDOW ?? 64);
const PASSES = Number(process.env.PROFILE_PASSES ?? 3);

/** Runs op(0..count-1) with `window` calls in flight; returns CPU µs (user + system) per call. */
async function cpuPerCall(
  count: number,
  window: number,
  op: (i: number) => Promise<unknown>,
): Promise<number> {
  let next = 0;
  const before = process.cpuUsage();
  const worker = async () => {
    while (next < count) await op(next++);
  };
  await Promise.all(Array.from({ length: Math.min(window, count) }, worker));
  const used = process.cpuUsage(before);
  return (used.user + used.system) / count;
}

/** An open event with a committed round, so every join computes real odds (as the socket bench does). */
async function freshJoinCode(service: DrawcastService, label: string): Promise<string> {
  const event = await service.createEvent({ title: `Profile ${label}` });
  await service.updateEvent(event.id, { status: 'open' });
  const prize = await service.addPrize(event.id, { name: 'Prize', quantity: 100 });
  await service.createRound(event.id, { prizeId: prize.id, winners: 10 });
  return event.joinCode;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

async function main(): Promise<void> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'drawcast-join-profile-'));
  const store = createSqliteStore({ file: path.join(dir, 'drawcast.db') });
  const service = createDrawcastService({
    store,
    clock: systemClock,
    random: cryptoRandom,
    secret: 'profile-secret-0123456789',
  });
  try {
    const joinRuns: number[] = [];
    const bareRuns: number[] = [];
    for (let pass = -1; pass < PASSES; pass++) {
      const joinCode = await freshJoinCode(service, `pass ${pass}`);
      const joinMicros = await cpuPerCall(JOINS, WINDOW, async (i) => {
        const joined = await service.join({
          joinCode,
          nickname: `Fan ${i}`,
          deviceToken: `profile-device-${i.toString().padStart(6, '0')}`,
        });
        if (!joined.created) throw new Error(`join ${i} did not create an entry`);
      });
      const bareMicros = await cpuPerCall(JOINS, WINDOW, async (i) => i);
      if (pass < 0) continue; // warm-up
      joinRuns.push(joinMicros);
      bareRuns.push(bareMicros);
    }
    const join = median(joinRuns);
    const bare = median(bareRuns);
    console.log(`join profile — ${JOINS} joins per pass, ${WINDOW} in flight, median of ${PASSES} passes\n`);
    console.log('| scenario | CPU µs/op | vs bare |\n|---|---:|---:|');
    console.log(`| bare async call | ${bare.toFixed(1)} | 1.0× |`);
    console.log(`| service.join (SQLite, audit, odds) | ${join.toFixed(1)} | ${(join / bare).toFixed(1)}× |`);
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
