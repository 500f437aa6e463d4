// A batch of joins as a handful of set-based statements (not a dozen round trips per join): read what
// the batch needs, decide every join in memory in submission order, write the rows, counters and audit
// records in bulk. The caller holds the advisory locks of the batch's events, so nothing changes meanwhile.
import type { AuditMeta } from '../../domain/audit/actor';
import { nextStoredRecord, type ChainHead, type StoredAuditRecord } from '../../domain/audit/auditChain';
import type { BonusSettings } from '../../domain/bonus/bonusSettings';
import type { Participant } from '../../domain/types';
import { eventFromRow, participantFromRow, type EventRow, type ParticipantRow } from '../sqlite/rows';
import { weightOf } from '../sqlite/weights';
import type { InsertParticipantResult } from '../store';
import type { Queryable } from './db';
import { PARTICIPANT_COLUMNS, participantArrays, participantUnnest } from './writers';

/** One join as submitted. */
export interface JoinItem {
  participant: Participant;
  meta: AuditMeta;
}

const key = (eventId: string, value: string) => `${eventId}\u0000${value}`;

/** Net counter change of one (event, weight) class. */
interface CounterDelta {
  eventId: string;
  weight: number;
  entries: number;
  winners: number;
  checkedIn: number;
  checkedInWinners: number;
}

