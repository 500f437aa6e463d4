// A throwaway PostgreSQL for tests and `npm run cluster`: initdb in a temp dir, a free port, start/stop at will.
import { execFileSync, spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { freePort } from './freePort';

/** Where Debian puts the server binaries (not on PATH); PG_BIN overrides. */
function binDir(): string {
  if (process.env.PG_BIN) return process.env.PG_BIN;
  for (const v of ['17', '16', '15', '14']) {
    const dir = `/usr/lib/postgresql/${v}/bin`;
    if (existsSync(path.join(dir, 'initdb'))) return dir;
  }
  return '';
}

/** A running (or stopped) throwaway server. */
export interface ThrowawayPostgres {
  port: number;
  /** postgres://postgres@127.0.0.1:port/<database> */
  url(database?: string): string;
  /** Creates a fresh database and returns its URL. */
  createDatabase(name: string): string;
  start(): void;
  /** Fast shutdown (connections are cut, nothing committed is lost). */
  stop(): void;
  /** Stops the server and removes its directory. */
  destroy(): void;
}

interface RunAs {
  uid: number;
  gid: number;
}

/** initdb and postgres refuse to run as root: as root, run them as the `postgres` user (Debian creates it). */
function runAs(): RunAs | null {
  if (process.getuid?.() !== 0) return null;
  const out = spawnSync('id', ['-u', 'postgres'], { encoding: 'utf8' });
  const gid = spawnSync('id', ['-g', 'postgres'], { encoding: 'utf8' });
  if (out.status !== 0) throw new Error('running as root and there is no postgres user to run PostgreSQL as');
  return { uid: Number(out.stdout.trim()), gid: Number(gid.stdout.trim()) };
}

/**
 * Starts a throwaway server: `fsync` off by default (tests; nothing here must survive a power cut), a
 * unix socket inside its own directory, trust auth on 127.0.0.1 only. Call destroy() when done.
 */
export async function startThrowawayPostgres(
  options: { durable?: boolean } = {},
): Promise<ThrowawayPostgres> {
  const bin = binDir();
  const user = runAs();
  const dir = mkdtempSync(path.join(tmpdir(), 'drawcast-pg-'));
  const data = path.join(dir, 'data');
  if (user) chownSync(dir, user.uid, user.gid);
  const exec = (file: string, args: string[], input?: string) =>
    execFileSync(path.join(bin, file), args, {
      cwd: dir,
      stdio: input === undefined ? ['ignore', 'pipe', 'pipe'] : ['pipe', 'pipe', 'pipe'],
      input,
      encoding: 'utf8',
      ...(user ?? {}),
    });
  exec('initdb', ['-D', data, '-A', 'trust', '-U', 'postgres', '--no-sync', '-E', 'UTF8', '--locale=C']);
  const port = await freePort();
  const settings = [
    `-p ${port}`,
    `-k ${dir}`,
    '-c listen_addresses=127.0.0.1',
    '-c max_connections=200',
    ...(options.durable ? [] : ['-c fsync=off', '-c synchronous_commit=off', '-c full_page_writes=off']),
  ].join(' ');
  const pgCtl = (args: string[]) => exec('pg_ctl', ['-D', data, ...args]);
  let running = false;
  const server: ThrowawayPostgres = {
    port,
    url: (database = 'postgres') => `postgres://postgres@127.0.0.1:${port}/${database}`,
    createDatabase(name) {
      exec('psql', [
        '-h',
        dir,
        '-p',
        String(port),
        '-U',
        'postgres',
        '-q',
        '-c',
        `CREATE DATABASE "${name}"`,
      ]);
      return server.url(name);
    },
    start() {
      if (running) return;
      pgCtl(['-l', path.join(dir, 'log'), '-o', settings, '-w', '-t', '30', 'start']);
      running = true;
    },
    stop() {
      if (!running) return;
      pgCtl(['-m', 'fast', '-w', '-t', '30', 'stop']);
      running = false;
    },
    destroy() {
      try {
        server.stop();
      } catch {
        pgCtl(['-m', 'immediate', 'stop']);
      }
      process.off('exit', onExit);
      rmSync(dir, { recursive: true, force: true });
    },
  };
  // A test run that dies must not leave a postgres behind.
  const onExit = () => {
    if (running)
      spawnSync(path.join(bin, 'pg_ctl'), ['-D', data, '-m', 'immediate', 'stop'], { ...(user ?? {}) });
  };
  process.on('exit', onExit);
  server.start();
  return server;
}
