// One node of a cluster: PostgreSQL as the store, Redis for the fan-out and shared limits, and the
// database path that delivers every reveal even when Redis drops it. index.ts uses it when DATABASE_URL is set.
import { randomBytes } from 'node:crypto';
import type { Logger } from 'pino';
import type { ServerConfig } from '../config';
import type { HealthReport } from '../commands/health';
import type { LiveHub } from '../realtime/liveHub';
import type { DrawcastIo } from '../realtime/socketTypes';
import type { DrawcastService } from '../services/types';
import { createPostgresStore, type PostgresStore } from '../store/postgres/pgStore';
import { startDrawRelay, type DrawRelay } from './drawRelay';
import { ODDS_POLL_WINDOW_MS, startOddsRelay, type OddsRelay } from './oddsRelay';
import { memoryLimiters, type LimiterFactory } from '../commands/rateLimiters';
import { redisLimiters } from './limiters';
import { connectRedis, installRedisAdapter, type RedisLink } from './redisLink';

/** The parts of a built server a node wires into (createServer's result; app.ts is index.ts's alone). */
export interface ClusterServer {
  io: DrawcastIo;
  hub: LiveHub;
  service: Pick<DrawcastService, 'getRound'>;
}

/** What index.ts wires around createServer. */
export interface ClusterNode {
  store: PostgresStore;
  limiters: LimiterFactory;
  health(): Promise<HealthReport>;
  /** After createServer, before listen: the adapter, the draw relay and the odds relay (both via PostgreSQL). */
  attach(server: ClusterServer): void;
  /** Stops the relays and Redis (the server closes the store). */
  close(): Promise<void>;
}

/** Rejects after `ms`, so a hung database fails readiness instead of hanging /healthz. */
function within<T>(ms: number, work: Promise<T>): Promise<T> {
  return Promise.race([
    work,
    new Promise<T>((_, reject) => setTimeout(() => reject(new Error(`no answer in ${ms} ms`)), ms).unref()),
  ]);
}

/** Opens the store (migrating it, one node at a time) and Redis; the draw clock is read before any re-arm. */
export async function openClusterNode(
  config: ServerConfig & { databaseUrl: string },
  logger: Logger,
): Promise<ClusterNode> {
  const store = await createPostgresStore({ connectionString: config.databaseUrl });
  const fromVersion = await store.drawVersion();
  const oddsAtStart = await store.recentOddsTicks(ODDS_POLL_WINDOW_MS);
  const redis: RedisLink | null = config.redisUrl ? connectRedis(config.redisUrl, logger) : null;
  let relay: DrawRelay | null = null;
  let odds: OddsRelay | null = null;

  return {
    store,
    limiters: redis ? redisLimiters(redis.commands) : memoryLimiters,
    async health() {
      const reasons: string[] = [];
      let ready = true;
      try {
        await within(2_000, store.ping());
      } catch (err) {
        ready = false;
        reasons.push(`database unreachable: ${(err as Error).message}`);
      }
      const redisProblem = redis?.problem() ?? null;
      if (redisProblem)
        reasons.push(
          `${redisProblem}; broadcasts reach this node's phones only, reveals and odds go through the database`,
        );
      return { status: !ready ? 'unavailable' : redisProblem ? 'degraded' : 'ok', ready, reasons };
    },
    attach(server) {
      if (redis) installRedisAdapter(server.io, redis);
      // A join on one node changes the odds every node's phones see. The signal goes through PostgreSQL
      // (not Redis), so it also crosses while Redis is down; each node paces its own phones' broadcast.
      const hub = server.hub;
      const oddsRelay = startOddsRelay({
        clock: store,
        atStart: oddsAtStart,
        connectionString: config.databaseUrl,
        nodeId: randomBytes(9).toString('base64url'),
        onElsewhere: (eventId) => hub.oddsChangedElsewhere(eventId),
        logger,
      });
      odds = oddsRelay;
      hub.relayOddsChanges((eventId) => oddsRelay.changed(eventId));
      relay = startDrawRelay({
        store,
        connectionString: config.databaseUrl,
        fromVersion,
        logger,
        onDrawn: async (roundId) => server.hub.roundDrawn(await server.service.getRound(roundId)),
      });
    },
    async close() {
      await relay?.close();
      await odds?.close();
      await redis?.close();
    },
  };
}