/** Applies the joins in order with the same outcomes as one-at-a-time (SQLite's joinNow), in ~8 statements. */
export async function applyJoinBatch(
  tx: Queryable,
  items: readonly JoinItem[],
): Promise<InsertParticipantResult[]> {
  const ps = items.map((i) => i.participant);
  const eventIds = [...new Set(ps.map((p) => p.eventId))];
  // One statement per kind of lookup (run one after the other on the batch's connection), skipped when
  // no item needs it; LATERAL makes each an index seek per item, whatever the planner guesses for unnest.
  const withPhone = ps.filter((p) => p.phoneHash !== null);
  const withShare = ps.filter((p) => p.shareCode !== null);
  const referred = ps.flatMap((p) => p.referredBy ?? []);
  const existing = await tx.query<ParticipantRow>(
    `SELECT p.* FROM unnest($1::text[], $2::text[]) AS u(e, d)
     CROSS JOIN LATERAL (SELECT * FROM participants WHERE event_id = u.e AND device_token_hash = u.d) AS p`,
    [ps.map((p) => p.eventId), ps.map((p) => p.deviceTokenHash)],
  );
  const phones =
    withPhone.length === 0
      ? []
      : (
          await tx.query<{ event_id: string; phone_hash: string }>(
            `SELECT p.event_id, p.phone_hash FROM unnest($1::text[], $2::text[]) AS u(e, h)
             CROSS JOIN LATERAL (SELECT event_id, phone_hash FROM participants WHERE event_id = u.e AND phone_hash = u.h) AS p`,
            [withPhone.map((p) => p.eventId), withPhone.map((p) => p.phoneHash)],
          )
        ).rows;
  const shares =
    withShare.length === 0
      ? []
      : (
          await tx.query<{ event_id: string; share_code: string }>(
            `SELECT p.event_id, p.share_code FROM unnest($1::text[], $2::text[]) AS u(e, s)
             CROSS JOIN LATERAL (SELECT event_id, share_code FROM participants WHERE event_id = u.e AND share_code = u.s) AS p`,
            [withShare.map((p) => p.eventId), withShare.map((p) => p.shareCode)],
          )
        ).rows;
  const referrers =
    referred.length === 0
      ? []
      : (await tx.query<ParticipantRow>('SELECT * FROM participants WHERE id = ANY($1::text[])', [referred]))
          .rows;
  // Each event with its audit chain's head: one primary-key seek per event, however long the chain.
  const events = await tx.query<EventRow & { head_seq: number | null; head_hash: string | null }>(
    `SELECT e.*, h.seq AS head_seq, h.hash AS head_hash FROM events AS e
     LEFT JOIN LATERAL (SELECT seq, hash FROM audit_log WHERE event_id = e.id ORDER BY seq DESC LIMIT 1) AS h ON true
     WHERE e.id = ANY($1::text[])`,
    [eventIds],
  );
  // Everything the batch knows, kept current as it goes (a later join sees the earlier ones).
  const rowsById = new Map<string, ParticipantRow>();
  const idByDevice = new Map<string, string>();
  for (const row of [...existing.rows, ...referrers]) {
    rowsById.set(row.id, row);
    idByDevice.set(key(row.event_id, row.device_token_hash), row.id);
  }
  const phoneTaken = new Set(phones.map((r) => key(r.event_id, r.phone_hash)));
  const shareTaken = new Set(shares.map((r) => key(r.event_id, r.share_code)));
  const bonusOf = new Map<string, BonusSettings>(
    events.rows.map((r) => [r.id, eventFromRow(r).settings.bonus]),
  );
  const headOf = new Map<string, ChainHead>(
    events.rows.flatMap((r) =>
      r.head_seq === null ? [] : [[r.id, { seq: r.head_seq, hash: r.head_hash as string }] as const],
    ),
  );

  const inserted = new Set<string>();
  const changedReferrers = new Set<string>();
  const counters = new Map<string, CounterDelta>();
  const records: { eventId: string; record: StoredAuditRecord }[] = [];
  const count = (
    eventId: string,
    row: Pick<ParticipantRow, 'weight' | 'has_won' | 'checked_in_at'>,
    sign: 1 | -1,
  ) => {
    const k = key(eventId, String(row.weight));
    const d = counters.get(k) ?? {
      eventId,
      weight: row.weight,
      entries: 0,
      winners: 0,
      checkedIn: 0,
      checkedInWinners: 0,
    };
    const won = row.has_won === 1;
    const checkedIn = row.checked_in_at !== null;
    d.entries += sign;
    if (won) d.winners += sign;
    if (checkedIn) d.checkedIn += sign;
    if (won && checkedIn) d.checkedInWinners += sign;
    counters.set(k, d);
  };
  const audit = (
    eventId: string,
    meta: AuditMeta,
    subject: string,
    data: Record<string, string | number | null>,
  ) => {
    const record = nextStoredRecord(headOf.get(eventId) ?? null, {
      at: meta.at,
      actor: meta.actor,
      action: 'participant.join',
      subject,
      data,
    });
    headOf.set(eventId, { seq: record.seq, hash: record.hash });
    records.push({ eventId, record });
  };

  const results: InsertParticipantResult[] = [];
  for (const { participant: p, meta } of items) {
    const known = idByDevice.get(key(p.eventId, p.deviceTokenHash));
    if (known !== undefined) {
      results.push({
        status: 'existing',
        participant: participantFromRow(rowsById.get(known) as ParticipantRow),
      });
      continue;
    }
    if (p.phoneHash !== null && phoneTaken.has(key(p.eventId, p.phoneHash))) {
      results.push({ status: 'phone_taken' });
      continue;
    }
    if (p.shareCode !== null && shareTaken.has(key(p.eventId, p.shareCode))) {
      results.push({ status: 'share_code_taken' });
      continue;
    }
    const bonus = bonusOf.get(p.eventId);
    if (bonus === undefined) throw new Error(`cannot join unknown event ${p.eventId}`);
    const referrer = p.referredBy === null ? undefined : rowsById.get(p.referredBy);
    const counted = referrer !== undefined && referrer.event_id === p.eventId && referrer.id !== p.id;
    const stored: Participant = {
      ...p,
      referredBy: counted ? referrer.id : null,
      weight: weightOf({ base_weight: p.baseWeight, referrals: p.referrals, joined_at: p.joinedAt }, bonus),
    };
    const row = rowOf(stored);
    rowsById.set(row.id, row);
    idByDevice.set(key(p.eventId, p.deviceTokenHash), row.id);
    if (p.phoneHash !== null) phoneTaken.add(key(p.eventId, p.phoneHash));
    if (p.shareCode !== null) shareTaken.add(key(p.eventId, p.shareCode));
    inserted.add(row.id);
    count(p.eventId, row, 1);
    let referrerWeight: number | null = null;
    if (counted) {
      const referrals = referrer.referrals + 1;
      referrerWeight = weightOf({ ...referrer, referrals }, bonus);
      // The referrer moves between weight classes in this same transaction, so odds stay exact.
      count(p.eventId, referrer, -1);
      const updated = { ...referrer, referrals, weight: referrerWeight };
      count(p.eventId, updated, 1);
      rowsById.set(referrer.id, updated);
      if (!inserted.has(referrer.id)) changedReferrers.add(referrer.id);
    }
    audit(p.eventId, meta, `participant:${p.id}`, {
      participantId: p.id,
      source: p.source,
      weight: stored.weight,
      referredBy: stored.referredBy,
      referrerWeight,
    });
    results.push({ status: 'created', participant: stored });
  }

  if (changedReferrers.size > 0) {
    const rows = [...changedReferrers].map((id) => rowsById.get(id) as ParticipantRow);
    await tx.query(
      `UPDATE participants AS p SET referrals = u.r, weight = u.w
       FROM unnest($1::text[], $2::int[], $3::int[]) AS u(id, r, w) WHERE p.id = u.id`,
      [rows.map((r) => r.id), rows.map((r) => r.referrals), rows.map((r) => r.weight)],
    );
  }
  if (inserted.size === 0) return results;
  // Rows (as they stand at the end of the batch: a participant referred within it has its friends
  // counted), counters and audit records in one statement: one round trip for the whole batch.
  const deltas = [...counters.values()];
  const col = <T>(f: (r: { eventId: string; record: StoredAuditRecord }) => T): T[] => records.map(f);
  await tx.query(
    `WITH joined AS (
       INSERT INTO participants (${PARTICIPANT_COLUMNS}) SELECT * FROM ${participantUnnest(1)}
     ), counted AS (
       INSERT INTO weight_counts (event_id, weight, entries, winners, checked_in, checked_in_winners)
       SELECT * FROM unnest($16::text[], $17::int[], $18::int[], $19::int[], $20::int[], $21::int[])
       ON CONFLICT (event_id, weight) DO UPDATE SET entries = weight_counts.entries + excluded.entries,
         winners = weight_counts.winners + excluded.winners,
         checked_in = weight_counts.checked_in + excluded.checked_in,
         checked_in_winners = weight_counts.checked_in_winners + excluded.checked_in_winners
     )
     INSERT INTO audit_log (event_id, seq, at, actor, action, subject, data, prev_hash, hash)
     SELECT * FROM unnest($22::text[], $23::bigint[], $24::bigint[], $25::text[], $26::text[], $27::text[],
       $28::text[], $29::text[], $30::text[])`,
    [
      ...participantArrays([...inserted].map((id) => participantFromRow(rowsById.get(id) as ParticipantRow))),
      deltas.map((d) => d.eventId),
      deltas.map((d) => d.weight),
      deltas.map((d) => d.entries),
      deltas.map((d) => d.winners),
      deltas.map((d) => d.checkedIn),
      deltas.map((d) => d.checkedInWinners),
      col((r) => r.eventId),
      col((r) => r.record.seq),
      col((r) => r.record.at),
      col((r) => r.record.actor),
      col((r) => r.record.action),
      col((r) => r.record.subject),
      col((r) => r.record.dataText),
      col((r) => r.record.prevHash),
      col((r) => r.record.hash),
    ],
  );
  return results;
}

/** The row a participant is stored as. */
function rowOf(p: Participant): ParticipantRow {
  return {
    id: p.id,
    event_id: p.eventId,
    nickname: p.nickname,
    device_token_hash: p.deviceTokenHash,
    phone_hash: p.phoneHash,
    phone_masked: p.phoneMasked,
    base_weight: p.baseWeight,
    weight: p.weight,
    has_won: p.hasWon ? 1 : 0,
    joined_at: p.joinedAt,
    source: p.source,
    share_code: p.shareCode,
    referred_by: p.referredBy,
    referrals: p.referrals,
    checked_in_at: p.checkedInAt,
  };
}
