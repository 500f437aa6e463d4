// The command layer both transports call: host, phone and stage commands, host auth, metrics.
import type { ConsoleService } from '../services/consoleService';
import type { Clock, DrawcastService } from '../services/types';
import type { Broadcaster } from './broadcaster';
import { ConsoleCommands } from './consoleCommands';
import { HostCommands } from './hostCommands';
import type { HostAuthenticator } from './hostAuth';
import type { JoinLimits } from './joinLimits';
import type { JoinSpikes } from './joinSpikes';
import type { DrawcastMetrics } from './metrics';
import { ParticipantCommands } from './participantCommands';
import { PrivacyCommands } from './privacyCommands';
import { StageCommands } from './stageCommands';

/** Everything a transport needs to serve a request; built once by createServer. */
export interface Commands {
  host: HostCommands;
  participant: ParticipantCommands;
  stage: StageCommands;
  console: ConsoleCommands;
  /** Issue #14: privacy deletion and the retention purge. */
  privacy: PrivacyCommands;
  hostAuth: HostAuthenticator;
  metrics: DrawcastMetrics;
  /** Issue #14: join-spike alert and the batch disqualify. */
  spikes: JoinSpikes;
}

/** Why: app.ts builds the commands once and hands the same object to REST and Socket.IO. */
export function createCommands(deps: {
  service: DrawcastService;
  consoleService: ConsoleService;
  hub: Broadcaster;
  clock: Clock;
  limits: JoinLimits;
  hostAuth: HostAuthenticator;
  metrics: DrawcastMetrics;
  spikes: JoinSpikes;
}): Commands {
  const { service, hub, clock, limits, hostAuth, metrics, spikes } = deps;
  const host = new HostCommands(service, hub, metrics);
  return {
    host,
    participant: new ParticipantCommands(service, hub, clock, limits, metrics, spikes),
    stage: new StageCommands(service, hub, clock),
    console: new ConsoleCommands(deps.consoleService, host, hub),
    privacy: new PrivacyCommands(service, hub),
    hostAuth,
    metrics,
    spikes,
  };
}
