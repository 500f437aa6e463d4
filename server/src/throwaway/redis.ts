// A throwaway redis-server for tests and `npm run cluster`: own temp dir, free port, persistence off.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { freePort, waitForPort } from './freePort';

/** A running (or stopped) throwaway redis-server; stop/start keep the same port. */
export interface ThrowawayRedis {
  port: number;
  url: string;
  start(): Promise<void>;
  stop(): Promise<void>;
  destroy(): Promise<void>;
}

/** Starts redis-server with no persistence (nothing durable lives in Redis) on a free port. */
export async function startThrowawayRedis(): Promise<ThrowawayRedis> {
  const dir = mkdtempSync(path.join(tmpdir(), 'drawcast-redis-'));
  const port = await freePort();
  let child: ChildProcess | null = null;
  const onExit = () => child?.kill('SIGKILL');
  process.on('exit', onExit);
  const redis: ThrowawayRedis = {
    port,
    url: `redis://127.0.0.1:${port}`,
    async start() {
      if (child) return;
      child = spawn(
        'redis-server',
        ['--port', String(port), '--bind', '127.0.0.1', '--dir', dir, '--save', '', '--appendonly', 'no'],
        { stdio: 'ignore' },
      );
      await waitForPort(port);
    },
    async stop() {
      const running = child;
      if (!running) return;
      child = null;
      await new Promise<void>((resolve) => {
        running.once('exit', () => resolve());
        running.kill('SIGTERM');
      });
    },
    async destroy() {
      await redis.stop();
      process.off('exit', onExit);
      rmSync(dir, { recursive: true, force: true });
    },
  };
  await redis.start();
  return redis;
}
