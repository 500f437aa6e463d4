// The transports' edges: unknown socket commands, REST typos, the host lockout count, metrics from 0,
// and the pages behind the banner's and the join ack's links.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Ack } from '@drawcast/shared';
import { startTestServer } from './harness';
import type { TestServer } from './harness';

const servers: TestServer[] = [];
const dirs: string[] = [];
afterEach(async () => {
  for (const s of servers.splice(0)) await s.close();
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function emptyDir(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'drawcast-ui-'));
  dirs.push(dir);
  return dir;
}

async function serverWithApps(stage: string, mobile: string): Promise<TestServer> {
  const t = await startTestServer({ config: { staticDirs: { stage, mobile } } });
  servers.push(t);
  return t;
}

describe('unknown socket commands', () => {
  it('answers an unknown event that carries an ack with UNKNOWN_COMMAND at once', async () => {
    const t = await serverWithApps(emptyDir(), emptyDir());
    const socket = await t.connect({ role: 'audience' });
    const emitUntyped = socket.emitWithAck.bind(socket) as unknown as (
      event: string,
      payload: unknown,
    ) => Promise<Ack<unknown>>;
    expect(await socket.emitWithAck('clock:ping', {})).toMatchObject({ ok: true });
    const unknown = await emitUntyped('round:drawz', { roundId: 'x' });
    expect(unknown).toMatchObject({ ok: false, code: 'UNKNOWN_COMMAND' });
    if (!unknown.ok) expect(unknown.message).toContain('round:drawz');
    // A known command still answers normally afterwards (the unknown one changed nothing).
    expect(await socket.emitWithAck('clock:ping', {})).toMatchObject({ ok: true });
  });
});

describe('REST bodies', () => {
  it('names the unknown key of a typo as well as the missing field', async () => {
    const t = await serverWithApps(emptyDir(), emptyDir());
    const res = await t.api<{ ok: false; code: string; message: string; field: string }>(
      'POST',
      '/api/events',
      {
        titel: 'x',
      },
    );
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ ok: false, code: 'VALIDATION_FAILED', field: 'title' });
    expect(res.body.message).toContain('title');
    expect(res.body.message).toContain('titel');
    expect((await t.api<unknown[]>('GET', '/api/events')).body).toEqual([]);
  });
});

describe('host lockout', () => {
  it('answers 10 failed attempts UNAUTHORIZED and locks the IP out from the 11th, as docs/API.md says', async () => {
    const t = await serverWithApps(emptyDir(), emptyDir());
    const codes: string[] = [];
    for (let i = 0; i < 10; i += 1) {
      const res = await t.api<{ code: string }>('GET', '/api/events', undefined, `wrong-token-${i}`);
      codes.push(`${res.status} ${res.body.code}`);
    }
    expect(codes).toEqual(Array(10).fill('401 UNAUTHORIZED'));
    const locked = await t.api<{ code: string }>('GET', '/api/events');
    expect(locked.status).toBe(429);
    expect(locked.body.code).toBe('LOCKED_OUT');
    expect(Number(locked.headers.get('retry-after'))).toBeGreaterThan(0);
  });
});

describe('metrics', () => {
  it('shows every documented joins_total result and each command latency series at 0 before anything happened', async () => {
    const t = await serverWithApps(emptyDir(), emptyDir());
    const res = await fetch(`${t.url}/metrics`);
    const text = await res.text();
    for (const result of ['created', 'existing', 'failed']) {
      expect(text).toContain(`drawcast_joins_total{result="${result}"} 0`);
    }
    expect(text).toContain('drawcast_ack_latency_seconds_count{event="event:join"} 0');
    expect(text).toContain('drawcast_ack_latency_seconds_count{event="round:draw"} 0');
  });
});

describe('pages outside /api', () => {
  it('answers /stage, /host and /join/<code> with a clear page while the apps are not built', async () => {
    const t = await serverWithApps(emptyDir(), emptyDir());
    for (const [route, words] of [
      ['/stage', 'Stage screen'],
      ['/host', 'Host console'],
      ['/join/ABC123?ref=xyz', 'Join event ABC123'],
      ['/', 'Drawcast'],
    ] as const) {
      const res = await fetch(`${t.url}${route}`);
      expect(res.status, route).toBe(200);
      expect(res.headers.get('content-type'), route).toContain('text/html');
      const body = await res.text();
      expect(body, route).toContain(words);
      expect(body, route).toContain('not built');
    }
    const hostile = await (await fetch(`${t.url}/join/%3Cb%3Ex`)).text();
    expect(hostile).not.toContain('<b>x');
  });

  it('serves the built phone app for /join/<code> and the console for /host once they exist', async () => {
    const mobile = emptyDir();
    writeFileSync(path.join(mobile, 'index.html'), '<!doctype html><title>phone app</title>');
    writeFileSync(path.join(mobile, 'host.html'), '<!doctype html><title>host app</title>');
    const stage = emptyDir();
    mkdirSync(stage, { recursive: true });
    writeFileSync(path.join(stage, 'index.html'), '<!doctype html><title>stage app</title>');
    const t = await serverWithApps(stage, mobile);
    expect(await (await fetch(`${t.url}/join/ABC123?ref=xyz`)).text()).toContain('phone app');
    expect(await (await fetch(`${t.url}/host`)).text()).toContain('host app');
    expect(await (await fetch(`${t.url}/stage`)).text()).toContain('stage app');
  });

  it('gives unknown paths outside /api a 404 page, and keeps JSON 404s under /api', async () => {
    const t = await serverWithApps(emptyDir(), emptyDir());
    const page = await fetch(`${t.url}/no/such/page`);
    expect(page.status).toBe(404);
    expect(page.headers.get('content-type')).toContain('text/html');
    expect(await page.text()).toContain('Page not found');
    const api = await fetch(`${t.url}/api/no/such/route`);
    expect(api.status).toBe(404);
    expect(await api.json()).toMatchObject({ ok: false, code: 'NOT_FOUND' });
  });
});
