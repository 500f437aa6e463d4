// Test harness: a real server (real SQLite file in a temp dir, port 0) and real socket.io clients.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { io as connectClient } from 'socket.io-client';
import type { Socket } from 'socket.io-client';
import { PROTOCOL_VERSION } from '@drawcast/shared';
import type { Ack, ClientToServerEvents, HandshakeAuth, ServerToClientEvents } from '@drawcast/shared';
import { createServer } from '../src/app';
import type { DrawcastServer } from '../src/app';
import { defaultConfig } from '../src/config';
import type { ServerConfig } from '../src/config';
import { cryptoRandom, systemClock } from '../src/services';
import type { Clock } from '../src/services/types';
import { createSqliteStore } from '../src/store/sqlite/sqliteStore';

/** A typed client socket. */
export type Client = Socket<ServerToClientEvents, ClientToServerEvents>;

/** A running test server and everything needed to talk to it. */
export interface TestServer {
  server: DrawcastServer;
  url: string;
  token: string;
  dataDir: string;
  clients: Client[];
  /** Opens a client (tracked, closed by close()) and waits until it is connected. */
  connect(auth?: Partial<HandshakeAuth>): Promise<Client>;
  /** Opens a client without waiting, so listeners can be attached before the first server message. */
  open(auth?: Partial<HandshakeAuth>): Client;
  /** Host REST call; returns status and parsed JSON. */
  api<T = unknown>(
    method: string,
    route: string,
    body?: unknown,
    token?: string | null,
  ): Promise<ApiResponse<T>>;
  close(): Promise<void>;
}

/** A REST response in tests. */
export interface ApiResponse<T> {
  status: number;
  body: T;
  headers: Headers;
}

/** Temp data dir, removed by the caller (or by startTestServer's close). */
export function tempDataDir(): string {
  return mkdtempSync(path.join(os.tmpdir(), 'drawcast-test-'));
}

