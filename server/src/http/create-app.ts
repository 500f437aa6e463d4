// The Express app: security headers, body limits, logs, /healthz, /metrics, /api, UIs, JSON errors.
import path from 'node:path';
import express from 'express';
import type { Express } from 'express';
import helmet from 'helmet';
import type { Logger } from 'pino';
import type { ServerConfig } from '../config';
import type { HostActions } from '../realtime/host-actions';
import type { DrawcastService } from '../services/types';
import type { HostAuthenticator } from './host-auth';
import { hostRoutes } from './host-routes';
import type { DrawcastMetrics } from './metrics';
import { apiNotFound, errorHandler, requestLogger } from './middleware';
import { publicRoutes } from './public-routes';
import { claimRoutes } from './routes/claims';
import { peopleRoutes } from './routes/people';
import { recordRoutes } from './routes/records';
import { mountUi } from './static-ui';

/** Everything the HTTP side needs. */
export interface HttpDeps {
  config: ServerConfig;
  service: DrawcastService;
  actions: HostActions;
  hostAuth: HostAuthenticator;
  metrics: DrawcastMetrics;
  logger: Logger;
  socketCount: () => number;
  /** Several nodes: the shared store's and Redis's state (absent: one process, always ready). */
  health?: () => Promise<HealthReport>;
}

/** What /healthz says beyond "up": degraded (Redis down) still serves; not ready (database down) does not. */
export interface HealthReport {
  status: 'ok' | 'degraded' | 'unavailable';
  ready: boolean;
  reasons: string[];
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
    res.set('Content-Type', deps.metrics.registry.contentType);
    res.end(await deps.metrics.registry.metrics());
  });

  // Before the 100 kB JSON parser: restore reads a backup with its own, larger limit.
  app.use('/api', recordRoutes(deps));
  app.use('/api', express.json({ limit: deps.config.httpBodyLimit }));
  app.use('/api', publicRoutes(deps.service));
  app.use('/api', peopleRoutes(deps));
  app.use('/api', claimRoutes(deps));
  app.use('/api', hostRoutes(deps));
  app.use('/api', apiNotFound);

  const repoRoot = path.resolve(import.meta.dirname, '..', '..', '..');
  mountUi(app, deps.config.staticDirs, path.join(repoRoot, 'docs', 'API.md'));

  app.use(errorHandler(deps.logger));
  return app;
}
