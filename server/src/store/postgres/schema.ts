// PostgreSQL schema as numbered migrations, applied at start by one node at a time (a session advisory lock).
import type pg from 'pg';
import { LOCK_NAMESPACE, MIGRATION_LOCK } from './db';

/**
 * Migrations in order; index i moves a database from version i to i + 1. Append only, never edit: a
 * branch that adds a column or table appends one more string. Column names and value shapes match the
 * SQLite store's rows (flags as 0/1 integers, JSON as text), so rows map with the same functions; every
 * table with an insertion order the API exposes has an `ord` identity (SQLite's rowid).
 */
export const PG_MIGRATIONS: readonly string[] = [
  `
  CREATE TABLE events (
    ord BIGINT GENERATED ALWAYS AS IDENTITY UNIQUE,
    id TEXT PRIMARY KEY,
    title TEXT NOT NULL,
    join_code TEXT NOT NULL UNIQUE,
    status TEXT NOT NULL CHECK (status IN ('draft', 'open', 'closed')),
    settings TEXT NOT NULL,
    created_at BIGINT NOT NULL
  );

  CREATE TABLE prizes (
    ord BIGINT GENERATED ALWAYS AS IDENTITY UNIQUE,
    id TEXT PRIMARY KEY,
    event_id TEXT NOT NULL REFERENCES events(id),
    name TEXT NOT NULL,
    description TEXT NOT NULL,
    image_url TEXT,
    quantity INTEGER NOT NULL CHECK (quantity >= 1),
    -- The stock guarantee: units awarded never exceed the quantity, never go below zero.
    awarded INTEGER NOT NULL DEFAULT 0 CHECK (awarded >= 0 AND awarded <= quantity),
    created_at BIGINT NOT NULL
  );
  CREATE INDEX prizes_by_event ON prizes(event_id, created_at, ord);

  CREATE TABLE participants (
    ord BIGINT GENERATED ALWAYS AS IDENTITY UNIQUE,
    id TEXT PRIMARY KEY,
    event_id TEXT NOT NULL REFERENCES events(id),
    nickname TEXT NOT NULL,
    device_token_hash TEXT NOT NULL,
    phone_hash TEXT,
    phone_masked TEXT,
    base_weight INTEGER NOT NULL DEFAULT 1 CHECK (base_weight BETWEEN 1 AND 1000),
    weight INTEGER NOT NULL CHECK (weight BETWEEN 1 AND 1000),
    has_won SMALLINT NOT NULL DEFAULT 0 CHECK (has_won IN (0, 1)),
    joined_at BIGINT NOT NULL,
    source TEXT NOT NULL DEFAULT 'join' CHECK (source IN ('join', 'import')),
    share_code TEXT,
    referred_by TEXT,
    referrals INTEGER NOT NULL DEFAULT 0,
    checked_in_at BIGINT
  );
  -- One entry per device per event, whichever node the phone reached.
  CREATE UNIQUE INDEX participants_by_device ON participants(event_id, device_token_hash);
  CREATE UNIQUE INDEX participants_by_phone ON participants(event_id, phone_hash) WHERE phone_hash IS NOT NULL;
  CREATE UNIQUE INDEX participants_by_share_code ON participants(event_id, share_code)
    WHERE share_code IS NOT NULL;
  CREATE INDEX participants_entries ON participants(event_id, has_won, id) INCLUDE (weight);
  CREATE INDEX participants_checked_in_entries ON participants(event_id, has_won, id) INCLUDE (weight)
    WHERE checked_in_at IS NOT NULL;
  CREATE INDEX participants_by_join ON participants(event_id, joined_at, ord);

  -- Counters kept with every join, weight change, win and check-in, so odds never scan participants.
  CREATE TABLE weight_counts (
    event_id TEXT NOT NULL,
    weight INTEGER NOT NULL,
    entries INTEGER NOT NULL,
    winners INTEGER NOT NULL,
    checked_in INTEGER NOT NULL DEFAULT 0,
    checked_in_winners INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (event_id, weight)
  );

  CREATE TABLE rounds (
    ord BIGINT GENERATED ALWAYS AS IDENTITY UNIQUE,
    id TEXT PRIMARY KEY,
    event_id TEXT NOT NULL REFERENCES events(id),
    prize_id TEXT NOT NULL REFERENCES prizes(id),
    k INTEGER NOT NULL CHECK (k >= 1),
    exclude_previous_winners SMALLINT NOT NULL CHECK (exclude_previous_winners IN (0, 1)),
    checked_in_only SMALLINT NOT NULL DEFAULT 0 CHECK (checked_in_only IN (0, 1)),
    blocklist TEXT NOT NULL,
    server_seed TEXT NOT NULL,
    commitment TEXT NOT NULL,
    public_entropy TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('committed', 'drawn', 'cancelled')),
    created_at BIGINT NOT NULL,
    drawn_at BIGINT,
    reveal_at BIGINT,
    phone_reveal_at BIGINT,
    entries_digest TEXT,
    winners TEXT,
    redraw_of TEXT
  );
  CREATE INDEX rounds_by_event ON rounds(event_id, created_at, ord);
  CREATE INDEX rounds_by_prize_status ON rounds(prize_id, status);
  CREATE INDEX rounds_current ON rounds(event_id, status, created_at, ord);

  CREATE TABLE round_entries (
    round_id TEXT PRIMARY KEY REFERENCES rounds(id),
    entries TEXT NOT NULL
  );

  CREATE TABLE claims (
    id TEXT PRIMARY KEY,
    code TEXT NOT NULL UNIQUE,
    event_id TEXT NOT NULL REFERENCES events(id),
    round_id TEXT NOT NULL REFERENCES rounds(id),
    prize_id TEXT NOT NULL REFERENCES prizes(id),
    place INTEGER NOT NULL CHECK (place >= 1),
    participant_id TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('pending', 'redeemed', 'forfeited')),
    created_at BIGINT NOT NULL,
    redeemed_at BIGINT,
    redeemed_by TEXT,
    forfeited_at BIGINT,
    forfeit_reason TEXT CHECK (forfeit_reason IN ('deadline', 'no_show')),
    redraw_round_id TEXT,
    contact_sealed TEXT,
    contact_masked TEXT,
    contact_at BIGINT,
    -- A redeemed claim always says when and by whom: redeeming is one compare-and-set, never half done.
    CHECK (status <> 'redeemed' OR (redeemed_at IS NOT NULL AND redeemed_by IS NOT NULL))
  );
  CREATE INDEX claims_by_event ON claims(event_id, created_at, place);
  CREATE INDEX claims_by_participant ON claims(participant_id);
  CREATE UNIQUE INDEX claims_by_round_place ON claims(round_id, place);

  CREATE TABLE people (
    ord BIGINT GENERATED ALWAYS AS IDENTITY UNIQUE,
    participant_id TEXT PRIMARY KEY REFERENCES participants(id),
    event_id TEXT NOT NULL REFERENCES events(id),
    import_id TEXT NOT NULL,
    row INTEGER NOT NULL,
    name TEXT NOT NULL,
    checkin_token TEXT NOT NULL UNIQUE,
    checked_in_by TEXT,
    masked TEXT NOT NULL,
    employee_id_hash TEXT,
    receipt_hash TEXT,
    phone_hash TEXT,
    email_hash TEXT,
    code_hash TEXT
  );
  CREATE INDEX people_by_event ON people(event_id, ord);
  CREATE UNIQUE INDEX people_by_employee_id ON people(event_id, employee_id_hash) WHERE employee_id_hash IS NOT NULL;
  CREATE UNIQUE INDEX people_by_receipt ON people(event_id, receipt_hash) WHERE receipt_hash IS NOT NULL;
  CREATE UNIQUE INDEX people_by_phone ON people(event_id, phone_hash) WHERE phone_hash IS NOT NULL;
  CREATE UNIQUE INDEX people_by_email ON people(event_id, email_hash) WHERE email_hash IS NOT NULL;
  CREATE UNIQUE INDEX people_by_code ON people(event_id, code_hash) WHERE code_hash IS NOT NULL;

  -- One hash chain per event; (event_id, seq) unique, so two nodes can never both write record n.
  CREATE TABLE audit_log (
    event_id TEXT NOT NULL,
    seq BIGINT NOT NULL CHECK (seq >= 1),
    at BIGINT NOT NULL,
    actor TEXT NOT NULL,
    action TEXT NOT NULL,
    subject TEXT NOT NULL,
    data TEXT NOT NULL,
    prev_hash TEXT NOT NULL,
    hash TEXT NOT NULL,
    PRIMARY KEY (event_id, seq)
  );
  CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN RAISE EXCEPTION 'audit_log is append-only'; END $$;
  CREATE TRIGGER audit_log_no_change BEFORE UPDATE OR DELETE ON audit_log
    FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();
  CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
    FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only();

  -- Bumped by every draw (in the draw's transaction): nodes poll this one row to learn of new reveals.
  CREATE TABLE draw_clock (
    id SMALLINT PRIMARY KEY CHECK (id = 1),
    version BIGINT NOT NULL
  );
  INSERT INTO draw_clock (id, version) VALUES (1, 0);
  ALTER TABLE rounds ADD COLUMN draw_version BIGINT;
  CREATE INDEX rounds_by_draw_version ON rounds(draw_version) WHERE draw_version IS NOT NULL;
  `,
  `
  -- The reveal schedule (commands/revealScheduler.ts): one row per part of a drawn round's reveal, and
  -- whether it went out, so a restart (or another node) never sends a part twice.
  CREATE TABLE reveal_dues (
    round_id TEXT NOT NULL REFERENCES rounds(id),
    kind TEXT NOT NULL CHECK (kind IN ('stage', 'audience', 'winners')),
    event_id TEXT NOT NULL REFERENCES events(id),
    due_at BIGINT NOT NULL,
    sent_at BIGINT,
    PRIMARY KEY (round_id, kind)
  );
  CREATE INDEX reveal_dues_pending ON reveal_dues(due_at) WHERE sent_at IS NULL;
  `,
  `
  -- Issue #9: entries close before public entropy (the frozen list is kept from the close on, in
  -- round_entries), and each draw records the event's audit head. Additive only.
  ALTER TABLE rounds ADD COLUMN entries_closed_at BIGINT;
  ALTER TABLE rounds ADD COLUMN entry_count INTEGER;
  ALTER TABLE rounds ADD COLUMN audit_head_seq BIGINT;
  ALTER TABLE rounds ADD COLUMN audit_head_hash TEXT;
  -- Rounds drawn before: their entries froze at the draw.
  UPDATE rounds SET entries_closed_at = drawn_at,
    entry_count = (SELECT json_array_length(e.entries::json) FROM round_entries e WHERE e.round_id = rounds.id)
    WHERE status = 'drawn';
  `,
  `
  -- Issue #12: the stage's draw animation, chosen per round.
  ALTER TABLE rounds ADD COLUMN draw_mode TEXT NOT NULL DEFAULT 'wheel' CHECK (draw_mode IN ('wheel', 'slots'));
  `,
  `
  -- The host console (issue #13 on PostgreSQL): staff credentials (hashes only), the event blocklist and
  -- the support inbox; the same columns as the SQLite store's, with ord for its rowid orders.
  CREATE TABLE staff_credentials (
    id TEXT PRIMARY KEY,
    event_id TEXT NOT NULL REFERENCES events(id),
    label TEXT NOT NULL,
    token_hash TEXT NOT NULL UNIQUE,
    created_at BIGINT NOT NULL,
    revoked_at BIGINT
  );
  CREATE INDEX staff_credentials_by_event ON staff_credentials(event_id, created_at);

  CREATE TABLE disqualified (
    ord BIGINT GENERATED ALWAYS AS IDENTITY UNIQUE,
    event_id TEXT NOT NULL REFERENCES events(id),
    participant_id TEXT NOT NULL REFERENCES participants(id),
    at BIGINT NOT NULL,
    PRIMARY KEY (event_id, participant_id)
  );

  CREATE TABLE support_messages (
    ord BIGINT GENERATED ALWAYS AS IDENTITY UNIQUE,
    id TEXT PRIMARY KEY,
    event_id TEXT NOT NULL REFERENCES events(id),
    participant_id TEXT NOT NULL REFERENCES participants(id),
    body TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    answer TEXT,
    answered_at BIGINT,
    read_at BIGINT
  );
  CREATE INDEX support_messages_by_event ON support_messages(event_id, participant_id, created_at);
  `,
  `
  -- Issue #13: the odds clock (store/postgres/oddsClock.ts). Each node bumps its event's row when its
  -- odds change and every node polls the recent rows, so odds cross nodes even while Redis is down.
  -- A signal only, never the truth: the odds themselves are always read from weight_counts.
  CREATE TABLE odds_clock (
    event_id TEXT PRIMARY KEY,
    version BIGINT NOT NULL,
    origin TEXT NOT NULL,
    changed_at TIMESTAMPTZ NOT NULL
  );
  CREATE INDEX odds_clock_recent ON odds_clock(changed_at);
  `,
];

