// The console's one typed socket (host or staff role), bound to shared/'s event maps.
import { PROTOCOL_VERSION } from '@drawcast/shared';
import type { Ack, ClientToServerEvents, ServerToClientEvents } from '@drawcast/shared';
import { io } from 'socket.io-client';
import type { Socket } from 'socket.io-client';
import type { Credential } from './logic/session';

/** Typed client socket. */
export type HostSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/** Why: broadcasts (counts, draws, claims, imports, support) keep every screen live without reloads. */
export function connectHost(credential: Credential): HostSocket {
  return io({
    transports: ['websocket'],
    auth: { protocolVersion: PROTOCOL_VERSION, role: credential.role, hostToken: credential.token },
  }) as HostSocket;
}

/** Unwraps an ack: data on success, a thrown Error carrying the code otherwise. */
export function unwrap<T>(ack: Ack<T>): T {
  if (ack.ok) return ack.data;
  throw Object.assign(new Error(ack.message), { code: ack.code, field: ack.field });
}
