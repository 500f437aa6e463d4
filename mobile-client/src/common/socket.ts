// The one typed socket of the phone app: shared/'s event maps, the protocol version at the handshake.
import { io } from 'socket.io-client';
import type { Socket } from 'socket.io-client';
import type { Ack, ClientToServerEvents, ServerToClientEvents } from '@drawcast/shared';

/**
 * shared/'s PROTOCOL_VERSION, repeated here so the join page does not bundle zod (version.ts defines the
 * handshake schema too); socket.test.ts fails if the two ever differ.
 */
export const PROTOCOL_VERSION = 1;

/** A socket typed by shared/'s event maps. */
export type AppSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/** What an audience phone sends at the handshake (and at every reconnect). */
export interface AudienceAuth {
  joinCode?: string;
  eventId?: string;
  deviceToken?: string;
}

/**
 * Why: reconnects by itself with growing delays; `auth` is a function so each reconnect sends the
 * current event and device token and the server pushes the full state back (participant:state).
 */
export function openAudienceSocket(auth: () => AudienceAuth, url?: string): AppSocket {
  const options = {
    transports: ['websocket', 'polling'],
    reconnectionDelay: 500,
    reconnectionDelayMax: 5000,
    timeout: 10_000,
    auth: (cb: (data: object) => void) =>
      cb({ protocolVersion: PROTOCOL_VERSION, role: 'audience', ...auth() }),
  };
  return (url === undefined ? io(options) : io(url, options)) as AppSocket;
}

/** A failed ack for a command that never got an answer (offline, timeout). */
export type SendFailure = { ok: false; code: 'OFFLINE'; message: string };

/** emitWithAck with a timeout, turning "no answer" into a typed failure instead of a hang. */
export async function send<E extends keyof ClientToServerEvents, T>(
  socket: AppSocket,
  event: E,
  payload: Parameters<ClientToServerEvents[E]>[0],
  timeoutMs = 10_000,
): Promise<Ack<T> | SendFailure> {
  try {
    const timed = socket.timeout(timeoutMs) as unknown as {
      emitWithAck(e: E, p: unknown): Promise<Ack<T>>;
    };
    return await timed.emitWithAck(event, payload);
  } catch (err) {
    return { ok: false, code: 'OFFLINE', message: err instanceof Error ? err.message : String(err) };
  }
}
