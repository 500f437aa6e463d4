// `npm run bench:stores -w @drawcast/server`: group-committed joins per second into the SQLite store (the
// baseline, fsynced) and into the PostgreSQL store (a throwaway server with fsync and synchronous_commit on,
// so every acknowledged join is on disk), measured the same way in the same run.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fixtures, SYS } from '../src/store/conformance';
import { createPostgresStore } from '../src/store/postgres/pgStore';
import { createSqliteStore } from '../src/store/sqlite/sqliteStore';
import type { Store } from '../src/store/store';
import { startThrowawayPostgres } from '../src/throwaway/postgres';

const JOINS = Number(process.env.BENCH_JOINS ?? 5_000);
const WINDOW = Number(process.env.BENCH_WINDOW ?? 64);
const RUNS = Number(process.env.BENCH_RUNS ?? 3);

/** Joins per second with WINDOW joins in flight, into a fresh event. */
async function joinsPerSecond(store: Store): Promise<number> {
  const event = fixtures.event();
  await store.insertEvent(event, SYS);
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: WINDOW }, async () => {
      while (next < JOINS) {
        next += 1;
        const result = await store.insertParticipantIfAbsent(fixtures.participant(event.id), SYS);
        if (result.status !== 'created') throw new Error(`join refused: ${result.status}`);
      }
    }),
  );
  return JOINS / ((performance.now() - started) / 1000);
}

async function median(store: Store): Promise<number> {
  const runs: number[] = [];
  await joinsPerSecond(store); // warm-up
  for (let i = 0; i < RUNS; i += 1) runs.push(await joinsPerSecond(store));
  return runs.sort((a, b) => a - b)[Math.floor(runs.length / 2)] as number;
}

const dir = mkdtempSync(path.join(tmpdir(), 'drawcast-bench-'));
const pg = await startThrowawayPostgres({ durable: true });
try {
  const sqlite = createSqliteStore({ file: path.join(dir, 'bench.db') });
  const sqliteRate = await median(sqlite);
  await sqlite.close();
  const postgres = await createPostgresStore({ connectionString: pg.createDatabase('bench') });
  const pgRate = await median(postgres);
  await postgres.close();
  console.log(`joins: ${JOINS} per run, ${WINDOW} in flight, median of ${RUNS}`);
  console.log('| store | joins/s | ratio to SQLite |');
  console.log('| --- | --- | --- |');
  console.log(`| SQLite (baseline, WAL fsynced) | ${sqliteRate.toFixed(0)} | 1.00 |`);
  console.log(
    `| PostgreSQL (fsync, synchronous_commit on) | ${pgRate.toFixed(0)} | ${(pgRate / sqliteRate).toFixed(2)} |`,
  );
} finally {
  pg.destroy();
  rmSync(dir, { recursive: true, force: true });
}
