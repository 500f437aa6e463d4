// Row ↔ entity mapping for the SQLite store; column names are snake_case, entities camelCase.
import type { DrawEvent, EventSettings, Participant, Prize, Round } from '../../domain/types';

/** A row of `events`. */
export interface EventRow {
  id: string;
  title: string;
  join_code: string;
  status: DrawEvent['status'];
  settings: string;
  created_at: number;
}

/** A row of `prizes`. */
export interface PrizeRow {
  id: string;
  event_id: string;
  name: string;
  description: string;
  image_url: string | null;
  quantity: number;
  awarded: number;
  created_at: number;
}

/** A row of `participants`. */
export interface ParticipantRow {
  id: string;
  event_id: string;
  nickname: string;
  device_token_hash: string;
  phone_hash: string | null;
  phone_masked: string | null;
  weight: number;
  has_won: number;
  joined_at: number;
}

/** A row of `rounds`. */
export interface RoundRow {
  id: string;
  event_id: string;
  prize_id: string;
  k: number;
  exclude_previous_winners: number;
  blocklist: string;
  server_seed: string;
  commitment: string;
  public_entropy: string;
  status: Round['status'];
  created_at: number;
  drawn_at: number | null;
  reveal_at: number | null;
  phone_reveal_at: number | null;
  entries_digest: string | null;
  winners: string | null;
}

/** Reads an event row. */
export function eventFromRow(row: EventRow): DrawEvent {
  return {
    id: row.id,
    title: row.title,
    joinCode: row.join_code,
    status: row.status,
    settings: JSON.parse(row.settings) as EventSettings,
    createdAt: row.created_at,
  };
}

/** Reads a prize row. */
export function prizeFromRow(row: PrizeRow): Prize {
  return {
    id: row.id,
    eventId: row.event_id,
    name: row.name,
    description: row.description,
    imageUrl: row.image_url,
    quantity: row.quantity,
    awarded: row.awarded,
    createdAt: row.created_at,
  };
}

/** Reads a participant row. */
export function participantFromRow(row: ParticipantRow): Participant {
  return {
    id: row.id,
    eventId: row.event_id,
    nickname: row.nickname,
    deviceTokenHash: row.device_token_hash,
    phoneHash: row.phone_hash,
    phoneMasked: row.phone_masked,
    weight: row.weight,
    hasWon: row.has_won === 1,
    joinedAt: row.joined_at,
  };
}

/** Reads a round row. */
export function roundFromRow(row: RoundRow): Round {
  return {
    id: row.id,
    eventId: row.event_id,
    prizeId: row.prize_id,
    k: row.k,
    excludePreviousWinners: row.exclude_previous_winners === 1,
    blocklist: JSON.parse(row.blocklist) as string[],
    serverSeed: row.server_seed,
    commitment: row.commitment,
    publicEntropy: row.public_entropy,
    status: row.status,
    createdAt: row.created_at,
    drawnAt: row.drawn_at,
    revealAt: row.reveal_at,
    phoneRevealAt: row.phone_reveal_at,
    entriesDigest: row.entries_digest,
    winners: row.winners === null ? null : (JSON.parse(row.winners) as string[]),
  };
}
