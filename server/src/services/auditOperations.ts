// The audit log for hosts: pages of an event's chain, and a check of the whole chain.
import { DrawcastError, ErrorCode, parseAuditHead } from '@drawcast/shared';
import { verifyChain, type AuditRecord, type ChainHead, type ChainVerdict } from '../domain/audit/auditChain';
import type { AuditPage } from './claimTypes';
import { requireEvent, type ServiceContext } from './context';

/** Largest page of audit records per request. */
export const MAX_AUDIT_PAGE = 1_000;

/** A page of the event's audit chain after `afterSeq`. */
export async function listAudit(
  ctx: ServiceContext,
  eventId: unknown,
  page: AuditPage = {},
): Promise<AuditRecord[]> {
  const event = await requireEvent(ctx, eventId);
  const afterSeq = page.afterSeq ?? 0;
  const limit = page.limit ?? 100;
  if (!Number.isSafeInteger(afterSeq) || afterSeq < 0) {
    throw new DrawcastError(
      ErrorCode.VALIDATION_FAILED,
      'afterSeq must be a non-negative integer',
      'afterSeq',
    );
  }
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_AUDIT_PAGE) {
    throw new DrawcastError(ErrorCode.VALIDATION_FAILED, `limit must be 1 to ${MAX_AUDIT_PAGE}`, 'limit');
  }
  return ctx.store.listAudit(event.id, afterSeq, limit);
}

/**
 * Walks the event's whole chain page by page; the verdict names the first broken link. With `head`
 * (`seq:hash` from a proof, a backup or a screenshot), the chain must still reach that record with that
 * hash, so records deleted from the end are reported (truncated) too.
 */
export async function verifyAudit(
  ctx: ServiceContext,
  eventId: unknown,
  head?: unknown,
): Promise<ChainVerdict> {
  const event = await requireEvent(ctx, eventId);
  const expectedHead = head === undefined ? undefined : parseAuditHead(head);
  if (expectedHead === null) {
    throw new DrawcastError(
      ErrorCode.VALIDATION_FAILED,
      'head must be <seq>:<hash> (the hash in full, or its first 8 or more hex digits)',
      'head',
    );
  }
  const records: AuditRecord[] = [];
  for (;;) {
    const page = await ctx.store.listAudit(event.id, records.at(-1)?.seq ?? 0, MAX_AUDIT_PAGE);
    records.push(...page);
    if (page.length < MAX_AUDIT_PAGE) break;
  }
  return verifyChain(records, expectedHead ? { expectedHead } : {});
}

/** The event's audit head now: what a stage shows (short) so anyone can later check the log against it. */
export async function auditHead(ctx: ServiceContext, eventId: unknown): Promise<ChainHead | null> {
  const event = await requireEvent(ctx, eventId);
  return ctx.store.auditHead(event.id);
}
