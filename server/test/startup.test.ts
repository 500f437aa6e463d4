// `npm start` as a user sees it: a busy port gives one clear line and a non-zero exit; with stdout not a
// terminal there is no QR (no ANSI escapes) but always the URL; every start says where the host token is.
import { spawn } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import net from 'node:net';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startupBanner } from '../src/startupMessages';
import { tempDataDir } from './harness';

const repoRoot = path.resolve(import.meta.dirname, '..', '..');

/** The host-token line ends the banner (followed by the token itself when it was generated now). */
const bannerComplete = (out: string) =>
  /^Host token: .*\n/m.test(out) || /printed only this once\):\n {2}\S+\n/.test(out);

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs `server/src/index.ts` with stdout and stderr piped (not a terminal); stops it with SIGTERM once
 * its banner is complete (the host-token line is its last), or waits for it to exit on its own.
 */
function runServer(env: Record<string, string>): Promise<Run> {
  const { DRAWCAST_HOST_TOKEN: _fromCaller, ...inherited } = process.env; // each case sets its own
  const proc = spawn(
    process.execPath,
    ['--import', 'tsx', path.join(repoRoot, 'server', 'src', 'index.ts')],
    {
      cwd: repoRoot,
      env: { ...inherited, DRAWCAST_BIND: '127.0.0.1', DRAWCAST_LOG_LEVEL: 'warn', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let stdout = '';
  let stderr = '';
  proc.stdout.on('data', (chunk: Buffer) => {
    stdout += chunk.toString('utf8');
    if (bannerComplete(stdout)) proc.kill('SIGTERM');
  });
  proc.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  return new Promise((resolve) => proc.once('close', (code) => resolve({ code, stdout, stderr })));
}

describe('npm start output', () => {
  const dirs: string[] = [];
  const dataDir = () => {
    const d = tempDataDir();
    dirs.push(d);
    return d;
  };
  afterAll(() => {
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  });

  it('says in one line which port is busy and how to pick another, and exits non-zero', async () => {
    const blocker = net.createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const port = (blocker.address() as AddressInfo).port;
    try {
      const run = await runServer({ PORT: String(port), DRAWCAST_DATA_DIR: dataDir() });
      expect(run.code).not.toBe(0);
      expect(run.code).not.toBeNull();
      const lines = run.stderr.split('\n').filter((l) => l.trim() !== '');
      expect(lines).toHaveLength(1);
      expect(lines[0]).toContain(`Port ${port}`);
      expect(lines[0]).toContain('already in use');
      expect(lines[0]).toMatch(/PORT=\d+ npm start/);
      expect(run.stderr).not.toMatch(/EADDRINUSE|\n\s+at /);
      expect(run.stdout).not.toContain('listening on');
    } finally {
      await new Promise<void>((resolve) => blocker.close(() => resolve()));
    }
  });

  it('prints the URL but no QR when stdout is not a terminal, and says where the host token is', async () => {
    const dir = dataDir();
    const first = await runServer({ PORT: '0', DRAWCAST_DATA_DIR: dir });
    expect(first.stdout).toMatch(/Phones join at http:\/\/127\.0\.0\.1:\d+\//);
    // eslint-disable-next-line no-control-regex
    expect(first.stdout).not.toMatch(/\x1b\[/);
    expect(first.stdout).not.toMatch(/[▀▄█]/);
    const file = path.join(dir, 'host-token');
    expect(first.stdout).toContain(`Host token (generated now, kept in ${file}, printed only this once):`);
    const token = /printed only this once\):\n {2}(\S+)/.exec(first.stdout)?.[1];
    expect(token).toBeDefined();

    // The second start names the file and does not print the token again.
    const second = await runServer({ PORT: '0', DRAWCAST_DATA_DIR: dir });
    expect(second.stdout).toContain(`Host token: kept in ${file}`);
    expect(second.stdout).not.toContain(token!);

    // With DRAWCAST_HOST_TOKEN no file is written, and the banner says where the token comes from.
    const envDir = dataDir();
    const fromEnv = await runServer({
      PORT: '0',
      DRAWCAST_DATA_DIR: envDir,
      DRAWCAST_HOST_TOKEN: 'a-token-from-the-environment',
    });
    expect(fromEnv.stdout).toContain('Host token: from the DRAWCAST_HOST_TOKEN environment variable');
    expect(fromEnv.stdout).not.toContain('a-token-from-the-environment');
    expect(existsSync(path.join(envDir, 'host-token'))).toBe(false);
  });

  it('draws the QR code on a terminal only', () => {
    const base = {
      localUrl: 'http://127.0.0.1:3000',
      joinUrl: 'http://192.168.1.5:3000/',
      dataDir: '/srv/data',
      hostToken: 'secret-token-0123456789',
      hostTokenSource: 'file' as const,
      qr: '\x1b[47m QR \x1b[0m\n',
    };
    expect(startupBanner({ ...base, isTty: true })).toContain('\x1b[47m QR \x1b[0m');
    expect(startupBanner({ ...base, isTty: false })).not.toContain('\x1b');
    expect(startupBanner({ ...base, isTty: false })).toContain('Phones join at http://192.168.1.5:3000/');
    expect(startupBanner({ ...base, isTty: true })).not.toContain(base.hostToken);
  });
});
