// Drawcast nodes as real child processes (`node --import tsx server/src/index.ts`), for tests and `npm run cluster`.
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';

const repoRoot = path.resolve(import.meta.dirname, '..', '..', '..');

/** A running node process. */
export interface NodeProcess {
  port: number;
  url: string;
  child: ChildProcess;
  output(): string;
  /** SIGTERM and wait (a graceful stop). */
  stop(): Promise<void>;
  /** SIGKILL and wait (a crash). */
  kill(): Promise<void>;
}

/** What every node of one cluster shares: the store, Redis, the secrets and the data dir (contact key). */
export interface NodeSettings {
  databaseUrl: string;
  redisUrl?: string;
  dataDir: string;
  hostToken: string;
  secret: string;
  nodes: number;
  /** 0 = any free port. */
  port?: number;
  env?: Record<string, string>;
}

/** Starts one node and resolves once it listens. */
export async function startNodeProcess(s: NodeSettings): Promise<NodeProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(repoRoot, 'server/src/index.ts')], {
    cwd: repoRoot,
    env: {
      ...process.env,
      PORT: String(s.port ?? 0),
      DRAWCAST_BIND: '127.0.0.1',
      DRAWCAST_DATA_DIR: s.dataDir,
      DRAWCAST_HOST_TOKEN: s.hostToken,
      DRAWCAST_SECRET: s.secret,
      DRAWCAST_LOG_LEVEL: 'warn',
      DRAWCAST_CLUSTER_NODES: String(s.nodes),
      // nginx on loopback forwards the phone's address; limits and lockouts key on it.
      DRAWCAST_TRUST_PROXY: 'loopback',
      DATABASE_URL: s.databaseUrl,
      ...(s.redisUrl && { REDIS_URL: s.redisUrl }),
      INIT_CWD: repoRoot,
      ...s.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout?.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (out += d.toString()));
  const onExit = () => child.kill('SIGKILL');
  process.on('exit', onExit);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const port = await new Promise<number>((resolve, reject) => {
    const onData = () => {
      const m = /listening on http:\/\/[^:]+:(\d+)/.exec(out);
      if (m) resolve(Number(m[1]));
    };
    child.stdout?.on('data', onData);
    void exited.then(() => reject(new Error(`node exited before listening:\n${out}`)));
  });
  const end = async (signal: NodeJS.Signals) => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill(signal);
      await exited;
    }
    process.off('exit', onExit);
  };
  return {
    port,
    url: `http://127.0.0.1:${port}`,
    child,
    output: () => out,
    stop: () => end('SIGTERM'),
    kill: () => end('SIGKILL'),
  };
}
