// Phones that start on HTTP long-polling (any client may choose it): a few hundred at once, some staying on
// polling, the rest upgrading to websocket, are all served and the server process keeps running. Before the
// fix, Express also answered every held long-poll (a 404) and engine.io's own answer then threw
// ERR_HTTP_HEADERS_SENT from an event listener, which killed the process within seconds.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { io as connectClient } from 'socket.io-client';
import type { Socket } from 'socket.io-client';
import { PROTOCOL_VERSION } from '@drawcast/shared';
import { kill9, startChildServer } from '../child-server';
import type { ChildServer } from '../child-server';

const PHONES = 300;
let dataDir: string;
let child: ChildServer;
let exits: string[] = [];
const phones: Socket[] = [];

beforeAll(async () => {
  dataDir = mkdtempSync(path.join(os.tmpdir(), 'drawcast-polling-'));
  child = await startChildServer(dataDir, 'polling-crowd-host-token-0123456789', {
    DRAWCAST_MAX_CONNECTIONS_PER_IP: '0',
  });
  exits = [];
  child.proc.once('exit', (code, signal) => exits.push(`exit ${code} ${signal}`));
});

afterAll(async () => {
  for (const p of phones.splice(0)) p.close();
  await kill9(child);
  rmSync(dataDir, { recursive: true, force: true });
});

/** A phone starting on long-polling; `upgrade: false` keeps it there for its whole life. */
function phone(upgrade: boolean): Socket {
  const socket = connectClient(child.url, {
    auth: { protocolVersion: PROTOCOL_VERSION },
    transports: ['polling', 'websocket'],
    upgrade,
    forceNew: true,
    reconnection: false,
    timeout: 60_000,
  });
  phones.push(socket);
  return socket;
}

const connected = (s: Socket) =>
  new Promise<void>((resolve, reject) => {
    s.once('connect', () => resolve());
    s.once('connect_error', (err) => reject(err));
  });

describe('a crowd on the long-polling transport', () => {
  it('is served, upgrading or not, and the process survives them connecting, pinging and leaving', async () => {
    const crowd = Array.from({ length: PHONES }, (_, i) => phone(i % 3 !== 0));
    await Promise.all(crowd.map(connected));
    const pollers = crowd.filter((_, i) => i % 3 === 0);
    expect(pollers.every((s) => s.io.engine.transport.name === 'polling')).toBe(true);
    // Every phone gets an answer over whatever transport it is on (a poller's answer comes on a long-poll).
    const acks = await Promise.all(crowd.map((s) => s.timeout(60_000).emitWithAck('clock:ping', {})));
    expect(acks.filter((a) => (a as { ok?: boolean }).ok === true)).toHaveLength(PHONES);
    // Half leave (a poller's close packet ends its held long-poll), then the rest still answer.
    const leaving = crowd.filter((_, i) => i % 2 === 0);
    for (const s of leaving) s.close();
    const staying = crowd.filter((_, i) => i % 2 === 1);
    const again = await Promise.all(staying.map((s) => s.timeout(60_000).emitWithAck('clock:ping', {})));
    expect(again.filter((a) => (a as { ok?: boolean }).ok === true)).toHaveLength(staying.length);
    expect((await fetch(`${child.url}/healthz`)).status).toBe(200);
    expect(exits).toEqual([]);
  }, 120_000);
});
