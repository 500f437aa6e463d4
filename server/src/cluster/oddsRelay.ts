// How every node learns of odds changes made on any node: from PostgreSQL, not Redis. The node where a
// join lands ticks the event's odds clock (NOTIFY at commit); the others hear the notice, or find the
// tick by a short poll, and each paces a broadcast to its own phones within its share of the budget.
import type { Logger } from 'pino';
import { KeyedThrottle } from '../realtime/keyedThrottle';
import { ODDS_CHANNEL, type OddsClock, type OddsTick } from '../store/postgres/oddsClock';
import { OddsTickFilter } from './oddsTicks';
import { listenForever } from './pgListener';

/** At most one tick per event per node this often (a join rush becomes ~10 ticks a second). */
export const ODDS_TICK_MS = 100;
/** How often each node reads the recent ticks, in case a notice was lost (well within the ~1 s target). */
export const ODDS_POLL_MS = 300;
/** How far back each poll looks: longer than any poll gap a busy node would plausibly have. */
export const ODDS_POLL_WINDOW_MS = 5_000;

/** A running odds relay. */
export interface OddsRelay {
  /** This node's odds for the event changed (the hub's relay hook): tell the other nodes. */
  changed(eventId: string): void;
  close(): Promise<void>;
}

/** Parses a NOTIFY payload; null for anything malformed. */
function parseTick(payload: string): OddsTick | null {
  try {
    const t = JSON.parse(payload) as { e?: unknown; v?: unknown; o?: unknown };
    if (typeof t.e !== 'string' || typeof t.v !== 'number' || typeof t.o !== 'string') return null;
    return { eventId: t.e, version: t.v, origin: t.o };
  } catch {
    return null;
  }
}

/**
 * Starts the relay for the node named `nodeId`; `onElsewhere` is the hub's oddsChangedElsewhere. Errors
 * (database down) are logged once and retried; it never throws. `atStart` are the ticks read when the
 * node started, so it does not rebroadcast old events.
 */
export function startOddsRelay(options: {
  clock: OddsClock;
  atStart: readonly OddsTick[];
  connectionString: string;
  nodeId: string;
  onElsewhere: (eventId: string) => void;
  logger: Logger;
  pollMs?: number;
}): OddsRelay {
  const { clock, nodeId, onElsewhere, logger } = options;
  const filter = new OddsTickFilter(nodeId);
  let closed = false;
  let failing = false;
  const failed = (err: unknown) => {
    if (!failing) logger.warn({ err: (err as Error).message }, 'odds relay: database unreachable, retrying');
    failing = true;
  };
  const heard = (tick: OddsTick) => {
    if (!closed && filter.shouldRefresh(tick)) onElsewhere(tick.eventId);
  };

  filter.prime(options.atStart);

  let polling = false;
  async function poll(): Promise<void> {
    if (polling || closed) return;
    polling = true;
    try {
      for (const tick of await clock.recentOddsTicks(ODDS_POLL_WINDOW_MS)) heard(tick);
      if (failing) logger.info('odds relay: database reachable again');
      failing = false;
    } catch (err) {
      failed(err);
    } finally {
      polling = false;
    }
  }

  const ticks = new KeyedThrottle(ODDS_TICK_MS, (eventId) => {
    if (closed) return;
    // Our own tick comes back through the filter, which only notes its version.
    clock.tickOdds(eventId, nodeId).then(heard, failed);
  });
  const timer = setInterval(() => void poll(), options.pollMs ?? ODDS_POLL_MS);
  timer.unref();
  const listener = listenForever({
    connectionString: options.connectionString,
    channel: ODDS_CHANNEL,
    onNotify: (payload) => {
      const tick = parseTick(payload);
      if (tick) heard(tick);
    },
    onListening: () => void poll(),
  });

  return {
    changed: (eventId) => ticks.notify(eventId),
    async close() {
      closed = true;
      clearInterval(timer);
      ticks.close();
      await listener.close();
    },
  };
}
