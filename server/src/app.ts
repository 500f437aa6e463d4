// createServer: builds the service, Express app and Socket.IO server on one http.Server, listening on nothing.
import http from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import type { Express } from 'express';
import pino from 'pino';
import type { Logger } from 'pino';
import { Server } from 'socket.io';
import { clientIpFrom, type TrustFn } from './cluster/clientIp';
import type { LimiterFactory } from './commands/rateLimiters';
import type { ServerConfig } from './config';
import { dropSilentConnections, limitConnectionsPerIp } from './http/connectionGuard';
import { responseLoggingDoubleWrites } from './http/responseGuard';
import { createHttpApp } from './http/createApp';
import type { HealthReport } from './commands/health';
import { HostAuthenticator } from './commands/hostAuth';
import { createMetrics } from './commands/metrics';
import type { DrawcastMetrics } from './commands/metrics';
import { attachRealtime } from './realtime';
import { COMMAND_NAMES } from './realtime/commandNames';
import { createCommands } from './commands';
import { RevealScheduler } from './commands/revealScheduler';
import type { Commands } from './commands';
import type { HostCommands } from './commands/hostCommands';
import type { PrivacyCommands } from './commands/privacyCommands';
import { JoinLimits } from './commands/joinLimits';
import { JoinSpikes } from './commands/joinSpikes';
import { LiveHub } from './realtime/liveHub';
import type { DrawcastIo } from './realtime/socketTypes';
import { createDrawcastService } from './services';
import { createConsoleService } from './services/consoleService';
import { keyedHash } from './services/hashing';
import type { Clock, DrawcastService, Random } from './services/types';
import type { Store } from './store/store';

/** What a server is made of; the clock and randomness are injected so tests control time and seeds. */
export interface CreateServerOptions {
  store: Store;
  clock: Clock;
  random: Random;
  config: ServerConfig;
  /** Pepper for hashing device tokens and phones; index.ts keeps one in the data dir. */
  secret: string;
  /** AES key for winners' shipping contacts (index.ts keeps one in the data dir); null refuses contacts. */
  contactKey?: Uint8Array | null;
  logger?: Logger;
  /** Node's default process metrics on /metrics (off in tests, on in index.ts). */
  defaultMetrics?: boolean;
  /** Several nodes: rate limits and lockouts in Redis (default: this process's memory). */
  limiters?: LimiterFactory;
  /** Several nodes: /healthz reports the database and Redis (default: always ok). */
  health?: () => Promise<HealthReport>;
  /** A certificate and key (PEM): the same app and sockets are also served over HTTPS (listenHttps). */
  tls?: { cert: string; key: string };
}

/** A built server; `close()` stops sockets, timers and HTTP, then closes the store it was given. */
export interface DrawcastServer {
  app: Express;
  httpServer: http.Server;
  /** The HTTPS twin of httpServer when `tls` was given, else null. */
  httpsServer: https.Server | null;
  io: DrawcastIo;
  service: DrawcastService;
  hub: LiveHub;
  /** Host, phone and stage commands, shared by REST and sockets. */
  commands: Commands;
  /** The host commands (tests run the deadline sweep through them). */
  actions: HostCommands;
  metrics: DrawcastMetrics;
  logger: Logger;
  /** Listens and resolves with the bound port (use port 0 in tests). */
  listen(port?: number, host?: string): Promise<number>;
  /** Listens over HTTPS (needs `tls`) and resolves with the bound port. */
  listenHttps(port: number, host?: string): Promise<number>;
  close(): Promise<void>;
}

