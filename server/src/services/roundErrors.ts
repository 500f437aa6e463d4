// The typed refusals round operations share (commit, close, entropy, draw, cancel).
import { DrawcastError, ErrorCode } from '@drawcast/shared';
import type { Round } from '../domain/types';

/** Why: entropy typed while entries are open would let whoever knows the seed grind the entry list. */
export function entriesNotClosedError(what: string): DrawcastError {
  return new DrawcastError(
    ErrorCode.ENTRIES_NOT_CLOSED,
    `close the round's entries first (round:close): ${what} only comes after the entry list is frozen`,
    'roundId',
  );
}

/** The error for a round that is no longer committed (drawn or cancelled). */
export function notCommittedError(round: Pick<Round, 'status'>): DrawcastError {
  return round.status === 'cancelled'
    ? new DrawcastError(ErrorCode.CONFLICT, 'the round was cancelled', 'roundId')
    : new DrawcastError(ErrorCode.ROUND_ALREADY_DRAWN, 'the round has already been drawn', 'roundId');
}
