// Claims in SQLite: lookups, and the three changes a pending claim can go through.
import type Database from 'better-sqlite3';
import type { AuditMeta } from '../../domain/audit/actor';
import type { ClaimRecord } from '../../domain/types';
import type { ClaimUpdateResult, Store } from '../store';
import type { SqliteParts } from './parts';
import { claimFromRow, type ClaimRow } from './rows';

/** The claim methods of the SQLite store. */
export type ClaimPart = Pick<
  Store,
  | 'getClaim'
  | 'getClaimByCode'
  | 'listClaims'
  | 'listClaimsOfParticipant'
  | 'redeemClaim'
  | 'forfeitClaim'
  | 'setClaimContact'
>;

/** Writes a claim row with every column as given (draws and restores share it). */
export function prepareClaimInsert(db: Database.Database): (claim: ClaimRecord) => void {
  const insert = db.prepare(
    `INSERT INTO claims (id, code, event_id, round_id, prize_id, place, participant_id, status, created_at,
       redeemed_at, redeemed_by, forfeited_at, forfeit_reason, redraw_round_id, contact_sealed, contact_masked,
       contact_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  return (c) => {
    insert.run(
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
    );
  };
}

/** Builds the claim methods. */
export function createClaimPart({ db, audit, rows }: SqliteParts): ClaimPart {
  const sql = {
    byId: db.prepare<[string], ClaimRow>('SELECT * FROM claims WHERE id = ?'),
    byCode: db.prepare<[string], ClaimRow>('SELECT * FROM claims WHERE code = ?'),
    byEvent: db.prepare<[string], ClaimRow>(
      `SELECT c.* FROM claims AS c JOIN rounds AS r ON r.id = c.round_id
       WHERE c.event_id = ? ORDER BY r.created_at, r.rowid, c.place`,
    ),
    byParticipant: db.prepare<[string], ClaimRow>(
      'SELECT * FROM claims WHERE participant_id = ? ORDER BY created_at, place',
    ),
    redeem: db.prepare(
      "UPDATE claims SET status = 'redeemed', redeemed_at = ?, redeemed_by = ? WHERE id = ? AND status = 'pending'",
    ),
    forfeit: db.prepare(
      "UPDATE claims SET status = 'forfeited', forfeited_at = ?, forfeit_reason = ? WHERE id = ? AND status = 'pending'",
    ),
    freePrizeUnit: db.prepare('UPDATE prizes SET awarded = awarded - 1 WHERE id = ? AND awarded > 0'),
    setContact: db.prepare(
      "UPDATE claims SET contact_sealed = ?, contact_masked = ?, contact_at = ? WHERE id = ? AND status = 'pending'",
    ),
  };

  /** Compare-and-set on a pending claim: `change` runs only if it still is pending, with the audit record. */
  const pendingTx = db.transaction(
    (
      claimId: string,
      meta: AuditMeta,
      action: string,
      change: (claim: ClaimRecord) => Record<string, string | number | null>,
    ): ClaimUpdateResult => {
      const row = sql.byId.get(claimId);
      if (!row) return { ok: false, reason: 'CLAIM_NOT_FOUND' };
      const claim = claimFromRow(row);
      if (claim.status !== 'pending') return { ok: false, reason: 'NOT_PENDING', claim };
      const data = change(claim);
      audit.append(claim.eventId, meta, action, `claim:${claimId}`, {
        claimId,
        roundId: claim.roundId,
        participantId: claim.participantId,
        ...data,
      });
      return { ok: true, claim: claimFromRow(sql.byId.get(claimId) as ClaimRow) };
    },
  );

  return {
    async getClaim(claimId) {
      const row = sql.byId.get(claimId);
      return row ? claimFromRow(row) : null;
    },
    async getClaimByCode(code) {
      const row = sql.byCode.get(code);
      return row ? claimFromRow(row) : null;
    },
    async listClaims(eventId) {
      return sql.byEvent.all(eventId).map(claimFromRow);
    },
    async listClaimsOfParticipant(participantId) {
      return sql.byParticipant.all(participantId).map(claimFromRow);
    },
    async redeemClaim(claimId, meta) {
      return pendingTx(claimId, meta, 'claim.redeem', () => {
        sql.redeem.run(meta.at, meta.actor.replace(/^staff:/, ''), claimId);
        return {};
      });
    },
    async forfeitClaim(claimId, reason, meta) {
      return pendingTx(claimId, meta, 'claim.forfeit', (claim) => {
        sql.forfeit.run(meta.at, reason, claimId);
        // The forfeited unit goes back to the prize, so a redraw (or another round) can award it.
        rows.invalidate();
        sql.freePrizeUnit.run(claim.prizeId);
        return { reason };
      });
    },
    async setClaimContact(claimId, contact, meta) {
      // The audit record says that a contact was given, never what it is.
      return pendingTx(claimId, meta, 'claim.contact', () => {
        sql.setContact.run(contact.sealed, JSON.stringify(contact.masked), contact.submittedAt, claimId);
        return {};
      });
    },
  };
}
