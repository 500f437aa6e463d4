// Wires the Socket.IO server: handshake, rooms per role, command handlers, connection metrics.
import { ErrorCode, fail, rooms } from '@drawcast/shared';
import type { IncomingMessage } from 'node:http';
import type { Logger } from 'pino';
import type { Commands } from '../commands';
import type { Clock } from '../services/types';
import { autoSyncOnConnect, registerAudienceHandlers } from './audienceHandlers';
import { registerClaimHandlers } from './claimHandlers';
import { isKnownCommand } from './commandNames';
import { handshakeMiddleware, handshakeOf } from './handshake';
import { registerHostHandlers } from './hostHandlers';
import type { LiveHub } from './liveHub';
import { registerSpikeHandlers } from './spikeHandlers';
import { registerPrivacyHandlers } from './privacyHandlers';
import { registerStageHandlers, stageRoomFor } from './stageHandlers';
import { registerSupportHandlers } from './supportHandlers';
import type { DrawcastIo } from './socketTypes';

/** Everything the socket side needs, built by createServer. */
export interface RealtimeDeps {
  commands: Commands;
  hub: LiveHub;
  clock: Clock;
  logger: Logger;
  /** Behind trusted proxies: the client's address as REST's req.ip sees it. */
  clientIp?: (req: IncomingMessage) => string | undefined;
}

/** Why: app.ts stays a list of parts; the connection lifecycle lives here. */
export function attachRealtime(io: DrawcastIo, deps: RealtimeDeps): void {
  const { commands, hub, logger } = deps;
  const ctx = { logger, metrics: commands.metrics };
  const audience = { ...ctx, participant: commands.participant, hub, clock: deps.clock };
  io.use(handshakeMiddleware(commands.hostAuth, deps.clientIp));
  io.on('connection', (socket) => {
    commands.metrics.connectedSockets.inc();
    socket.on('disconnect', () => {
      commands.metrics.connectedSockets.dec();
      if (socket.data.eventId && socket.data.role === 'audience') hub.audienceChanged(socket.data.eventId);
    });
    registerAudienceHandlers(audience, socket);
    registerStageHandlers(ctx, commands.stage, socket);
    registerHostHandlers(ctx, commands.host, socket);
    registerClaimHandlers(ctx, commands, socket);
    registerSupportHandlers(ctx, commands.console, socket);
    registerSpikeHandlers(ctx, commands.spikes, socket);
    registerPrivacyHandlers(ctx, commands.privacy, socket);
    // An unknown command with an ack is answered at once, so the client does not wait for its timeout.
    socket.onAny((event: string, ...args: unknown[]) => {
      if (isKnownCommand(event)) return;
      const ack = args[args.length - 1];
      if (typeof ack !== 'function') return;
      try {
        ack(fail(ErrorCode.UNKNOWN_COMMAND, `${event}: no such command`));
      } catch (err) {
        logger.warn({ err, event }, 'ack callback threw');
      }
    });

    const auth = handshakeOf.get(socket);
    if (socket.data.role === 'host') void socket.join(rooms.host);
    else if (socket.data.role === 'staff')
      return; // no rooms: the desk works over REST
    else if (socket.data.role === 'stage' && auth?.eventId) {
      void socket.join(stageRoomFor(socket, auth.eventId));
      socket.data.eventId = auth.eventId;
    } else if (auth) void autoSyncOnConnect(audience, socket, auth);
  });
}
