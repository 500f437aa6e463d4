// The command layer both transports call: host, phone and stage commands, host auth, metrics.
import type { Clock, DrawcastService } from '../services/types';
import type { Broadcaster } from './broadcaster';
import { HostCommands } from './hostCommands';
import type { HostAuthenticator } from './hostAuth';
import type { JoinLimits } from './joinLimits';
import type { DrawcastMetrics } from './metrics';
import { ParticipantCommands } from './participantCommands';
import { StageCommands } from './stageCommands';

/** Everything a transport needs to serve a request; built once by createServer. */
export interface Commands {
  host: HostCommands;
  participant: ParticipantCommands;
  stage: StageCommands;
  hostAuth: HostAuthenticator;
  metrics: DrawcastMetrics;
}

/** Why: app.ts builds the commands once and hands the same object to REST and Socket.IO. */
export function createCommands(deps: {
  service: DrawcastService;
  hub: Broadcaster;
  clock: Clock;
  limits: JoinLimits;
  hostAuth: HostAuthenticator;
  metrics: DrawcastMetrics;
}): Commands {
  const { service, hub, clock, limits, hostAuth, metrics } = deps;
  return {
    host: new HostCommands(service, hub, metrics),
    participant: new ParticipantCommands(service, hub, clock, limits, metrics),
    stage: new StageCommands(service, hub, clock),
    hostAuth,
    metrics,
  };
}
