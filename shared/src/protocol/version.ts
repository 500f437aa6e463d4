// The protocol version and the handshake, checked before a socket may do anything.
import { z } from 'zod';

/** Bumped on any incompatible change to the event maps, so an old cached phone page is refused clearly. */
export const PROTOCOL_VERSION = 1;

/** Who a socket is; decides its rooms and which commands it may send. */
export const SocketRole = { audience: 'audience', stage: 'stage', host: 'host', staff: 'staff' } as const;

/** The union of roles, for typed socket data. */
export type SocketRole = (typeof SocketRole)[keyof typeof SocketRole];

/**
 * `socket.handshake.auth`: a phone that reconnects sends its event (id or join code) and device token
 * so the server can push its full state at once; a host sends its token; a stage its event id (and the
 * host token, to get results at stage timing ahead of a stream delay); staff send their credential as hostToken.
 */
export const handshakeAuthSchema = z.object({
  protocolVersion: z.number().int(),
  role: z.enum(['audience', 'stage', 'host', 'staff']).default('audience'),
  hostToken: z.string().max(512).optional(),
  eventId: z.string().min(1).max(64).optional(),
  joinCode: z.string().min(1).max(16).optional(),
  deviceToken: z.string().min(1).max(128).optional(),
});

/** The handshake auth a client sends. */
export type HandshakeAuth = z.input<typeof handshakeAuthSchema>;
