// Helpers of the multi-node tests: host REST against any node, phones through nginx or a given node.
import { randomBytes } from 'node:crypto';
import { io as connectClient } from 'socket.io-client';
import { PROTOCOL_VERSION } from '@drawcast/shared';
import type { JoinAckDto, RoundDto } from '@drawcast/shared';
import type { LocalCluster } from '../../src/throwaway/localCluster';
import { apiCall, okData, type ApiResponse, type Client } from '../harness';

/** Host REST call against one URL (a node's or nginx's). */
export function api<T = unknown>(
  c: LocalCluster,
  url: string,
  method: string,
  route: string,
  body?: unknown,
): Promise<ApiResponse<T>> {
  return apiCall<T>(url, method, route, body, c.hostToken);
}

/** Throws with the body unless the status is 2xx. */
export function ok<T>(res: ApiResponse<T>): T {
  if (res.status < 200 || res.status >= 300)
    throw new Error(`HTTP ${res.status}: ${JSON.stringify(res.body)}`);
  return res.body;
}

/** An open event with one prize, created through `url`. */
export async function openEvent(
  c: LocalCluster,
  url: string,
  options: { quantity?: number; settings?: Record<string, unknown> } = {},
): Promise<{ eventId: string; joinCode: string; prizeId: string }> {
  const event = ok(
    await api<{ id: string; joinCode: string }>(c, url, 'POST', '/api/events', {
      title: 'Cluster night',
      settings: { revealLeadMs: 0, ...options.settings },
    }),
  );
  ok(await api(c, url, 'POST', `/api/events/${event.id}/open`));
  const prize = ok(
    await api<{ id: string }>(c, url, 'POST', `/api/events/${event.id}/prizes`, {
      name: 'Gift card',
      quantity: options.quantity ?? 10,
    }),
  );
  return { eventId: event.id, joinCode: event.joinCode, prizeId: prize.id };
}

/** Creates a round of k winners through `url`. */
export async function createRound(
  c: LocalCluster,
  url: string,
  eventId: string,
  prizeId: string,
  k: number,
): Promise<RoundDto> {
  return ok(await api<RoundDto>(c, url, 'POST', `/api/events/${eventId}/rounds`, { prizeId, winners: k }));
}

/** A phone socket (websocket only, like the real app); reconnects with backoff when asked to. */
export function phone(url: string, options: { reconnect?: boolean } = {}): Client {
  return connectClient(url, {
    auth: { protocolVersion: PROTOCOL_VERSION },
    transports: ['websocket'],
    forceNew: true,
    reconnection: options.reconnect ?? false,
    reconnectionDelay: 200,
    reconnectionDelayMax: 2_000,
    randomizationFactor: 0.5,
  });
}

/** A joined phone. */
export interface JoinedPhone {
  socket: Client;
  deviceToken: string;
  participantId: string;
}

/** Connects `n` phones to `url` and joins each, `batch` at a time. */
export async function joinPhones(
  url: string,
  joinCode: string,
  n: number,
  options: { batch?: number; reconnect?: boolean } = {},
): Promise<JoinedPhone[]> {
  const phones: JoinedPhone[] = [];
  const batch = options.batch ?? 50;
  for (let start = 0; start < n; start += batch) {
    const size = Math.min(batch, n - start);
    phones.push(
      ...(await Promise.all(
        Array.from({ length: size }, async (_, i) => {
          const socket = phone(url, options);
          const deviceToken = randomBytes(16).toString('base64url');
          const ack = await socket.timeout(20_000).emitWithAck('event:join', {
            joinCode,
            nickname: `N${start + i}`,
            deviceToken,
          });
          const data: JoinAckDto = okData(ack);
          return { socket, deviceToken, participantId: data.participantId };
        }),
      )),
    );
  }
  return phones;
}

/** Resolves once `check` returns true, polling every 100 ms; rejects after `timeoutMs`. */
export async function until(
  check: () => Promise<boolean> | boolean,
  timeoutMs: number,
  what: string,
): Promise<number> {
  const started = Date.now();
  for (;;) {
    if (await check()) return Date.now() - started;
    if (Date.now() - started > timeoutMs)
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** A node's /healthz body and status. */
export async function health(
  url: string,
): Promise<{ status: number; body: { status: string; reasons: string[]; sockets: number } }> {
  const res = await apiCall<{ status: string; reasons: string[]; sockets: number }>(url, 'GET', '/healthz');
  return { status: res.status, body: res.body };
}
