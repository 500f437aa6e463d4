// Socket.IO types bound to the shared event maps, so every emit and handler is checked.
import type { Server, Socket } from 'socket.io';
import type { ClientToServerEvents, ServerToClientEvents, SocketRole } from '@drawcast/shared';

/** What the server remembers about a socket between commands. */
export interface SocketData {
  role: SocketRole;
  ip: string;
  /** Presented the host token (hosts, and stages that sent it): may see results before the phones. */
  trusted: boolean;
  /** Set once a phone joined or synced, or a stage started watching. */
  eventId?: string;
  participantId?: string;
}

/** Typed server: emits are checked against ServerToClientEvents. */
export type DrawcastIo = Server<
  ClientToServerEvents,
  ServerToClientEvents,
  Record<string, never>,
  SocketData
>;

/** Typed socket. */
export type DrawcastSocket = Socket<
  ClientToServerEvents,
  ServerToClientEvents,
  Record<string, never>,
  SocketData
>;
