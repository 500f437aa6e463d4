// The verify CLI as a user runs it: a real process, real files in a temp dir, a real HTTP server.
import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildProof } from '../fairness';

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
const tsxCli = join(repoRoot, 'node_modules/tsx/dist/cli.mjs');
const verifyScript = fileURLToPath(new URL('./verify.ts', import.meta.url));

const proof = buildProof({
  roundId: 'cli-round',
  serverSeed: '7971089fabf914db4a53a339a1a04b1a68583f8bc92089a7f491da6764b15efd',
  publicEntropy: 'beacon:777',
  entries: Array.from({ length: 30 }, (_, i) => ({
    id: `p${String(i).padStart(2, '0')}`,
    weight: 1 + (i % 3),
  })),
  k: 3,
});

interface RunResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

function runCli(args: string[], cwd = repoRoot): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [tsxCli, verifyScript, ...args], {
      cwd,
      env: { ...process.env, INIT_CWD: cwd },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

let dir: string;
let server: ReturnType<typeof createServer>;
let baseUrl: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'drawcast-verify-'));
  await writeFile(join(dir, 'good.json'), JSON.stringify(proof));
  await writeFile(
    join(dir, 'tampered.json'),
    JSON.stringify({ ...proof, winners: [...proof.winners].reverse() }),
  );
  await writeFile(join(dir, 'broken.json'), '{"algorithm": "drawcast-v1",');
  server = createServer((req, res) => {
    if (req.url === '/api/rounds/cli-round/proof') {
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(proof));
    } else {
      res.writeHead(404).end('not found');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await rm(dir, { recursive: true, force: true });
});

describe('npm run verify', () => {
  it('exits 0 and ticks all four checks for a genuine proof file', async () => {
    const result = await runCli([join(dir, 'good.json')]);
    expect(result.code).toBe(0);
    for (const check of ['format', 'commitment', 'digest', 'winners'])
      expect(result.stdout).toMatch(new RegExp(`✓ ${check}`));
    expect(result.stdout).toContain(`VERIFIED: 3 winner(s) in order drawn: ${proof.winners.join(', ')}`);
  });

  it('exits 1 and marks the winners check ✗ for a tampered proof, resolving a path relative to the cwd', async () => {
    const result = await runCli(['tampered.json'], dir);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/✓ commitment/);
    expect(result.stdout).toMatch(/✗ winners +replaying the draw puts/);
    expect(result.stdout).toContain('NOT VERIFIED: the winners check failed');
  });

  it('verifies a proof fetched from a URL', async () => {
    const result = await runCli([`${baseUrl}/api/rounds/cli-round/proof`]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('VERIFIED');
  });

  it('exits 2 on usage errors, unreadable files, HTTP errors and non-JSON', async () => {
    const runs = await Promise.all([
      runCli([]),
      runCli([join(dir, 'missing.json')]),
      runCli([`${baseUrl}/api/rounds/nope/proof`]),
      runCli([join(dir, 'broken.json')]),
    ]);
    expect(runs.map((r) => r.code)).toEqual([2, 2, 2, 2]);
    expect(runs[0].stderr).toContain('usage: npm run verify');
    expect(runs[1].stderr).toContain('cannot read');
    expect(runs[2].stderr).toContain('HTTP 404');
    expect(runs[3].stderr).toContain('not JSON');
  });
});
