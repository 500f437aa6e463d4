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
  // Issue #4: bonus tickets, imported people and check-in, claims, redraws, the audit chain. Additive only.
  `
  ALTER TABLE participants ADD COLUMN base_weight INTEGER NOT NULL DEFAULT 1 CHECK (base_weight BETWEEN 1 AND 1000);
  UPDATE participants SET base_weight = weight;
  ALTER TABLE participants ADD COLUMN source TEXT NOT NULL DEFAULT 'join' CHECK (source IN ('join', 'import'));
  ALTER TABLE participants ADD COLUMN share_code TEXT;
  ALTER TABLE participants ADD COLUMN referred_by TEXT;
  ALTER TABLE participants ADD COLUMN referrals INTEGER NOT NULL DEFAULT 0;
  ALTER TABLE participants ADD COLUMN checked_in_at INTEGER;
  CREATE UNIQUE INDEX participants_by_share_code ON participants(event_id, share_code)
    WHERE share_code IS NOT NULL;
  -- Covering index for the entries of check-in-only rounds.
  CREATE INDEX participants_checked_in_entries ON participants(event_id, has_won, id, weight)
    WHERE checked_in_at IS NOT NULL;

  ALTER TABLE weight_counts ADD COLUMN checked_in INTEGER NOT NULL DEFAULT 0;
  ALTER TABLE weight_counts ADD COLUMN checked_in_winners INTEGER NOT NULL DEFAULT 0;

  ALTER TABLE rounds ADD COLUMN checked_in_only INTEGER NOT NULL DEFAULT 0;
  -- JSON {claimId, roundId, place} of the forfeited slot a k=1 redraw round re-awards.
  ALTER TABLE rounds ADD COLUMN redraw_of TEXT;

  CREATE TABLE claims (
    id TEXT PRIMARY KEY,
    code TEXT NOT NULL UNIQUE,
    event_id TEXT NOT NULL REFERENCES events(id),
    round_id TEXT NOT NULL REFERENCES rounds(id),
    prize_id TEXT NOT NULL REFERENCES prizes(id),
    place INTEGER NOT NULL CHECK (place >= 1),
    participant_id TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('pending', 'redeemed', 'forfeited')),
    created_at INTEGER NOT NULL,
    redeemed_at INTEGER,
    redeemed_by TEXT,
    forfeited_at INTEGER,
    forfeit_reason TEXT CHECK (forfeit_reason IN ('deadline', 'no_show')),
    redraw_round_id TEXT,
    contact_sealed TEXT,
    contact_masked TEXT,
    contact_at INTEGER
  );
  CREATE INDEX claims_by_event ON claims(event_id, created_at, place);
  CREATE INDEX claims_by_participant ON claims(participant_id);
  CREATE UNIQUE INDEX claims_by_round_place ON claims(round_id, place);

  -- Import details of imported participants; identifiers only as keyed hashes and masked text.
  CREATE TABLE people (
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
  CREATE INDEX people_by_event ON people(event_id, import_id, row);
  CREATE UNIQUE INDEX people_by_employee_id ON people(event_id, employee_id_hash) WHERE employee_id_hash IS NOT NULL;
  CREATE UNIQUE INDEX people_by_receipt ON people(event_id, receipt_hash) WHERE receipt_hash IS NOT NULL;
  CREATE UNIQUE INDEX people_by_phone ON people(event_id, phone_hash) WHERE phone_hash IS NOT NULL;
  CREATE UNIQUE INDEX people_by_email ON people(event_id, email_hash) WHERE email_hash IS NOT NULL;
  CREATE UNIQUE INDEX people_by_code ON people(event_id, code_hash) WHERE code_hash IS NOT NULL;

  -- One hash chain per event (so a backup carries a chain that verifies on its own). data is canonical JSON.
  -- WITHOUT ROWID: records live in the (event_id, seq) tree itself, one append-at-the-end insert per record.
  CREATE TABLE audit_log (
    event_id TEXT NOT NULL,
    seq INTEGER NOT NULL,
    at INTEGER NOT NULL,
    actor TEXT NOT NULL,
    action TEXT NOT NULL,
    subject TEXT NOT NULL,
    data TEXT NOT NULL,
    prev_hash TEXT NOT NULL,
    hash TEXT NOT NULL,
    PRIMARY KEY (event_id, seq)
  ) WITHOUT ROWID;
  -- Append-only by construction: the server never edits or deletes a record (the hash chain catches anyone else).
  CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
    BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
  CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
    BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
  `,
  `
  -- The reveal schedule: each part of a drawn round's reveal, when it is due and when it was sent.
  CREATE TABLE reveal_dues (
    round_id TEXT NOT NULL REFERENCES rounds(id),
    kind TEXT NOT NULL CHECK (kind IN ('stage', 'audience', 'winners')),
    event_id TEXT NOT NULL REFERENCES events(id),
    due_at INTEGER NOT NULL,
    sent_at INTEGER,
    PRIMARY KEY (round_id, kind)
  ) WITHOUT ROWID;
  CREATE INDEX reveal_dues_pending ON reveal_dues(due_at) WHERE sent_at IS NULL;
  `,
  `
  -- Imports being written in slices (importRun.ts): a run still listed here when the store opens was cut
  -- off (kill -9, power loss), and its rows are removed, so an import lands whole or not at all.
  CREATE TABLE import_runs (
    id TEXT PRIMARY KEY,
    event_id TEXT NOT NULL REFERENCES events(id),
    started_at INTEGER NOT NULL
  );
  `,
  // Issue #9: entries close before public entropy (the frozen list is kept from the close on, in
  // round_entries), and each draw records the event's audit head. Additive only.
  `
  ALTER TABLE rounds ADD COLUMN entries_closed_at INTEGER;
  ALTER TABLE rounds ADD COLUMN entry_count INTEGER;
  ALTER TABLE rounds ADD COLUMN audit_head_seq INTEGER;
  ALTER TABLE rounds ADD COLUMN audit_head_hash TEXT;
  -- Rounds drawn before: their entries froze at the draw.
  UPDATE rounds SET entries_closed_at = drawn_at,
    entry_count = (SELECT json_array_length(e.entries) FROM round_entries e WHERE e.round_id = rounds.id)
    WHERE status = 'drawn';
  `,
  // Issue #12: the stage's draw animation, chosen per round.
  `
  ALTER TABLE rounds ADD COLUMN draw_mode TEXT NOT NULL DEFAULT 'wheel' CHECK (draw_mode IN ('wheel', 'slots'));
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
