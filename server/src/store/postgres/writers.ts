// Row writers and reads shared by several parts (joins, imports, draws and restores write the same rows).
import type { BonusSettings } from '../../domain/bonus/bonusSettings';
import type { ClaimRecord, ImportedPerson, Participant, Round } from '../../domain/types';
import { eventFromRow, type EventRow } from '../sqlite/rows';
import { weightOf, type WeightFacts } from '../sqlite/weights';
import { rebuildCounted } from './counters';
import type { Queryable } from './db';

/** Columns of the participants table, in the order PARTICIPANT_UNNEST expects them. */
export const PARTICIPANT_COLUMNS =
  'id, event_id, nickname, device_token_hash, phone_hash, phone_masked, base_weight, weight, has_won, joined_at, source, share_code, referred_by, referrals, checked_in_at';

/** `unnest(...)` of participant column arrays starting at parameter $first (15 parameters). */
export function participantUnnest(first: number): string {
  const types = [
    'text',
    'text',
    'text',
    'text',
    'text',
    'text',
    'int',
    'int',
    'smallint',
    'bigint',
    'text',
    'text',
    'text',
    'int',
    'bigint',
  ];
  return `unnest(${types.map((t, i) => `$${first + i}::${t}[]`).join(', ')})`;
}

/** The 15 column arrays of a list of participants (unnest yields rows in array order: join order kept). */
export function participantArrays(list: readonly Participant[]): unknown[] {
  const col = <T>(f: (p: Participant) => T): T[] => list.map(f);
  return [
    col((p) => p.id),
    col((p) => p.eventId),
    col((p) => p.nickname),
    col((p) => p.deviceTokenHash),
    col((p) => p.phoneHash),
    col((p) => p.phoneMasked),
    col((p) => p.baseWeight),
    col((p) => p.weight),
    col((p) => (p.hasWon ? 1 : 0)),
    col((p) => p.joinedAt),
    col((p) => p.source),
    col((p) => p.shareCode),
    col((p) => p.referredBy),
    col((p) => p.referrals),
    col((p) => p.checkedInAt),
  ];
}

/** Writes many participant rows, a few thousand per statement (imports and restores stay quick). */
export async function insertParticipantRows(tx: Queryable, list: readonly Participant[]): Promise<void> {
  const CHUNK = 5_000;
  for (let i = 0; i < list.length; i += CHUNK) {
    await tx.query(
      `INSERT INTO participants (${PARTICIPANT_COLUMNS}) SELECT * FROM ${participantUnnest(1)}`,
      participantArrays(list.slice(i, i + CHUNK)),
    );
  }
}

/** Writes a round row with every column as given. */
export async function insertRoundRow(tx: Queryable, round: Round): Promise<void> {
  await tx.query(
    `INSERT INTO rounds (id, event_id, prize_id, k, exclude_previous_winners, checked_in_only, blocklist, server_seed,
       commitment, public_entropy, status, created_at, drawn_at, reveal_at, phone_reveal_at, entries_digest, winners,
       redraw_of, entries_closed_at, entry_count, audit_head_seq, audit_head_hash, draw_mode)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22,
       $23)`,
    [
      round.id,
      round.eventId,
      round.prizeId,
      round.k,
      round.excludePreviousWinners ? 1 : 0,
      round.checkedInOnly ? 1 : 0,
      JSON.stringify(round.blocklist),
      round.serverSeed,
      round.commitment,
      round.publicEntropy,
      round.status,
      round.createdAt,
      round.drawnAt,
      round.revealAt,
      round.phoneRevealAt,
      round.entriesDigest,
      round.winners === null ? null : JSON.stringify(round.winners),
      round.redrawOf === null ? null : JSON.stringify(round.redrawOf),
      round.entriesClosedAt,
      round.entryCount,
      round.auditHead?.seq ?? null,
      round.auditHead?.hash ?? null,
      round.drawMode ?? 'wheel',
    ],
  );
}

/** Writes a claim row with every column as given. */
export async function insertClaimRow(tx: Queryable, c: ClaimRecord): Promise<void> {
  await tx.query(
    `INSERT INTO claims (id, code, event_id, round_id, prize_id, place, participant_id, status, created_at,
       redeemed_at, redeemed_by, forfeited_at, forfeit_reason, redraw_round_id, contact_sealed, contact_masked,
       contact_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17)`,
    [
      c.id,
      c.code,
      c.eventId,
      c.roundId,
      c.prizeId,
      c.place,
      c.participantId,
      c.status,
      c.createdAt,
      c.redeemedAt,
      c.redeemedBy,
      c.forfeitedAt,
      c.forfeitReason,
      c.redrawRoundId,
      c.contact?.sealed ?? null,
      c.contact ? JSON.stringify(c.contact.masked) : null,
      c.contact?.submittedAt ?? null,
    ],
  );
}

/** Writes a person row with every column as given. */
export async function insertPersonRow(tx: Queryable, p: ImportedPerson): Promise<void> {
  await tx.query(
    `INSERT INTO people (participant_id, event_id, import_id, row, name, checkin_token, checked_in_by, masked,
       employee_id_hash, receipt_hash, phone_hash, email_hash, code_hash)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)`,
    [
      p.participantId,
      p.eventId,
      p.importId,
      p.row,
      p.name,
      p.checkinToken,
      p.checkedInBy,
      JSON.stringify(p.masked),
      p.hashes.employeeId ?? null,
      p.hashes.receipt ?? null,
      p.hashes.phone ?? null,
      p.hashes.email ?? null,
      p.hashes.code ?? null,
    ],
  );
}

/** The event's bonus rule as of this transaction, or null for an unknown event. */
export async function bonusOf(tx: Queryable, eventId: string): Promise<BonusSettings | null> {
  const { rows } = await tx.query<EventRow>('SELECT * FROM events WHERE id = $1', [eventId]);
  return rows[0] ? eventFromRow(rows[0]).settings.bonus : null;
}

/** Recomputes every weight of the event and rebuilds its counters; returns how many weights changed. */
export async function reweighEvent(tx: Queryable, eventId: string, bonus: BonusSettings): Promise<number> {
  const { rows } = await tx.query<WeightFacts & { id: string; weight: number }>(
    'SELECT id, base_weight, referrals, joined_at, weight FROM participants WHERE event_id = $1',
    [eventId],
  );
  const ids: string[] = [];
  const weights: number[] = [];
  for (const row of rows) {
    const weight = weightOf(row, bonus);
    if (weight === row.weight) continue;
    ids.push(row.id);
    weights.push(weight);
  }
  if (ids.length > 0) {
    await tx.query(
      `UPDATE participants AS p SET weight = u.weight
       FROM unnest($1::text[], $2::int[]) AS u(id, weight) WHERE p.id = u.id`,
      [ids, weights],
    );
    await rebuildCounted(tx, eventId);
  }
  return ids.length;
}