/** Why: tests, the entry point and benchmarks all need the same server without a fixed port. */
export async function createServer(options: CreateServerOptions): Promise<DrawcastServer> {
  const { store, clock, random, config } = options;
  const logger = options.logger ?? pino({ level: config.logLevel });
  const metrics = createMetrics({
    defaultMetrics: options.defaultMetrics ?? false,
    commandNames: COMMAND_NAMES,
  });
  const service = createDrawcastService({
    store,
    clock,
    random,
    secret: options.secret,
    contactKey: options.contactKey ?? null,
  });
  const consoleService = createConsoleService({
    store,
    clock,
    random,
    secret: options.secret,
    service,
  });
  const hostAuth = new HostAuthenticator(
    config.hostToken,
    {
      maxFailures: config.authMaxFailures,
      windowMs: config.authWindowMs,
      staffLookup: (token) => consoleService.authenticateStaff(token),
    },
    options.limiters,
  );

  // Slow or half-open clients are dropped: headers/request timeouts, checked often enough to honour them.
  const httpServer = http.createServer({
    ServerResponse: responseLoggingDoubleWrites(logger),
    headersTimeout: config.headersTimeoutMs,
    requestTimeout: config.requestTimeoutMs,
    connectionsCheckingInterval: Math.min(30_000, Math.max(50, Math.floor(config.headersTimeoutMs / 4))),
  });
  limitConnectionsPerIp(httpServer, config.maxConnectionsPerIp);
  dropSilentConnections(httpServer, config.headersTimeoutMs);
  // Attached to httpServer below, after Express (see there).
  const io: DrawcastIo = new Server({
    maxHttpBufferSize: config.maxSocketPayloadBytes,
    connectTimeout: config.socketConnectTimeoutMs,
    serveClient: false,
    // Same origin in production; other origins are refused by the browser's CORS check.
    cors: { origin: false },
  });
  const reveals = new RevealScheduler({
    store,
    clock,
    logger,
    deliver: (due, round) => hub.deliverReveal(due, round),
    // Several nodes: every node sends each part to its own sockets (deduped per node); the store only
    // records that it went out, so a restart does not re-arm it.
    localDelivery: config.databaseUrl !== undefined,
  });
  const hub: LiveHub = new LiveHub(
    io,
    service,
    clock,
    logger,
    {
      oddsIntervalMs: config.oddsIntervalMs,
      // Several nodes share the budget: each writes to its own phones, so each spends its share.
      oddsMessagesPerSecond: Math.max(
        1,
        Math.floor(config.oddsMessagesPerSecond / (config.clusterNodes ?? 1)),
      ),
      oddsBroadcastSlice: config.oddsBroadcastSlice,
      revealsLocalOnly: config.databaseUrl !== undefined,
    },
    reveals,
  );
  const limits = new JoinLimits(
    { perIpPerMinute: config.joinsPerIpPerMinute, perDevicePerMinute: config.joinsPerDevicePerMinute },
    options.limiters,
  );

  const spikes = new JoinSpikes({
    clock,
    keyOf: (ip) => keyedHash(options.secret, 'ip', ip).slice(0, 16),
    push: (spike) => hub.joinSpike(spike),
    disqualify: (eventId, participantId) => consoleService.setDisqualified(eventId, participantId, true),
    eventIdOf: async (eventId) => (await service.getEvent(eventId)).id,
  });
  const commands = createCommands({
    service,
    consoleService,
    hub,
    clock,
    limits,
    hostAuth,
    metrics,
    spikes,
  });
  const actions = commands.host;

  const app = createHttpApp({
    config,
    commands,
    service,
    logger,
    socketCount: () => io.engine.clientsCount,
    ...(options.health && { health: options.health }),
  });
  // Express first, then Socket.IO: engine.io's attach() takes over the 'request' listeners present at that
  // moment and hands them only what is not /socket.io/. A listener added after it also saw every long-poll
  // and answered it with Express's 404, so engine.io's own answer was a second write: ERR_HTTP_HEADERS_SENT
  // thrown from an event listener, which crashed the process (one polling phone was enough).
  httpServer.on('request', app);
  io.attach(httpServer);
  const httpsServer = options.tls ? createHttpsTwin(options.tls, config, io, app, logger) : null;
  const trust = config.trustProxy ? (app.get('trust proxy fn') as TrustFn) : null;
  attachRealtime(io, {
    commands,
    hub,
    clock,
    logger,
    ...(trust && { clientIp: (req: http.IncomingMessage) => clientIpFrom(req, trust) }),
  });

  const rearmed = await hub.rearm();
  if (rearmed > 0) logger.info({ rearmed }, 're-armed pending reveals after restart');

  const sweepTimer = startClaimSweep(actions, config.claimSweepIntervalMs, logger);
  const retentionTimer = startRetentionSweep(commands.privacy, config.retentionSweepIntervalMs, logger);

  let closing: Promise<void> | null = null;
  return {
    app,
    httpServer,
    io,
    service,
    hub,
    commands,
    actions,
    metrics,
    logger,
    httpsServer,
    listen(port = config.port, host = config.bindAddress) {
      return listenOn(httpServer, port, host);
    },
    listenHttps(port, host = config.bindAddress) {
      if (!httpsServer) return Promise.reject(new Error('createServer was given no tls certificate'));
      return listenOn(httpsServer, port, host);
    },
    close() {
      closing ??= (async () => {
        if (sweepTimer) clearInterval(sweepTimer);
        spikes.close();
        if (retentionTimer) clearInterval(retentionTimer);
        hub.close();
        io.disconnectSockets(true);
        await new Promise<void>((resolve) => {
          io.close(() => resolve());
          httpServer.closeAllConnections();
          if (httpsServer?.listening) httpsServer.close();
          httpsServer?.closeAllConnections();
        });
        await service.close();
        await store.close();
      })();
      return closing;
    },
  };
}

