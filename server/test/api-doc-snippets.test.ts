// docs/API.md as a new user runs it: every ```sh block, in order, in one bash session, against a real
// server (server/src/index.ts in its own process, data in ./data of a scratch copy of the repo root).
// Only the block that starts the server is skipped (this test starts it), and `http://localhost:3000`
// becomes the real port 0 URL. A step that fails stops the script; an error answer fails the test.
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, describe, expect, it } from 'vitest';

const repoRoot = path.resolve(import.meta.dirname, '..', '..');

/** The fenced blocks of a Markdown text with their language, in document order. */
export function fencedBlocks(markdown: string): Array<{ lang: string; code: string }> {
  return [...markdown.matchAll(/^```(\w*)\n([\s\S]*?)^```$/gm)].map((m) => ({ lang: m[1]!, code: m[2]! }));
}

/** A scratch "repository root": links to everything in the real one except `data`, so `./data` is fresh. */
function scratchRoot(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'drawcast-apidoc-'));
  for (const name of readdirSync(repoRoot)) {
    if (name === 'data' || name === '.git') continue;
    symlinkSync(path.join(repoRoot, name), path.join(dir, name));
  }
  return dir;
}

/** Starts the real entry point and resolves with its URL once it listens. */
function startServer(cwd: string, env: Record<string, string>): Promise<{ proc: ChildProcess; url: string }> {
  const { DRAWCAST_HOST_TOKEN: _ignored, ...inherited } = process.env;
  const proc = spawn(
    process.execPath,
    ['--import', 'tsx', path.join(repoRoot, 'server', 'src', 'index.ts')],
    {
      cwd,
      env: {
        ...inherited,
        INIT_CWD: cwd,
        PORT: '0',
        DRAWCAST_BIND: '127.0.0.1',
        DRAWCAST_LOG_LEVEL: 'warn',
        ...env,
      },
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  return new Promise((resolve, reject) => {
    createInterface({ input: proc.stdout! }).on('line', (line) => {
      const match = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(line);
      if (match) resolve({ proc, url: match[1]! });
    });
    proc.once('exit', (code) => reject(new Error(`server exited early with ${code}`)));
  });
}

describe('docs/API.md snippets', () => {
  const root = scratchRoot();
  const servers: ChildProcess[] = [];
  afterAll(() => {
    for (const s of servers) if (s.exitCode === null) s.kill('SIGTERM');
    rmSync(root, { recursive: true, force: true });
  });

  it('extracts the fenced blocks it will run', () => {
    expect(fencedBlocks('a\n```sh\necho 1\n```\n```js\nx\n```\n')).toEqual([
      { lang: 'sh', code: 'echo 1\n' },
      { lang: 'js', code: 'x\n' },
    ]);
  });

  it('runs every shell block in order, as written, against a real server', async () => {
    const blocks = fencedBlocks(readFileSync(path.join(repoRoot, 'docs', 'API.md'), 'utf8'));
    // Everything runnable is a shell block (TypeScript runs inside them through `npx tsx`).
    expect(blocks.filter((b) => !['sh', 'text', 'json'].includes(b.lang))).toEqual([]);
    const shell = blocks.filter((b) => b.lang === 'sh' && b.code.trim() !== 'npm install && npm start');
    expect(shell.length).toBeGreaterThan(15);

    const a = await startServer(root, { DRAWCAST_DATA_DIR: path.join(root, 'data') });
    servers.push(a.proc);
    // The restore example writes into a second server.
    const b = await startServer(root, {
      DRAWCAST_DATA_DIR: path.join(root, 'data2'),
      DRAWCAST_HOST_TOKEN: 'second-server-token-0123456789',
    });
    servers.push(b.proc);

    const script = [
      'set -euo pipefail',
      ...shell.map((block, i) => `echo "=== block ${i + 1} ==="\n${block.code}`),
      'echo "=== done ==="',
    ]
      .join('\n')
      .replaceAll('http://localhost:3000', a.url);
    const { DRAWCAST_HOST_TOKEN: _ignored, ...inherited } = process.env;
    const run = await new Promise<{ code: number | null; out: string }>((resolve) => {
      const proc = spawn('bash', ['-c', script], {
        cwd: root,
        env: {
          ...inherited,
          INIT_CWD: root,
          HOST2: b.url,
          TOKEN2: 'second-server-token-0123456789',
          npm_config_update_notifier: 'false',
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let out = '';
      proc.stdout.on('data', (c: Buffer) => (out += c.toString('utf8')));
      proc.stderr.on('data', (c: Buffer) => (out += c.toString('utf8')));
      proc.once('close', (code) => resolve({ code, out }));
    });
    const tail = run.out.slice(-4000);
    // API_DOC_OUT=file keeps the whole transcript, to read what each block printed.
    if (process.env.API_DOC_OUT) writeFileSync(process.env.API_DOC_OUT, run.out);
    expect({ code: run.code, tail }).toMatchObject({ code: 0 });
    expect(run.out).toContain('=== done ===');
    // No step answered with an error (the doc shows expected errors only as comments, never runs them).
    expect(run.out.match(/.*"ok":false.*/g) ?? []).toEqual([]);
    // The walk-through's five phones printed their odds, and the proof checked out.
    expect(run.out.match(/^(Ann|Bo|Chen|Dee|Eli) p_\S+ odds \d\.\d{3}/gm)).toHaveLength(5);
    expect(run.out).toMatch(/server clock minus this one: -?\d/);
  }, 240_000);
});
