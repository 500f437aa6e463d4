// The optional HTTPS listener as `npm start` runs it: DRAWCAST_HTTPS_PORT=0 makes a self-signed
// certificate in the data dir and prints its SHA-256 fingerprint; a client trusting only that certificate
// (pinned) fetches over TLS and a Socket.IO client joins over wss, into the same server as plain HTTP.
import type { ChildProcess } from 'node:child_process';
import { X509Certificate } from 'node:crypto';
import { readFileSync, rmSync } from 'node:fs';
import https from 'node:https';
import path from 'node:path';
import type { TLSSocket } from 'node:tls';
import { PROTOCOL_VERSION } from '@drawcast/shared';
import type { ClientToServerEvents, ServerToClientEvents } from '@drawcast/shared';
import { io } from 'socket.io-client';
import type { Socket } from 'socket.io-client';
import { afterAll, describe, expect, it } from 'vitest';
import { spawnServer } from './child-server';
import { tempDataDir } from './harness';

const HOST_TOKEN = 'https-test-host-token-0123456789';

interface Started {
  proc: ChildProcess;
  httpUrl: string;
  httpsUrl: string;
  fingerprint: string;
  stdout: string;
}

/** Starts index.ts with HTTPS on port 0 and resolves once its banner (host-token line last) is out. */
function start(dataDir: string, extraEnv: Record<string, string> = {}): Promise<Started> {
  const proc = spawnServer(dataDir, HOST_TOKEN, { DRAWCAST_HTTPS_PORT: '0', ...extraEnv });
  let stdout = '';
  return new Promise((resolve, reject) => {
    proc.stdout!.on('data', (chunk: Buffer) => {
      stdout += chunk.toString('utf8');
      if (!/^Host token: .*\n/m.test(stdout)) return;
      const httpUrl = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(stdout)?.[1];
      const httpsUrl = /host console (https:\/\/127\.0\.0\.1:\d+)\/host /.exec(stdout)?.[1];
      const fingerprint = /SHA-256 fingerprint: ([0-9A-F:]+)/.exec(stdout)?.[1];
      if (!httpUrl || !httpsUrl || !fingerprint) reject(new Error(`banner without HTTPS:\n${stdout}`));
      else resolve({ proc, httpUrl, httpsUrl, fingerprint, stdout });
    });
    proc.once('exit', (code) => reject(new Error(`server exited early with ${code}:\n${stdout}`)));
  });
}

function stop(s: Started): Promise<void> {
  return new Promise((resolve) => {
    if (s.proc.exitCode !== null || s.proc.signalCode !== null) return resolve();
    s.proc.once('exit', () => resolve());
    s.proc.kill('SIGTERM');
  });
}

/** GET over TLS trusting only `ca` (no system roots): resolves with status, body and the peer's fingerprint. */
function getPinned(
  url: string,
  ca: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; body: string; fingerprint: string }> {
  return new Promise((resolve, reject) => {
    const req = https.get(url, { ca, headers, agent: false }, (res) => {
      const fingerprint = (res.socket as TLSSocket).getPeerCertificate().fingerprint256;
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body, fingerprint }));
    });
    req.on('error', reject);
  });
}

