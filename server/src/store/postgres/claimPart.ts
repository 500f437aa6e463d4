// Claims in PostgreSQL: lookups, and the three changes a pending claim can go through, each a
// compare-and-set on status = 'pending' in one transaction with its audit record.
import type { AuditMeta } from '../../domain/audit/actor';
import type { ClaimRecord } from '../../domain/types';
import { claimFromRow, type ClaimRow } from '../sqlite/rows';
import type { ClaimUpdateResult, Store } from '../store';
import { appendAudit } from './audit';
import { inTransaction, lockEvent, read, type Queryable } from './db';
import type { PgParts } from './parts';

/** The claim methods of the PostgreSQL store. */
export type PgClaimPart = Pick<
  Store,
  | 'getClaim'
  | 'getClaimByCode'
  | 'listClaims'
  | 'listClaimsOfParticipant'
  | 'redeemClaim'
  | 'forfeitClaim'
  | 'setClaimContact'
>;

/** Builds the claim methods. */
export function createPgClaimPart({ pool }: PgParts): PgClaimPart {
  const claims = (text: string, values: unknown[]) => read<ClaimRow>(pool, text, values);

  /** `change` runs only if the claim is still pending (row-locked), with the audit record, in one transaction. */
  async function pending(
    claimId: string,
    meta: AuditMeta,
    action: string,
    change: (tx: Queryable, claim: ClaimRecord) => Promise<Record<string, string | number | null>>,
  ): Promise<ClaimUpdateResult> {
    const [found] = await read<{ event_id: string }>(pool, 'SELECT event_id FROM claims WHERE id = $1', [
      claimId,
    ]);
    if (!found) return { ok: false, reason: 'CLAIM_NOT_FOUND' };
    return inTransaction(pool, async (tx): Promise<ClaimUpdateResult> => {
      await lockEvent(tx, found.event_id);
      const { rows } = await tx.query<ClaimRow>('SELECT * FROM claims WHERE id = $1 FOR UPDATE', [claimId]);
      if (!rows[0]) return { ok: false, reason: 'CLAIM_NOT_FOUND' };
      const claim = claimFromRow(rows[0]);
      if (claim.status !== 'pending') return { ok: false, reason: 'NOT_PENDING', claim };
      const data = await change(tx, claim);
      await appendAudit(tx, claim.eventId, meta, action, `claim:${claimId}`, {
        claimId,
        roundId: claim.roundId,
        participantId: claim.participantId,
        ...data,
      });
      const after = await tx.query<ClaimRow>('SELECT * FROM claims WHERE id = $1', [claimId]);
      return { ok: true, claim: claimFromRow(after.rows[0] as ClaimRow) };
    });
  }

  /** Runs a compare-and-set update that must change exactly one row (it always does under the row lock). */
  async function exactlyOne(tx: Queryable, text: string, values: unknown[]): Promise<void> {
    const { rowCount } = await tx.query(text, values);
    if (rowCount !== 1) throw new Error('claim changed under its row lock');
  }

  return {
    async getClaim(claimId) {
      const [row] = await claims('SELECT * FROM claims WHERE id = $1', [claimId]);
      return row ? claimFromRow(row) : null;
    },
    async getClaimByCode(code) {
      const [row] = await claims('SELECT * FROM claims WHERE code = $1', [code]);
      return row ? claimFromRow(row) : null;
    },
    async listClaims(eventId) {
      const rows = await claims(
        `SELECT c.* FROM claims AS c JOIN rounds AS r ON r.id = c.round_id
         WHERE c.event_id = $1 ORDER BY r.created_at, r.ord, c.place`,
        [eventId],
      );
      return rows.map(claimFromRow);
    },
    async listClaimsOfParticipant(participantId) {
      const rows = await claims('SELECT * FROM claims WHERE participant_id = $1 ORDER BY created_at, place', [
        participantId,
      ]);
      return rows.map(claimFromRow);
    },
    async redeemClaim(claimId, meta) {
      return pending(claimId, meta, 'claim.redeem', async (tx) => {
        await exactlyOne(
          tx,
          "UPDATE claims SET status = 'redeemed', redeemed_at = $1, redeemed_by = $2 WHERE id = $3 AND status = 'pending'",
          [meta.at, meta.actor.replace(/^staff:/, ''), claimId],
        );
        return {};
      });
    },
    async forfeitClaim(claimId, reason, meta) {
      return pending(claimId, meta, 'claim.forfeit', async (tx, claim) => {
        await exactlyOne(
          tx,
          "UPDATE claims SET status = 'forfeited', forfeited_at = $1, forfeit_reason = $2 WHERE id = $3 AND status = 'pending'",
          [meta.at, reason, claimId],
        );
        // The forfeited unit goes back to the prize, so a redraw (or another round) can award it.
        await tx.query('UPDATE prizes SET awarded = awarded - 1 WHERE id = $1 AND awarded > 0', [
          claim.prizeId,
        ]);
        return { reason };
      });
    },
    async setClaimContact(claimId, contact, meta) {
      // The audit record says that a contact was given, never what it is.
      return pending(claimId, meta, 'claim.contact', async (tx) => {
        await exactlyOne(
          tx,
          "UPDATE claims SET contact_sealed = $1, contact_masked = $2, contact_at = $3 WHERE id = $4 AND status = 'pending'",
          [contact.sealed, JSON.stringify(contact.masked), contact.submittedAt, claimId],
        );
        return {};
      });
    },
  };
}
