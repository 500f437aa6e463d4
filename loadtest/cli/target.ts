// The server under load: the URLs given with --target, or one the CLI starts itself (one node on SQLite, or
// two nodes on a throwaway PostgreSQL and redis-server), configured for load runs.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startLocalCluster } from '../../server/src/throwaway/localCluster';

const repoRoot = path.resolve(import.meta.dirname, '..', '..');

/** What a load run talks to; `pids` are the server processes (for CPU and memory), empty for --target. */
export interface LoadTarget {
  urls: string[];
  hostToken: string;
  pids: number[];
  describe: string;
  stop(): Promise<void>;
}

/** A load run opens thousands of sockets from one address and joins far faster than a person could. */
export const LOAD_ENV: Record<string, string> = {
  DRAWCAST_MAX_CONNECTIONS_PER_IP: '0',
  DRAWCAST_JOINS_PER_IP_PER_MINUTE: '1000000',
  DRAWCAST_LOG_LEVEL: 'warn',
};

function startSqliteNode(hostToken: string): Promise<{ url: string; child: ChildProcess; dataDir: string }> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'drawcast-loadtest-'));
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(repoRoot, 'server/src/index.ts')], {
    cwd: repoRoot,
    env: {
      ...process.env,
      ...LOAD_ENV,
      PORT: '0',
      DRAWCAST_BIND: '127.0.0.1',
      DRAWCAST_DATA_DIR: dataDir,
      DRAWCAST_HOST_TOKEN: hostToken,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stderr?.on('data', (d: Buffer) => process.stderr.write(`[server] ${d.toString()}`));
  return new Promise((resolve, reject) => {
    child.stdout?.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(out);
      if (m) resolve({ url: m[1]!, child, dataDir });
    });
    child.once('exit', (code) => reject(new Error(`server exited early (${code}):\n${out}`)));
  });
}

function startBare(): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', path.join(import.meta.dirname, 'bareServer.ts')],
    {
      cwd: repoRoot,
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  let out = '';
  return new Promise((resolve, reject) => {
    child.stdout?.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(out);
      if (m) resolve({ url: m[1]!, child });
    });
    child.once('exit', (code) => reject(new Error(`bare server exited early (${code}):\n${out}`)));
  });
}

/** Why: the baseline a join figure is compared with: same clients, same machine, no Drawcast logic. */
export async function openBareTarget(): Promise<LoadTarget> {
  const bare = await startBare();
  const exited = new Promise<void>((resolve) => bare.child.once('exit', () => resolve()));
  return {
    urls: [bare.url],
    hostToken: '',
    pids: [bare.child.pid!],
    describe: `bare Socket.IO (${bare.url})`,
    async stop() {
      bare.child.kill('SIGTERM');
      await exited;
    },
  };
}

/** Why: `--target` for a server you run yourself; without it the run is self-contained and cleans up. */
export async function openTarget(opts: {
  targets: string[];
  nodes: number;
  hostToken: string | undefined;
}): Promise<LoadTarget> {
  if (opts.targets.length > 0) {
    if (!opts.hostToken)
      throw new Error('--target needs the host token (--host-token or DRAWCAST_HOST_TOKEN)');
    return {
      urls: opts.targets,
      hostToken: opts.hostToken,
      pids: [],
      describe: opts.targets.join(', '),
      stop: async () => undefined,
    };
  }
  const hostToken = randomBytes(18).toString('base64url');
  if (opts.nodes === 1) {
    const node = await startSqliteNode(hostToken);
    const exited = new Promise<void>((resolve) => node.child.once('exit', () => resolve()));
    const onExit = () => node.child.kill('SIGKILL');
    process.on('exit', onExit);
    return {
      urls: [node.url],
      hostToken,
      pids: [node.child.pid!],
      describe: `one node on SQLite (${node.url}, started by the CLI)`,
      async stop() {
        node.child.kill('SIGTERM');
        await exited;
        process.off('exit', onExit);
        rmSync(node.dataDir, { recursive: true, force: true });
      },
    };
  }
  const cluster = await startLocalCluster({ nodes: opts.nodes, nginx: false, env: LOAD_ENV });
  return {
    urls: cluster.nodes.map((n) => n.url),
    hostToken: cluster.hostToken,
    pids: cluster.nodes.map((n) => n.child.pid!),
    describe: `${opts.nodes} nodes on PostgreSQL + Redis (${cluster.nodes.map((n) => n.url).join(', ')}, started by the CLI)`,
    stop: () => cluster.stop(),
  };
}
