// The odds clock: one row per event, bumped (with a NOTIFY) whenever a node's odds for that event change,
// so every other node learns of joins made elsewhere from PostgreSQL, whether Redis is up or not.
import type pg from 'pg';
import { read } from './db';

/** One event's odds clock: its version and which node bumped it last. */
export interface OddsTick {
  eventId: string;
  version: number;
  origin: string;
}

/** The NOTIFY channel; the payload is `JSON.stringify({ e, v, o })` of an OddsTick. */
export const ODDS_CHANNEL = 'drawcast_odds';

/** Why: the odds relay needs a cross-node signal that survives a Redis outage (see cluster/oddsRelay). */
export interface OddsClock {
  /** Bumps the event's version as `origin` and notifies every listener at commit; returns the new tick. */
  tickOdds(eventId: string, origin: string): Promise<OddsTick>;
  /** Events whose odds changed in the last `withinMs` (the poll that catches a missed notice). */
  recentOddsTicks(withinMs: number): Promise<OddsTick[]>;
}

/** Builds the odds clock on the pool (single statements: each is its own transaction). */
export function createPgOddsClock(pool: pg.Pool): OddsClock {
  return {
    async tickOdds(eventId, origin) {
      const [row] = await read<{ version: number }>(
        pool,
        `WITH tick AS (
           INSERT INTO odds_clock (event_id, version, origin, changed_at) VALUES ($1, 1, $2, clock_timestamp())
           ON CONFLICT (event_id) DO UPDATE
             SET version = odds_clock.version + 1, origin = EXCLUDED.origin, changed_at = EXCLUDED.changed_at
           RETURNING version)
         SELECT version, pg_notify('${ODDS_CHANNEL}', json_build_object('e', $1::text, 'v', version, 'o', $2::text)::text)
         FROM tick`,
        [eventId, origin],
      );
      return { eventId, version: row?.version ?? 0, origin };
    },
    async recentOddsTicks(withinMs) {
      const rows = await read<{ event_id: string; version: number; origin: string }>(
        pool,
        `SELECT event_id, version, origin FROM odds_clock
         WHERE changed_at > clock_timestamp() - make_interval(secs => $1::float8 / 1000)`,
        [withinMs],
      );
      return rows.map((r) => ({ eventId: r.event_id, version: r.version, origin: r.origin }));
    },
  };
}