/**
 * Brings the database up to the latest schema. Holds a session advisory lock meanwhile, so when three
 * nodes start together one migrates and the others wait, then find nothing left to do.
 */
export async function migratePostgres(pool: pg.Pool): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1, $2)', [LOCK_NAMESPACE, MIGRATION_LOCK]);
    try {
      await client.query(
        'CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied_at TIMESTAMPTZ NOT NULL DEFAULT now())',
      );
      const { rows } = await client.query<{ v: number | null }>(
        'SELECT MAX(version) AS v FROM schema_migrations',
      );
      const current = rows[0]?.v ?? 0;
      if (current > PG_MIGRATIONS.length) {
        throw new Error(
          `database schema version ${current} is newer than this server (${PG_MIGRATIONS.length})`,
        );
      }
      for (let version = current; version < PG_MIGRATIONS.length; version += 1) {
        await client.query('BEGIN');
        try {
          await client.query(PG_MIGRATIONS[version] as string);
          await client.query('INSERT INTO schema_migrations (version) VALUES ($1)', [version + 1]);
          await client.query('COMMIT');
        } catch (err) {
          await client.query('ROLLBACK');
          throw err;
        }
      }
    } finally {
      await client.query('SELECT pg_advisory_unlock($1, $2)', [LOCK_NAMESPACE, MIGRATION_LOCK]);
    }
  } finally {
    client.release();
  }
}
