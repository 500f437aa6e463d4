// How every node learns of draws made on any node: from PostgreSQL, not Redis. LISTEN/NOTIFY is the fast
// path (the notice is sent at COMMIT), and a short poll of the draw clock catches anything a dropped
// listener missed, so a Redis outage (or a dead LISTEN connection) never loses a reveal.
import type { Logger } from 'pino';
import type { PostgresStore } from '../store/postgres/pgStore';
import { listenForever } from './pgListener';

/** What the relay does with a round drawn anywhere: the hub dedups, so hearing it twice is harmless. */
export type OnDrawn = (roundId: string) => Promise<void>;

/** A running relay. */
export interface DrawRelay {
  /** Draw clock value handled so far (tests). */
  readonly version: number;
  close(): Promise<void>;
}

/** How often the draw clock is read (a reveal is announced seconds ahead, so 250 ms is ample). */
export const DRAW_POLL_MS = 250;

/**
 * Starts the relay from `fromVersion` (read before the hub re-armed pending reveals at start, so no draw
 * falls in between). Errors (database down) are logged once and retried; it never throws.
 */
export function startDrawRelay(options: {
  store: PostgresStore;
  connectionString: string;
  fromVersion: number;
  onDrawn: OnDrawn;
  logger: Logger;
  pollMs?: number;
}): DrawRelay {
  const { store, onDrawn, logger } = options;
  let version = options.fromVersion;
  let closed = false;
  let polling = false;
  let failing = false;

  const deliver = (roundId: string) =>
    onDrawn(roundId).catch((err: unknown) =>
      logger.warn({ err, roundId }, 'reveal relay could not load round'),
    );

  async function poll(): Promise<void> {
    if (polling || closed) return;
    polling = true;
    try {
      for (;;) {
        const drawn = await store.drawnSince(version, 100);
        for (const d of drawn) {
          await deliver(d.roundId);
          version = Math.max(version, d.version);
        }
        if (drawn.length < 100) break;
      }
      if (failing) logger.info('draw relay: database reachable again');
      failing = false;
    } catch (err) {
      if (!failing)
        logger.warn({ err: (err as Error).message }, 'draw relay: database unreachable, retrying');
      failing = true;
    } finally {
      polling = false;
    }
  }

  const timer = setInterval(() => void poll(), options.pollMs ?? DRAW_POLL_MS);
  timer.unref();
  const listener = listenForever({
    connectionString: options.connectionString,
    channel: 'drawcast_draws',
    onNotify: (roundId) => void deliver(roundId),
    // Draws committed while no listener was up are caught here at once, not at the next poll.
    onListening: () => void poll(),
  });
  void poll();

  return {
    get version() {
      return version;
    },
    async close() {
      closed = true;
      clearInterval(timer);
      await listener.close();
    },
  };
}
