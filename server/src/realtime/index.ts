// Wires the Socket.IO server: handshake, rooms per role, command handlers, connection metrics.
import { rooms } from '@drawcast/shared';
import type { IncomingMessage } from 'node:http';
import type { Logger } from 'pino';
import type { Commands } from '../commands';
import type { Clock } from '../services/types';
import { autoSyncOnConnect, registerAudienceHandlers } from './audienceHandlers';
import { registerClaimHandlers } from './claimHandlers';
import { handshakeMiddleware, handshakeOf } from './handshake';
import { registerHostHandlers } from './hostHandlers';
import type { LiveHub } from './liveHub';
import { commandDispatcher } from './onCommand';
import type { CommandTable } from './onCommand';
import { registerSpikeHandlers } from './spikeHandlers';
import { registerPrivacyHandlers } from './privacyHandlers';
import { registerStageHandlers, stageRoomFor } from './stageHandlers';
import { registerSupportHandlers } from './supportHandlers';
import type { DrawcastIo, DrawcastSocket } from './socketTypes';

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
  // One command table and one listener for every socket: a phone's connection allocates nothing of its own.
  const table: CommandTable = new Map();
  registerAudienceHandlers(audience, table);
  registerStageHandlers(table, commands.stage);
  registerHostHandlers(table, commands.host);
  registerClaimHandlers(table, commands);
  registerSupportHandlers(table, commands.console);
  registerSpikeHandlers(table, commands.spikes);
  registerPrivacyHandlers(table, commands.privacy);
  const dispatch = commandDispatcher(ctx, table);
  function onDisconnect(this: DrawcastSocket) {
    commands.metrics.connectedSockets.dec();
    if (this.data.eventId && this.data.role === 'audience') hub.audienceChanged(this.data.eventId);
  }
  io.use(handshakeMiddleware(commands.hostAuth, deps.clientIp));
  io.on('connection', (socket) => {
    commands.metrics.connectedSockets.inc();
    socket.on('disconnect', onDisconnect);
    socket.onAny(dispatch);

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
