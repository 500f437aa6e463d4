// A real server in its own process (so it can be SIGKILLed), as `npm start` runs it.
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import path from 'node:path';
import { createInterface } from 'node:readline';

const repoRoot = path.resolve(import.meta.dirname, '..', '..');

/** A server child and the URL it listens on. */
export interface ChildServer {
  proc: ChildProcess;
  url: string;
  /** Resolves with the first stdout line (from now on) that matches, e.g. a `FAILPOINT <name>` line. */
  waitForLine(pattern: RegExp): Promise<string>;
}

/**
 * Starts `server/src/index.ts` on port 0 over `dataDir` and resolves with the URL it prints; `env` adds to
 * its environment (e.g. DRAWCAST_FAILPOINT, see server/src/failpoint.ts), `nodeArgs` node flags (e.g.
 * --cpu-prof, which NODE_OPTIONS refuses).
 */
export function startChildServer(
  dataDir: string,
  hostToken: string,
  env: Record<string, string> = {},
  nodeArgs: string[] = [],
): Promise<ChildServer> {
  const proc = spawnServer(dataDir, hostToken, env, nodeArgs);
  return new Promise((resolve, reject) => {
    const lines = createInterface({ input: proc.stdout! });
    const waitForLine = (pattern: RegExp) =>
      new Promise<string>((found) => {
        const onLine = (line: string) => {
          if (!pattern.test(line)) return;
          lines.off('line', onLine);
          found(line);
        };
        lines.on('line', onLine);
      });
    lines.on('line', (line) => {
      const match = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(line);
      if (match) resolve({ proc, url: match[1]!, waitForLine });
    });
    proc.once('exit', (code) => reject(new Error(`server exited early with ${code}`)));
  });
}

/** SIGKILL, resolved once the process is gone. */
export function kill9(child: ChildServer): Promise<void> {
  return new Promise((resolve) => {
    if (child.proc.exitCode !== null || child.proc.signalCode !== null) return resolve();
    child.proc.once('exit', () => resolve());
    child.proc.kill('SIGKILL');
  });
}

/** Spawns `server/src/index.ts` as `npm start` runs it (port 0, loopback, quiet logs, stdout piped); `env` adds to it. */
export function spawnServer(
  dataDir: string,
  hostToken: string,
  env: Record<string, string> = {},
  nodeArgs: string[] = [],
): ChildProcess {
  return spawn(
    process.execPath,
    [...nodeArgs, '--import', 'tsx', path.join(repoRoot, 'server', 'src', 'index.ts')],
    {
      cwd: repoRoot,
      env: {
        ...process.env,
        PORT: '0',
        DRAWCAST_BIND: '127.0.0.1',
        DRAWCAST_DATA_DIR: dataDir,
        DRAWCAST_HOST_TOKEN: hostToken,
        DRAWCAST_LOG_LEVEL: 'warn',
        ...env,
      },
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
}
