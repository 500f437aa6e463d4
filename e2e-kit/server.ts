// Starts a real Drawcast server as a child process (port 0, a temp data dir) for end-to-end tests.
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** A running server: its base URL, host token and data dir; stop() kills it and removes the dir. */
export interface RunningServer {
  url: string;
  port: number;
  hostToken: string;
  dataDir: string;
  child: ChildProcess;
  output: () => string;
  stop(): Promise<void>;
}

/** Why: UI tests must drive the real server (SQLite file, sockets), started exactly as `npm start` does. */
export async function startServer(
  options: { env?: Record<string, string>; dataDir?: string } = {},
): Promise<RunningServer> {
  const dataDir = options.dataDir ?? mkdtempSync(path.join(os.tmpdir(), 'drawcast-e2e-'));
  const hostToken = 'e2e-host-token-' + Math.random().toString(36).slice(2, 12);
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(repoRoot, 'server/src/index.ts')], {
    cwd: repoRoot,
    env: {
      ...process.env,
      PORT: '0',
      DRAWCAST_BIND: '127.0.0.1',
      DRAWCAST_DATA_DIR: dataDir,
      DRAWCAST_HOST_TOKEN: hostToken,
      DRAWCAST_LOG_LEVEL: 'warn',
      INIT_CWD: repoRoot,
      ...options.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout?.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (out += d.toString()));
  const port = await new Promise<number>((resolve, reject) => {
    const onData = () => {
      const m = /listening on http:\/\/[^:]+:(\d+)/.exec(out);
      if (m) resolve(Number(m[1]));
    };
    child.stdout?.on('data', onData);
    child.once('exit', (code) => reject(new Error(`server exited (${code}) before listening:\n${out}`)));
  });
  const url = `http://127.0.0.1:${port}`;
  return {
    url,
    port,
    hostToken,
    dataDir,
    child,
    output: () => out,
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        await exited;
      }
      if (!options.dataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Calls the host REST API with the host token; throws with the body on a non-2xx answer. */
export async function hostApi<T = unknown>(
  server: RunningServer,
  method: string,
  pathname: string,
  body?: unknown,
): Promise<T> {
  const res = await fetch(server.url + pathname, {
    method,
    headers: {
      authorization: `Bearer ${server.hostToken}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`${method} ${pathname} -> ${res.status}: ${text}`);
  return (text ? JSON.parse(text) : undefined) as T;
}
