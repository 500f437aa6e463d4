// The measured server: the real createServer with a real SQLite file in a temp dir, rate limits opened up.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createServer } from '../src/app';
import { defaultConfig } from '../src/config';
import { cryptoRandom, systemClock } from '../src/services';
import { createSqliteStore } from '../src/store/sqlite/sqliteStore';
import { announceReady } from './child-protocol';

const dataDir = mkdtempSync(path.join(os.tmpdir(), 'drawcast-bench-'));
const token = 'bench-host-token-0123456789abcdef';
const server = await createServer({
  store: createSqliteStore({
    // BENCH_DB=memory: an in-memory database, to see the cost of everything but the disk.
    file: process.env.BENCH_DB === 'memory' ? ':memory:' : path.join(dataDir, 'drawcast.db'),
  }),
  clock: systemClock,
  random: cryptoRandom,
  secret: 'bench-secret-0123456789',
  // Every bench client shares 127.0.0.1 and each device joins a fresh event per round, so the join
  // limits are lifted (their cost per join is unchanged); everything else is default.
  config: defaultConfig({
    hostToken: token,
    dataDir,
    joinsPerIpPerMinute: 1_000_000,
    joinsPerDevicePerMinute: 1_000_000,
    oddsIntervalMs: Number(process.env.BENCH_ODDS_MS ?? 250),
    oddsMessagesPerSecond: Number(process.env.BENCH_ODDS_BUDGET ?? 4000),
  }),
});
const port = await server.listen(0, '127.0.0.1');
announceReady(port, token);
process.on('SIGTERM', () => {
  void server.close().then(() => {
    rmSync(dataDir, { recursive: true, force: true });
    process.exit(0);
  });
});
