// What every part of the PostgreSQL store shares.
import type pg from 'pg';

/** Passed to each part's factory. */
export interface PgParts {
  pool: pg.Pool;
}
