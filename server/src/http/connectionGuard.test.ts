// dropSilentConnections on its own: a bare http.Server whose own headers timeout is far away, so only the
// guard can close the silent socket (the app's test races it against Node's 408).
import http from 'node:http';
import net from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterEach, expect, test } from 'vitest';
import { dropSilentConnections } from './connectionGuard';

const servers: http.Server[] = [];
afterEach(async () => {
  for (const s of servers.splice(0)) {
    s.closeAllConnections();
    await new Promise((resolve) => s.close(resolve));
  }
});

async function guarded(ms: number): Promise<number> {
  const server = http.createServer({ headersTimeout: 60_000, requestTimeout: 120_000 }, (_req, res) =>
    res.end('ok'),
  );
  servers.push(server);
  dropSilentConnections(server, ms);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return (server.address() as AddressInfo).port;
}

/** Connects, optionally writes, reads everything and resolves with what came back once the socket closed. */
function exchange(port: number, write?: string): Promise<string> {
  return new Promise((resolve) => {
    const s = net.connect(port, '127.0.0.1', () => {
      if (write !== undefined) s.write(write);
    });
    let reply = '';
    s.on('data', (d) => (reply += String(d)));
    s.on('error', () => undefined);
    s.once('close', () => resolve(reply));
  });
}

test('closes a socket that sent nothing, without a word', async () => {
  const port = await guarded(150);
  expect(await exchange(port)).toBe('');
});

test('leaves a socket that sent a request alone', async () => {
  const port = await guarded(150);
  const reply = await exchange(port, 'GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n');
  expect(reply).toMatch(/^HTTP\/1\.1 200 [\s\S]*ok$/);
});