/** Listens and resolves with the bound port; a listen error (port in use) rejects. */
function listenOn(server: http.Server | https.Server, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

/**
 * Why: a tablet's camera needs a secure context. The HTTPS server gets the same guards, the same
 * Socket.IO engine (one io, so rooms and broadcasts span both listeners) and the same Express app.
 */
function createHttpsTwin(
  tls: { cert: string; key: string },
  config: ServerConfig,
  io: DrawcastIo,
  app: Express,
  logger: Logger,
): https.Server {
  const server = https.createServer({
    ServerResponse: responseLoggingDoubleWrites(logger),
    cert: tls.cert,
    key: tls.key,
    headersTimeout: config.headersTimeoutMs,
    requestTimeout: config.requestTimeoutMs,
    connectionsCheckingInterval: Math.min(30_000, Math.max(50, Math.floor(config.headersTimeoutMs / 4))),
  });
  limitConnectionsPerIp(server, config.maxConnectionsPerIp);
  dropSilentConnections(server, config.headersTimeoutMs);
  // Express before engine.io, as for the HTTP server (engine.io wraps the listeners already there).
  server.on('request', app);
  io.engine.attach(server, { path: '/socket.io/' });
  return server;
}

/** The claim-deadline sweep on a timer; one sweep at a time, failures logged, never thrown. */
function startClaimSweep(
  actions: HostCommands,
  intervalMs: number,
  logger: Logger,
): ReturnType<typeof setInterval> | null {
  return startSingleFlightTimer(intervalMs, logger, 'claim deadline sweep failed', async () => {
    const results = await actions.sweepClaimDeadlines();
    if (results.length > 0) logger.info({ forfeited: results.length }, 'claim deadline sweep');
  });
}

/** The retention purge on a timer (issue #14); one purge at a time, failures logged, never thrown. */
function startRetentionSweep(
  privacy: PrivacyCommands,
  intervalMs: number,
  logger: Logger,
): ReturnType<typeof setInterval> | null {
  return startSingleFlightTimer(intervalMs, logger, 'retention purge failed', async () => {
    const purged = await privacy.purgeExpired();
    for (const p of purged) logger.info(p, 'retention purge: personal data deleted');
  });
}

/** Runs a task every intervalMs (none when <= 0), skipping a tick while the previous run is still going; logs failures. */
function startSingleFlightTimer(
  intervalMs: number,
  logger: Logger,
  failureMessage: string,
  task: () => Promise<void>,
): ReturnType<typeof setInterval> | null {
  if (intervalMs <= 0) return null;
  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    task()
      .catch((err: unknown) => logger.error({ err }, failureMessage))
      .finally(() => {
        running = false;
      });
  }, intervalMs);
  timer.unref();
  return timer;
}