/** Starts a real server on 127.0.0.1:0 with a real SQLite file. */
export async function startTestServer(
  options: { clock?: Clock; config?: Partial<ServerConfig>; dataDir?: string } = {},
): Promise<TestServer> {
  const dataDir = options.dataDir ?? tempDataDir();
  const token = randomBytes(18).toString('base64url');
  const config = defaultConfig({ hostToken: token, dataDir, ...options.config });
  const server = await createServer({
    store: createSqliteStore({ file: path.join(dataDir, 'drawcast.db'), assertReadsDoNotWrite: true }),
    clock: options.clock ?? systemClock,
    random: cryptoRandom,
    config,
    secret: 'test-secret-0123456789',
    contactKey: randomBytes(32),
  });
  const port = await server.listen(0, '127.0.0.1');
  const url = `http://127.0.0.1:${port}`;
  const clients: Client[] = [];
  const open = (auth: Partial<HandshakeAuth> = {}) => {
    const socket = openClient(url, { protocolVersion: PROTOCOL_VERSION, ...auth });
    clients.push(socket);
    return socket;
  };
  return {
    server,
    url,
    token,
    dataDir,
    clients,
    open,
    async connect(auth = {}) {
      const socket = open(auth);
      await waitConnected(socket);
      return socket;
    },
    async api(method, route, body, tokenOverride) {
      return apiCall(url, method, route, body, tokenOverride === undefined ? token : tokenOverride);
    },
    async close() {
      for (const c of clients) c.disconnect();
      await server.close();
      if (!options.dataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** A client that does not connect until told to, and never reconnects on its own. */
export function openClient(url: string, auth: Record<string, unknown>): Client {
  return connectClient(url, {
    auth,
    transports: ['websocket'],
    forceNew: true,
    reconnection: false,
  });
}

/** Resolves on connect, rejects with the connect_error (its `data` carries the typed code). */
export function waitConnected(socket: Client): Promise<void> {
  if (socket.connected) return Promise.resolve();
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', (err) => reject(err));
  });
}

/** Plain fetch against the server. */
export async function apiCall<T>(
  url: string,
  method: string,
  route: string,
  body?: unknown,
  token?: string | null,
): Promise<ApiResponse<T>> {
  const headers: Record<string, string> = {};
  if (token) headers.authorization = `Bearer ${token}`;
  if (body !== undefined) headers['content-type'] = 'application/json';
  const res = await fetch(`${url}${route}`, {
    method,
    headers,
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await res.text();
  let parsed: unknown = text;
  try {
    parsed = JSON.parse(text);
  } catch {
    // not JSON (e.g. /metrics)
  }
  return { status: res.status, body: parsed as T, headers: res.headers };
}

/** Unwraps a successful ack or fails the test with the ack's code. */
export function okData<T>(ack: Ack<T>): T {
  if (!ack.ok) throw new Error(`expected ok ack, got ${ack.code}: ${ack.message}`);
  return ack.data;
}

/** The next `event` on a socket matching `predicate`. */
export function nextEvent<E extends keyof ServerToClientEvents>(
  socket: Client,
  event: E,
  predicate: (...args: Parameters<ServerToClientEvents[E]>) => boolean = () => true,
): Promise<Parameters<ServerToClientEvents[E]>[0]> {
  return new Promise((resolve) => {
    const listener = (...args: Parameters<ServerToClientEvents[E]>) => {
      if (!predicate(...args)) return;
      (socket as unknown as { off(e: string, l: unknown): void }).off(event, listener);
      resolve(args[0]);
    };
    (socket as unknown as { on(e: string, l: unknown): void }).on(event, listener);
  });
}

/** Emits without the typed map, to send what a well-behaved client never would. */
export function rawEmit(socket: Client, event: string, ...args: unknown[]): void {
  (socket as unknown as { emit(e: string, ...a: unknown[]): void }).emit(event, ...args);
}

/** A random device token like a phone would keep in localStorage. */
export const deviceToken = () => randomBytes(16).toString('base64url');

/** Creates an open event with one prize and returns ids, via REST. */
export async function openEventWithPrize(
  t: TestServer,
  options: { quantity?: number; settings?: Record<string, unknown>; title?: string } = {},
): Promise<{ eventId: string; joinCode: string; prizeId: string }> {
  const created = await t.api<{ id: string; joinCode: string }>('POST', '/api/events', {
    title: options.title ?? 'Test night',
    settings: { revealLeadMs: 0, ...options.settings },
  });
  if (created.status !== 201) throw new Error(`create event: ${JSON.stringify(created.body)}`);
  const opened = await t.api('POST', `/api/events/${created.body.id}/open`);
  if (opened.status !== 200) throw new Error(`open event: ${JSON.stringify(opened.body)}`);
  const prize = await t.api<{ id: string }>('POST', `/api/events/${created.body.id}/prizes`, {
    name: 'Gift card',
    quantity: options.quantity ?? 10,
  });
  if (prize.status !== 201) throw new Error(`add prize: ${JSON.stringify(prize.body)}`);
  return { eventId: created.body.id, joinCode: created.body.joinCode, prizeId: prize.body.id };
}

/** A clock tests can move forward (claim deadlines) while timers still run in real time. */
export function shiftableClock(): Clock & { advance(ms: number): void } {
  let offset = 0;
  return {
    now: () => Date.now() + offset,
    advance(ms: number) {
      offset += ms;
    },
  };
}

/** Uploads a file body to a host route (imports), returning status and parsed JSON. */
export async function upload<T = unknown>(
  t: TestServer,
  route: string,
  body: Uint8Array,
  contentType: string,
): Promise<ApiResponse<T>> {
  const res = await fetch(`${t.url}${route}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${t.token}`, 'content-type': contentType },
    body,
  });
  const text = await res.text();
  let parsed: unknown = text;
  try {
    parsed = JSON.parse(text);
  } catch {
    // not JSON
  }
  return { status: res.status, body: parsed as T, headers: res.headers };
}

/** The XLSX MIME type uploads and exports use. */
export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
