// SQLite schema as numbered migrations; PRAGMA user_version records how far a file has been migrated.
import type Database from 'better-sqlite3';

/** Migrations in order; index i moves a file from user_version i to i + 1. Append only, never edit. */
export const MIGRATIONS: readonly string[] = [
  `
  CREATE TABLE events (
    id TEXT PRIMARY KEY,
    title TEXT NOT NULL,
    join_code TEXT NOT NULL UNIQUE,
    status TEXT NOT NULL CHECK (status IN ('draft', 'open', 'closed')),
    settings TEXT NOT NULL,
    created_at INTEGER NOT NULL
  );

  CREATE TABLE prizes (
    id TEXT PRIMARY KEY,
    event_id TEXT NOT NULL REFERENCES events(id),
    name TEXT NOT NULL,
    description TEXT NOT NULL,
    image_url TEXT,
    quantity INTEGER NOT NULL CHECK (quantity >= 1),
    awarded INTEGER NOT NULL DEFAULT 0 CHECK (awarded >= 0 AND awarded <= quantity),
    created_at INTEGER NOT NULL
  );
  CREATE INDEX prizes_by_event ON prizes(event_id, created_at);

  CREATE TABLE participants (
    id TEXT PRIMARY KEY,
    event_id TEXT NOT NULL REFERENCES events(id),
    nickname TEXT NOT NULL,
    device_token_hash TEXT NOT NULL,
    phone_hash TEXT,
    phone_masked TEXT,
    weight INTEGER NOT NULL CHECK (weight BETWEEN 1 AND 1000),
    has_won INTEGER NOT NULL DEFAULT 0,
    joined_at INTEGER NOT NULL
  );
  CREATE UNIQUE INDEX participants_by_device ON participants(event_id, device_token_hash);
  CREATE UNIQUE INDEX participants_by_phone ON participants(event_id, phone_hash) WHERE phone_hash IS NOT NULL;
  -- Covering index for listing a round's entries (optionally without earlier winners).
  CREATE INDEX participants_entries ON participants(event_id, has_won, id, weight);

  -- Counters maintained with every join, weight change and win, so odds aggregates never scan participants.
  CREATE TABLE weight_counts (
    event_id TEXT NOT NULL,
    weight INTEGER NOT NULL,
    entries INTEGER NOT NULL,
    winners INTEGER NOT NULL,
    PRIMARY KEY (event_id, weight)
  ) WITHOUT ROWID;

  CREATE TABLE rounds (
    id TEXT PRIMARY KEY,
    event_id TEXT NOT NULL REFERENCES events(id),
    prize_id TEXT NOT NULL REFERENCES prizes(id),
    k INTEGER NOT NULL CHECK (k >= 1),
    exclude_previous_winners INTEGER NOT NULL,
    blocklist TEXT NOT NULL,
    server_seed TEXT NOT NULL,
    commitment TEXT NOT NULL,
    public_entropy TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('committed', 'drawn', 'cancelled')),
    created_at INTEGER NOT NULL,
    drawn_at INTEGER,
    reveal_at INTEGER,
    phone_reveal_at INTEGER,
    entries_digest TEXT,
    winners TEXT
  );
  CREATE INDEX rounds_by_event ON rounds(event_id, created_at);
  CREATE INDEX rounds_by_prize_status ON rounds(prize_id, status);

  -- The frozen entry list of a drawn round, kept apart so listing rounds stays light.
  CREATE TABLE round_entries (
    round_id TEXT PRIMARY KEY REFERENCES rounds(id),
    entries TEXT NOT NULL
  );
  `,
  `
  CREATE INDEX participants_by_join ON participants(event_id, joined_at);
  CREATE INDEX rounds_current ON rounds(event_id, status, created_at);
  `,
];

/** Brings a database file up to the latest schema, each step in its own transaction. */
export function migrate(db: Database.Database): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > MIGRATIONS.length) {
    throw new Error(`database schema version ${current} is newer than this server (${MIGRATIONS.length})`);
  }
  for (let version = current; version < MIGRATIONS.length; version += 1) {
    db.transaction(() => {
      db.exec(MIGRATIONS[version] as string);
      db.pragma(`user_version = ${version + 1}`);
    })();
  }
}
