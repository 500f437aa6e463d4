// The Express app: security headers, body limits, logs, /healthz, /metrics, /api, UIs, JSON errors.
import path from 'node:path';
import express from 'express';
import type { Express } from 'express';
import helmet from 'helmet';
import type { Logger } from 'pino';
import type { ServerConfig } from '../config';
import type { Commands } from '../commands';
import type { HealthReport } from '../commands/health';
import type { DrawcastService } from '../services/types';
import { hostRoutes } from './hostRoutes';
import { apiNotFound, errorHandler, requestLogger } from './middleware';
import { publicRoutes } from './publicRoutes';
import { claimRoutes } from './routes/claims';
import { consoleRoutes } from './routes/console';
import { privacyRoutes } from './routes/privacy';
import { prizeImageRoutes } from './routes/media';
import { JoinViewCounter } from './joinViews';
import { peopleRoutes } from './routes/people';
import { recordRoutes } from './routes/records';
import { spikeRoutes } from './routes/spike';
import { mountUi } from './staticUi';

/** Everything the HTTP side needs. */
export interface HttpDeps {
  config: ServerConfig;
  /** Host, phone and stage commands (shared with the sockets), host auth and metrics. */
  commands: Commands;
  /** Host-only record reads with no broadcast (exports, backup, restore, audit). */
  service: DrawcastService;
  logger: Logger;
  socketCount: () => number;
  /** Several nodes: the shared store's and Redis's state (absent: one process, always ready). */
  health?: () => Promise<HealthReport>;
}

/**
 * CSP for the Vue phone/console and the Pixi stage: own scripts only, sockets to the same host, images
 * from self or data: URLs, audio/workers from blob: (howler, Pixi). No upgrade-insecure-requests or HSTS:
 * on a shop LAN the server speaks plain http.
 */
export const CONTENT_SECURITY_POLICY = {
  useDefaults: false,
  directives: {
    defaultSrc: ["'self'"],
    scriptSrc: ["'self'"],
    styleSrc: ["'self'"],
    imgSrc: ["'self'", 'data:', 'blob:'],
    mediaSrc: ["'self'", 'data:', 'blob:'],
    fontSrc: ["'self'", 'data:'],
    connectSrc: ["'self'", 'ws:', 'wss:'],
    workerSrc: ["'self'", 'blob:'],
    objectSrc: ["'none'"],
    baseUri: ["'self'"],
    formAction: ["'self'"],
    frameAncestors: ["'self'"],
  },
};

/** Why: createServer composes this with Socket.IO on one http.Server. */
export function createHttpApp(deps: HttpDeps): Express {
  const app = express();
  app.disable('x-powered-by');
  // Behind nginx: req.ip is the phone's address from X-Forwarded-For, for limits and lockouts.
  if (deps.config.trustProxy) app.set('trust proxy', deps.config.trustProxy);
  app.use(helmet({ contentSecurityPolicy: CONTENT_SECURITY_POLICY, strictTransportSecurity: false }));
  app.use(requestLogger(deps.logger));

  app.get('/healthz', async (_req, res) => {
    const health: HealthReport = (await deps.health?.()) ?? { status: 'ok', ready: true, reasons: [] };
    res.status(health.ready ? 200 : 503).json({
      ...health,
      uptimeSeconds: Math.round(process.uptime()),
      sockets: deps.socketCount(),
    });
  });
  app.get('/metrics', async (_req, res) => {
    res.set('Content-Type', deps.commands.metrics.registry.contentType);
    res.end(await deps.commands.metrics.registry.metrics());
  });

  const joinViews = new JoinViewCounter();
  app.use(joinViews.middleware());
  const prizeImages = prizeImageRoutes({ commands: deps.commands, dataDir: deps.config.dataDir });
  app.use(prizeImages.media);
  // Before the 100 kB JSON parser: restore reads a backup with its own, larger limit (and images theirs).
  app.use('/api', recordRoutes({ service: deps.service, hostAuth: deps.commands.hostAuth }));
  app.use('/api', prizeImages.api);
  app.use('/api', express.json({ limit: deps.config.httpBodyLimit }));
  app.use('/api', publicRoutes(deps.commands.participant));
  app.use('/api', consoleRoutes(deps.commands, joinViews));
  app.use('/api', peopleRoutes(deps.commands));
  app.use('/api', claimRoutes(deps.commands));
  app.use('/api', spikeRoutes(deps.commands));
  app.use('/api', hostRoutes(deps.commands));
  app.use('/api', privacyRoutes(deps.commands));
  app.use('/api', apiNotFound);

  const repoRoot = path.resolve(import.meta.dirname, '..', '..', '..');
  mountUi(app, deps.config.staticDirs, path.join(repoRoot, 'docs', 'API.md'));

  app.use(errorHandler(deps.logger));
  return app;
}
