// createServer: builds the service, Express app and Socket.IO server on one http.Server, listening on nothing.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Express } from 'express';
import pino from 'pino';
import type { Logger } from 'pino';
import { Server } from 'socket.io';
import type { ServerConfig } from './config';
import { createHttpApp } from './http/create-app';
import { HostAuthenticator } from './http/host-auth';
import { createMetrics } from './http/metrics';
import type { DrawcastMetrics } from './http/metrics';
import { attachRealtime } from './realtime';
import { HostActions } from './realtime/host-actions';
import { JoinLimits } from './realtime/join-limits';
import { LiveHub } from './realtime/live-hub';
import type { DrawcastIo } from './realtime/types';
import { createDrawcastService } from './services';
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
  logger?: Logger;
  /** Node's default process metrics on /metrics (off in tests, on in index.ts). */
  defaultMetrics?: boolean;
}

/** A built server; `close()` stops sockets, timers and HTTP, then closes the store it was given. */
export interface DrawcastServer {
  app: Express;
  httpServer: http.Server;
  io: DrawcastIo;
  service: DrawcastService;
  hub: LiveHub;
  metrics: DrawcastMetrics;
  logger: Logger;
  /** Listens and resolves with the bound port (use port 0 in tests). */
  listen(port?: number, host?: string): Promise<number>;
  close(): Promise<void>;
}

/** Why: tests, the entry point and benchmarks all need the same server without a fixed port. */
export async function createServer(options: CreateServerOptions): Promise<DrawcastServer> {
  const { store, clock, random, config } = options;
  const logger = options.logger ?? pino({ level: config.logLevel });
  const metrics = createMetrics({ defaultMetrics: options.defaultMetrics ?? false });
  const service = createDrawcastService({ store, clock, random, secret: options.secret });
  const hostAuth = new HostAuthenticator(config.hostToken, {
    maxFailures: config.authMaxFailures,
    windowMs: config.authWindowMs,
  });

  const httpServer = http.createServer();
  const io: DrawcastIo = new Server(httpServer, {
    maxHttpBufferSize: config.maxSocketPayloadBytes,
    serveClient: false,
    // Same origin in production; other origins are refused by the browser's CORS check.
    cors: { origin: false },
  });
  const hub = new LiveHub(io, service, clock, logger, {
    oddsIntervalMs: config.oddsIntervalMs,
    oddsMessagesPerSecond: config.oddsMessagesPerSecond,
  });
  const actions = new HostActions(service, hub, metrics);
  const limits = new JoinLimits({
    perIpPerMinute: config.joinsPerIpPerMinute,
    perDevicePerMinute: config.joinsPerDevicePerMinute,
  });

  const app = createHttpApp({
    config,
    service,
    actions,
    hostAuth,
    metrics,
    logger,
    socketCount: () => io.engine.clientsCount,
  });
  httpServer.on('request', app);
  attachRealtime(io, { service, hub, actions, clock, limits, hostAuth, metrics, logger });

  const rearmed = await hub.rearm();
  if (rearmed > 0) logger.info({ rearmed }, 're-armed pending reveals after restart');

  let closing: Promise<void> | null = null;
  return {
    app,
    httpServer,
    io,
    service,
    hub,
    metrics,
    logger,
    listen(port = config.port, host = config.bindAddress) {
      return new Promise((resolve, reject) => {
        httpServer.once('error', reject);
        httpServer.listen(port, host, () => {
          httpServer.off('error', reject);
          resolve((httpServer.address() as AddressInfo).port);
        });
      });
    },
    close() {
      closing ??= (async () => {
        hub.close();
        io.disconnectSockets(true);
        await new Promise<void>((resolve) => {
          io.close(() => resolve());
          httpServer.closeAllConnections();
        });
        await store.close();
      })();
      return closing;
    },
  };
}
