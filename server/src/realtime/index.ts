// Wires the Socket.IO server: handshake, rooms per role, command handlers, connection metrics.
import { rooms } from '@drawcast/shared';
import type { Logger } from 'pino';
import type { HostAuthenticator } from '../commands/hostAuth';
import type { DrawcastMetrics } from '../commands/metrics';
import type { Clock, DrawcastService } from '../services/types';
import { autoSyncOnConnect, registerAudienceHandlers } from './audienceHandlers';
import { registerClaimHandlers } from './claimHandlers';
import { handshakeMiddleware, handshakeOf } from './handshake';
import type { HostActions } from '../commands/hostCommands';
import { registerHostHandlers } from './hostHandlers';
import type { JoinLimits } from '../commands/joinLimits';
import type { LiveHub } from './liveHub';
import { registerStageHandlers, stageRoomFor } from './stageHandlers';
import type { DrawcastIo } from './socketTypes';

/** Everything the socket side needs, built by createServer. */
export interface RealtimeDeps {
  service: DrawcastService;
  hub: LiveHub;
  actions: HostActions;
  clock: Clock;
  limits: JoinLimits;
  hostAuth: HostAuthenticator;
  metrics: DrawcastMetrics;
  logger: Logger;
}

/** Why: app.ts stays a list of parts; the connection lifecycle lives here. */
export function attachRealtime(io: DrawcastIo, deps: RealtimeDeps): void {
  io.use(handshakeMiddleware(deps.hostAuth));
  io.on('connection', (socket) => {
    deps.metrics.connectedSockets.inc();
    socket.on('disconnect', () => {
      deps.metrics.connectedSockets.dec();
      if (socket.data.eventId && socket.data.role === 'audience')
        deps.hub.audienceChanged(socket.data.eventId);
    });
    registerAudienceHandlers(deps, socket);
    registerStageHandlers(deps, socket);
    registerHostHandlers(deps, socket);
    registerClaimHandlers(deps, socket);

    const auth = handshakeOf.get(socket);
    if (socket.data.role === 'host') void socket.join(rooms.host);
    else if (socket.data.role === 'stage' && auth?.eventId) {
      void socket.join(stageRoomFor(socket, auth.eventId));
      socket.data.eventId = auth.eventId;
    } else if (auth) void autoSyncOnConnect(deps, socket, auth);
  });
}
