// Handshake check: protocol version first, then the role's credentials; refusals carry a typed code.
import { ErrorCode, PROTOCOL_VERSION, handshakeAuthSchema } from '@drawcast/shared';
import type { HandshakeAuth } from '@drawcast/shared';
import type { IncomingMessage } from 'node:http';
import type { ExtendedError } from 'socket.io';
import type { HostAuthenticator } from '../commands/hostAuth';
import type { DrawcastSocket } from './socketTypes';

/** A connect_error whose `data` the client can switch on (PROTOCOL_MISMATCH, UNAUTHORIZED, LOCKED_OUT…). */
export function refusal(code: ErrorCode, message: string): ExtendedError {
  const err = new Error(message) as ExtendedError;
  err.data = { code, message };
  return err;
}

/** The parsed auth, kept on the socket for the connection handler. */
export const handshakeOf = new WeakMap<DrawcastSocket, ReturnType<typeof handshakeAuthSchema.parse>>();

/** Why: an old cached phone page or a forged host socket must be refused before it can send anything. */
export function handshakeMiddleware(
  hostAuth: HostAuthenticator,
  /** Behind trusted proxies (nginx): the phone's own address from X-Forwarded-For. */
  clientIp: (req: IncomingMessage) => string | undefined = () => undefined,
) {
  return async (socket: DrawcastSocket, next: (err?: ExtendedError) => void): Promise<void> => {
    const raw = (socket.handshake.auth ?? {}) as Partial<HandshakeAuth>;
    if (raw.protocolVersion !== PROTOCOL_VERSION) {
      next(
        refusal(
          ErrorCode.PROTOCOL_MISMATCH,
          `protocolVersion: this server speaks ${PROTOCOL_VERSION}, the client sent ${JSON.stringify(raw.protocolVersion ?? null)}; reload the page`,
        ),
      );
      return;
    }
    const parsed = handshakeAuthSchema.safeParse(raw);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      next(refusal(ErrorCode.VALIDATION_FAILED, `auth.${issue?.path.join('.')}: ${issue?.message}`));
      return;
    }
    const ip = clientIp(socket.request) ?? socket.handshake.address;
    if (parsed.data.role === 'staff') {
      const who = await hostAuth.identify(ip, parsed.data.hostToken);
      if (!who.ok || who.role !== 'staff') {
        next(
          refusal(who.ok ? ErrorCode.UNAUTHORIZED : who.code, 'send a live staff credential as hostToken'),
        );
        return;
      }
      socket.data = { role: 'staff', ip, trusted: false, staffEventId: who.staff.eventId };
      handshakeOf.set(socket, parsed.data);
      next();
      return;
    }
    // Hosts must present the token; a stage may (to get results at stage timing). A wrong one is refused.
    const needsCheck =
      parsed.data.role === 'host' || (parsed.data.role === 'stage' && !!parsed.data.hostToken);
    if (needsCheck) {
      const verdict = await hostAuth.check(ip, parsed.data.hostToken);
      if (!verdict.ok) {
        next(
          refusal(
            verdict.code,
            verdict.code === 'LOCKED_OUT'
              ? 'too many failed attempts'
              : verdict.code === 'FORBIDDEN'
                ? 'a staff credential cannot open a host connection'
                : 'bad host token',
          ),
        );
        return;
      }
    }
    socket.data = { role: parsed.data.role, ip, trusted: needsCheck };
    handshakeOf.set(socket, parsed.data);
    next();
  };
}
