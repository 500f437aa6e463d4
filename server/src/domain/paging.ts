// Paging rules shared by every host list (participants, people): one place decides what a page may be.
import { DrawcastError, ErrorCode } from '@drawcast/shared';

/** Largest page the host can ask for at once, so one request never loads a whole crowd. */
export const MAX_PAGE = 1_000;

/** A validated page; a bad offset or limit is refused with the field named, before any read. */
export function checkPage(page: { offset?: number; limit?: number } = {}): { offset: number; limit: number } {
  const offset = page.offset ?? 0;
  const limit = page.limit ?? 100;
  if (!Number.isInteger(offset) || offset < 0) {
    throw new DrawcastError(ErrorCode.VALIDATION_FAILED, 'offset must be a non-negative integer', 'offset');
  }
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_PAGE) {
    throw new DrawcastError(ErrorCode.VALIDATION_FAILED, `limit must be 1 to ${MAX_PAGE}`, 'limit');
  }
  return { offset, limit };
}
