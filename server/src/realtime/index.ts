// Wires the Socket.IO server: handshake, rooms per role, command handlers, connection metrics.
import { rooms } from '@drawcast/shared';
import type { IncomingMessage } from 'node:http';
import type { Logger } from 'pino';
import type { HostAuthenticator } from '../http/host-auth';
import type { DrawcastMetrics } from '../http/metrics';
import type { Clock, DrawcastService } from '../services/types';
import { autoSyncOnConnect, registerAudienceHandlers } from './audience-handlers';
import { registerClaimHandlers } from './claim-handlers';
import { handshakeMiddleware, handshakeOf } from './handshake';
import type { HostActions } from './host-actions';
import { registerHostHandlers } from './host-handlers';
import type { JoinLimits } from './join-limits';
import type { LiveHub } from './live-hub';
import { registerStageHandlers, stageRoomFor } from './stage-handlers';
import type { DrawcastIo } from './types';

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
  /** Behind trusted proxies: the client's address as REST's req.ip sees it. */
  clientIp?: (req: IncomingMessage) => string | undefined;
}

/** Why: app.ts stays a list of parts; the connection lifecycle lives here. */
export function attachRealtime(io: DrawcastIo, deps: RealtimeDeps): void {
  io.use(handshakeMiddleware(deps.hostAuth, deps.clientIp));
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
