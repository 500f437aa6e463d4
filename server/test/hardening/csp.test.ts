// The Content-Security-Policy on every page the server serves: no 'unsafe-inline' or 'unsafe-eval' for scripts,
// and no inline <script> the policy would have to allow, with the apps built and with the placeholders.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startTestServer } from '../harness';
import type { TestServer } from '../harness';

const PAGES = [
  '/',
  '/j/x',
  '/join/ABCDEF',
  '/host',
  '/host/desk',
  '/stage',
  '/stage/x',
  '/docs/api',
  '/no-such-page',
  '/api/no-such-route',
  '/placeholder.css',
];
const dirs: string[] = [];
const servers: TestServer[] = [];
afterAll(async () => {
  for (const t of servers) await t.close();
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

/** The directives that govern scripts, parsed from the header (script-src falls back to default-src). */
export function scriptSources(csp: string): Record<string, string[]> {
  const directives = new Map(
    csp
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((parts) => parts[0])
      .map((parts) => [parts[0]!.toLowerCase(), parts.slice(1)] as const),
  );
  const out: Record<string, string[]> = {};
  for (const name of ['default-src', 'script-src', 'script-src-elem', 'script-src-attr']) {
    const value = directives.get(name);
    if (value) out[name] = value;
  }
  return out;
}

/** A built app folder with an index.html like Vite writes (module script by src only). */
function builtApp(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'drawcast-csp-'));
  dirs.push(dir);
  mkdirSync(path.join(dir, 'assets'));
  writeFileSync(
    path.join(dir, 'index.html'),
    '<!doctype html><script type="module" src="/assets/x.js"></script>',
  );
  return dir;
}

describe.each([
  ['placeholders (apps not built)', false],
  ['built apps', true],
])('CSP with %s', (_label, built) => {
  it('sends a CSP without unsafe-inline or unsafe-eval scripts on every page, and no inline script', async () => {
    const empty = mkdtempSync(path.join(os.tmpdir(), 'drawcast-csp-empty-'));
    dirs.push(empty);
    const t = await startTestServer({
      config: {
        staticDirs: built ? { stage: builtApp(), mobile: builtApp() } : { stage: empty, mobile: empty },
      },
    });
    servers.push(t);
    const seen: Array<{
      page: string;
      status: number;
      sources: Record<string, string[]>;
      unsafe: string[];
      inlineScripts: number;
    }> = [];
    for (const page of PAGES) {
      const res = await fetch(`${t.url}${page}`);
      const body = await res.text();
      const csp = res.headers.get('content-security-policy') ?? '';
      const sources = scriptSources(csp);
      const unsafe = Object.values(sources)
        .flat()
        .filter((s) =>
          /^'unsafe-(inline|eval|hashes)'$|^'wasm-unsafe-eval'$|^\*$|^data:$|^https?:$/i.test(s),
        );
      const inlineScripts = [...body.matchAll(/<script\b([^>]*)>/gi)].filter(
        ([, attrs]) => !/\bsrc\s*=/i.test(attrs!),
      ).length;
      seen.push({ page, status: res.status, sources, unsafe, inlineScripts });
    }
    for (const s of seen) {
      expect(s, s.page).toMatchObject({ unsafe: [], inlineScripts: 0 });
      expect(s.sources['script-src'] ?? s.sources['default-src'], s.page).toEqual(["'self'"]);
    }
    // Every page was really served (a 404 page is a page too), not skipped.
    expect(seen.map((s) => s.status).filter((code) => code >= 500)).toEqual([]);
  });
});

describe('scriptSources', () => {
  it('reads script-src and default-src out of a header', () => {
    expect(scriptSources("default-src 'self';script-src 'self' 'unsafe-eval'; img-src data:")).toEqual({
      'default-src': ["'self'"],
      'script-src': ["'self'", "'unsafe-eval'"],
    });
  });
});
