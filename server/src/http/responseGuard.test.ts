import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import pino from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { responseLoggingDoubleWrites } from './responseGuard';

const servers: http.Server[] = [];
afterEach(async () => {
  for (const s of servers.splice(0)) await new Promise((resolve) => s.close(resolve));
});

describe('responseLoggingDoubleWrites', () => {
  it('logs a second writeHead and drops that connection instead of throwing', async () => {
    const lines: Array<{ msg: string; path: string; err: { message: string } }> = [];
    const sink = new Writable({
      write(chunk: Buffer, _enc, done) {
        lines.push(JSON.parse(String(chunk)) as (typeof lines)[number]);
        done();
      },
    });
    const logger = pino({ level: 'error' }, sink);
    const secondWrite: unknown[] = [];
    const server = http.createServer({ ServerResponse: responseLoggingDoubleWrites(logger) }, (_req, res) => {
      res.writeHead(200, { 'Content-Type': 'text/plain' });
      res.end('first');
      try {
        res.writeHead(200);
        secondWrite.push('returned');
      } catch (err) {
        secondWrite.push(err);
      }
    });
    servers.push(server);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    const res = await fetch(`http://127.0.0.1:${port}/socket.io/?EIO=4&transport=polling`);
    expect(await res.text()).toBe('first');
    expect(secondWrite).toEqual(['returned']);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({
      msg: 'a response was written twice; its connection is dropped',
      path: '/socket.io/',
      err: { message: 'response head written twice' },
    });
    // The server still answers.
    expect(await (await fetch(`http://127.0.0.1:${port}/`)).text()).toBe('first');
  });
});