describe('HTTPS listener', () => {
  const dirs: string[] = [];
  const running: Started[] = [];
  const sockets: Socket[] = [];
  afterAll(async () => {
    for (const s of sockets) s.disconnect();
    await Promise.all(running.map(stop));
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  });

  it('serves the same app and sockets over TLS with the printed self-signed certificate', async () => {
    const dir = tempDataDir();
    dirs.push(dir);
    const s = await start(dir);
    running.push(s);
    expect(s.stdout).toContain(`${s.httpsUrl}/host#desk`);
    expect(s.stdout).toContain('made now');
    const cert = readFileSync(path.join(dir, 'tls', 'cert.pem'), 'utf8');
    expect(new X509Certificate(cert).fingerprint256).toBe(s.fingerprint);

    // Pinned: the only trusted certificate is the one in the data dir; the peer shows the printed fingerprint.
    const health = await getPinned(`${s.httpsUrl}/healthz`, cert);
    expect(health.status).toBe(200);
    expect(health.fingerprint).toBe(s.fingerprint);
    const consolePage = await getPinned(`${s.httpsUrl}/host`, cert);
    expect(consolePage.status).toBe(200);

    // Any other certificate is refused: the client really checks.
    const stranger = tempDataDir();
    dirs.push(stranger);
    const { loadOrCreateSelfSigned } = await import('../src/io/keys/tlsCertificate');
    const strangerCert = (await loadOrCreateSelfSigned(stranger, [])).cert;
    await expect(getPinned(`${s.httpsUrl}/healthz`, strangerCert)).rejects.toThrow(
      /self.signed|certificate/i,
    );

    // An event made over plain HTTP is joined over wss: one app, one io.
    const created = await fetch(`${s.httpUrl}/api/events`, {
      method: 'POST',
      headers: { authorization: `Bearer ${HOST_TOKEN}`, 'content-type': 'application/json' },
      body: JSON.stringify({ title: 'TLS night' }),
    });
    expect(created.status).toBe(201);
    const event = (await created.json()) as { id: string; joinCode: string };
    const opened = await fetch(`${s.httpUrl}/api/events/${event.id}/open`, {
      method: 'POST',
      headers: { authorization: `Bearer ${HOST_TOKEN}` },
    });
    expect(opened.status).toBe(200);
    const phone: Socket<ServerToClientEvents, ClientToServerEvents> = io(s.httpsUrl, {
      auth: { protocolVersion: PROTOCOL_VERSION },
      transports: ['websocket'],
      ca: cert,
      forceNew: true,
    });
    sockets.push(phone);
    const ack = await phone.emitWithAck('event:join', {
      joinCode: event.joinCode,
      nickname: 'Secure Sam',
      deviceToken: 'device-token-over-wss-0001',
    });
    expect(ack.ok).toBe(true);
    expect(phone.io.engine.transport.name).toBe('websocket');
    const list = await getPinned(`${s.httpsUrl}/api/events/${event.id}/participants`, cert, {
      authorization: `Bearer ${HOST_TOKEN}`,
    });
    expect(list.status).toBe(200);
    expect(list.body).toContain('Secure Sam');
    phone.disconnect();
    await stop(s);

    // The next start keeps the certificate: same fingerprint, said to be kept.
    const again = await start(dir);
    running.push(again);
    expect(again.fingerprint).toBe(s.fingerprint);
    expect(again.stdout).toContain('kept in');
    await stop(again);
  }, 60_000);

  it('is off unless asked for, and says how to turn it on', async () => {
    const { startupBanner } = await import('../src/startupMessages');
    const banner = startupBanner({
      localUrl: 'http://127.0.0.1:3000',
      joinUrl: 'http://192.168.1.5:3000/',
      dataDir: '/srv/data',
      hostToken: 'x'.repeat(20),
      hostTokenSource: 'file',
      isTty: false,
    });
    expect(banner).toContain('HTTPS: off');
    expect(banner).toContain('DRAWCAST_HTTPS_PORT');
    // On: links and fingerprint; the one-click token only on the start that generated it.
    const https = {
      url: 'https://192.168.1.5:3443',
      fingerprint256: 'AB:CD',
      source: 'generated' as const,
      certFile: '/srv/data/tls/cert.pem',
    };
    const on = startupBanner({
      localUrl: 'http://127.0.0.1:3000',
      joinUrl: 'http://192.168.1.5:3000/',
      dataDir: '/srv/data',
      hostToken: 'token-0123456789abcdef',
      hostTokenSource: 'generated',
      isTty: false,
      https,
    });
    expect(on).toContain('host console https://192.168.1.5:3443/host#token=token-0123456789abcdef');
    expect(on).toContain('prize desk https://192.168.1.5:3443/host#desk');
    expect(on).toContain('SHA-256 fingerprint: AB:CD');
    const later = startupBanner({
      localUrl: 'http://127.0.0.1:3000',
      joinUrl: 'http://192.168.1.5:3000/',
      dataDir: '/srv/data',
      hostToken: 'token-0123456789abcdef',
      hostTokenSource: 'file',
      isTty: false,
      https: { ...https, source: 'file' },
    });
    expect(later).not.toContain('token-0123456789abcdef');
    expect(later).toContain('kept in /srv/data/tls/cert.pem');
  });
});
