// The audit log for hosts: pages of an event's chain, and a check of the whole chain.
import { DrawcastError, ErrorCode } from '@drawcast/shared';
import { verifyChain, type AuditRecord, type ChainVerdict } from '../domain/audit/auditChain';
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

/** Walks the event's whole chain page by page; the verdict names the first broken link. */
export async function verifyAudit(ctx: ServiceContext, eventId: unknown): Promise<ChainVerdict> {
  const event = await requireEvent(ctx, eventId);
  const records: AuditRecord[] = [];
  for (;;) {
    const page = await ctx.store.listAudit(event.id, records.at(-1)?.seq ?? 0, MAX_AUDIT_PAGE);
    records.push(...page);
    if (page.length < MAX_AUDIT_PAGE) break;
  }
  return verifyChain(records);
}
