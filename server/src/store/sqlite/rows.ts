// Row ↔ entity mapping for the SQLite store; column names are snake_case, entities camelCase.
import type { AuditRecord } from '../../domain/audit/auditChain';
import type { JsonValue } from '../../domain/audit/canonicalJson';
import type { ForfeitReason } from '../../domain/claims/claim';
import type { MaskedShippingContact } from '../../domain/claims/shippingContact';
import { DEFAULT_EVENT_SETTINGS } from '../../domain/eventRules';
import type {
  ClaimRecord,
  DrawEvent,
  EventSettings,
  ImportedPerson,
  Participant,
  PersonIdentifier,
  Prize,
  DrawMode,
  RedrawLink,
  Round,
} from '../../domain/types';

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
  base_weight: number;
  weight: number;
  has_won: number;
  joined_at: number;
  source: Participant['source'];
  share_code: string | null;
  referred_by: string | null;
  referrals: number;
  checked_in_at: number | null;
}

/** A row of `rounds`. */
export interface RoundRow {
  id: string;
  event_id: string;
  prize_id: string;
  k: number;
  exclude_previous_winners: number;
  checked_in_only: number;
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
  redraw_of: string | null;
  draw_mode?: DrawMode;
  entries_closed_at: number | null;
  entry_count: number | null;
  audit_head_seq: number | null;
  audit_head_hash: string | null;
}

/** A row of `claims`. */
export interface ClaimRow {
  id: string;
  code: string;
  event_id: string;
  round_id: string;
  prize_id: string;
  place: number;
  participant_id: string;
  status: ClaimRecord['status'];
  created_at: number;
  redeemed_at: number | null;
  redeemed_by: string | null;
  forfeited_at: number | null;
  forfeit_reason: ForfeitReason | null;
  redraw_round_id: string | null;
  contact_sealed: string | null;
  contact_masked: string | null;
  contact_at: number | null;
}

/** A row of `people`. */
export interface PersonRow {
  participant_id: string;
  event_id: string;
  import_id: string;
  row: number;
  name: string;
  checkin_token: string;
  checked_in_by: string | null;
  masked: string;
  employee_id_hash: string | null;
  receipt_hash: string | null;
  phone_hash: string | null;
  email_hash: string | null;
  code_hash: string | null;
}

/** A row of `audit_log`. */
export interface AuditRow {
  event_id: string;
  seq: number;
  at: number;
  actor: string;
  action: string;
  subject: string;
  data: string;
  prev_hash: string;
  hash: string;
}

/** Identifier kind → its hash column in `people`. */
export const PERSON_HASH_COLUMNS: Record<PersonIdentifier, keyof PersonRow> = {
  employeeId: 'employee_id_hash',
  receipt: 'receipt_hash',
  phone: 'phone_hash',
  email: 'email_hash',
  code: 'code_hash',
};

/** Parsed settings by their stored text: every join reads its event, and the text rarely changes. */
const settingsByText = new Map<string, EventSettings>();
const SETTINGS_CACHE_SIZE = 256;

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
}

/** Settings of a row, parsed once per distinct text; defaults fill what rows from before issue #4 lack. */
function settingsFromText(text: string): EventSettings {
  let settings = settingsByText.get(text);
  if (settings === undefined) {
    settings = deepFreeze({ ...DEFAULT_EVENT_SETTINGS, ...(JSON.parse(text) as Partial<EventSettings>) });
    if (settingsByText.size >= SETTINGS_CACHE_SIZE) settingsByText.clear();
    settingsByText.set(text, settings);
  }
  // A fresh top-level object per event read; the nested bonus rule is shared and frozen.
  return { ...settings };
}

/** Reads an event row. */
export function eventFromRow(row: EventRow): DrawEvent {
  return {
    id: row.id,
    title: row.title,
    joinCode: row.join_code,
    status: row.status,
    settings: settingsFromText(row.settings),
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
    baseWeight: row.base_weight,
    weight: row.weight,
    hasWon: row.has_won === 1,
    joinedAt: row.joined_at,
    source: row.source,
    shareCode: row.share_code,
    referredBy: row.referred_by,
    referrals: row.referrals,
    checkedInAt: row.checked_in_at,
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
    checkedInOnly: row.checked_in_only === 1,
    blocklist: JSON.parse(row.blocklist) as string[],
    serverSeed: row.server_seed,
    commitment: row.commitment,
    publicEntropy: row.public_entropy,
    status: row.status,
    createdAt: row.created_at,
    drawnAt: row.drawn_at,
    revealAt: row.reveal_at,
    phoneRevealAt: row.phone_reveal_at,
    entriesClosedAt: row.entries_closed_at,
    entryCount: row.entry_count,
    entriesDigest: row.entries_digest,
    winners: row.winners === null ? null : (JSON.parse(row.winners) as string[]),
    redrawOf: row.redraw_of === null ? null : (JSON.parse(row.redraw_of) as RedrawLink),
    // 'wheel' is the default and reads back as absent, like rounds stored before the column existed.
    ...(row.draw_mode && row.draw_mode !== 'wheel' ? { drawMode: row.draw_mode } : {}),
    auditHead:
      row.audit_head_seq === null || row.audit_head_hash === null
        ? null
        : { seq: row.audit_head_seq, hash: row.audit_head_hash },
  };
}

/** Reads a claim row. */
export function claimFromRow(row: ClaimRow): ClaimRecord {
  return {
    id: row.id,
    code: row.code,
    eventId: row.event_id,
    roundId: row.round_id,
    prizeId: row.prize_id,
    place: row.place,
    participantId: row.participant_id,
    status: row.status,
    createdAt: row.created_at,
    redeemedAt: row.redeemed_at,
    redeemedBy: row.redeemed_by,
    forfeitedAt: row.forfeited_at,
    forfeitReason: row.forfeit_reason,
    redrawRoundId: row.redraw_round_id,
    contact:
      row.contact_sealed === null || row.contact_masked === null || row.contact_at === null
        ? null
        : {
            sealed: row.contact_sealed,
            masked: JSON.parse(row.contact_masked) as MaskedShippingContact,
            submittedAt: row.contact_at,
          },
  };
}

/** Reads a person row. */
export function personFromRow(row: PersonRow): ImportedPerson {
  const hashes: ImportedPerson['hashes'] = {};
  for (const [field, column] of Object.entries(PERSON_HASH_COLUMNS) as [
    PersonIdentifier,
    keyof PersonRow,
  ][]) {
    const value = row[column];
    if (typeof value === 'string') hashes[field] = value;
  }
  return {
    participantId: row.participant_id,
    eventId: row.event_id,
    importId: row.import_id,
    row: row.row,
    name: row.name,
    checkinToken: row.checkin_token,
    checkedInBy: row.checked_in_by,
    masked: JSON.parse(row.masked) as ImportedPerson['masked'],
    hashes,
  };
}

/** Reads an audit row (data is stored as its canonical JSON text). */
export function auditFromRow(row: AuditRow): AuditRecord {
  return {
    seq: row.seq,
    at: row.at,
    actor: row.actor,
    action: row.action,
    subject: row.subject,
    data: JSON.parse(row.data) as JsonValue,
    prevHash: row.prev_hash,
    hash: row.hash,
  };
}
