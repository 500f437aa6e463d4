// The HTTP status each typed error code answers with (REST only; sockets carry the code in the ack).
import { ErrorCode } from '@drawcast/shared';

const STATUS_BY_CODE: Partial<Record<ErrorCode, number>> = {
  [ErrorCode.UNAUTHORIZED]: 401,
  [ErrorCode.FORBIDDEN]: 403,
  [ErrorCode.LOCKED_OUT]: 429,
  [ErrorCode.RATE_LIMITED]: 429,
  [ErrorCode.PAYLOAD_TOO_LARGE]: 413,
  [ErrorCode.FILE_TOO_LARGE]: 413,
  [ErrorCode.NOT_FOUND]: 404,
  [ErrorCode.EVENT_NOT_FOUND]: 404,
  [ErrorCode.PRIZE_NOT_FOUND]: 404,
  [ErrorCode.ROUND_NOT_FOUND]: 404,
  [ErrorCode.PARTICIPANT_NOT_FOUND]: 404,
  [ErrorCode.CHECKIN_NOT_FOUND]: 404,
  [ErrorCode.CLAIM_NOT_FOUND]: 404,
  [ErrorCode.EVENT_NOT_OPEN]: 409,
  [ErrorCode.PRIZE_EXHAUSTED]: 409,
  [ErrorCode.ROUND_ALREADY_DRAWN]: 409,
  [ErrorCode.ROUND_NOT_REVEALED]: 409,
  [ErrorCode.NOT_ENOUGH_ENTRIES]: 409,
  [ErrorCode.ENTRIES_NOT_CLOSED]: 409,
  [ErrorCode.CONFLICT]: 409,
  [ErrorCode.ALREADY_REDEEMED]: 409,
  [ErrorCode.ALREADY_REDRAWN]: 409,
  [ErrorCode.CLAIM_FORFEITED]: 409,
  [ErrorCode.DEADLINE_NOT_REACHED]: 409,
  [ErrorCode.NOT_FORFEITED]: 409,
  [ErrorCode.DUPLICATE_ROW]: 409,
  // The request was fine, the file or document in it is not.
  [ErrorCode.EMPTY_FILE]: 422,
  [ErrorCode.INVALID_FILE]: 422,
  [ErrorCode.INVALID_ENCODING]: 422,
  [ErrorCode.MISSING_COLUMN]: 422,
  [ErrorCode.TOO_MANY_ROWS]: 422,
  [ErrorCode.INVALID_BACKUP]: 422,
  [ErrorCode.PROTOCOL_MISMATCH]: 400,
  [ErrorCode.INTERNAL]: 500,
  [ErrorCode.STORE_UNAVAILABLE]: 503,
  [ErrorCode.NOT_SUPPORTED]: 501,
  [ErrorCode.PRIZE_QUANTITY_TOO_LOW]: 409,
};

/** REST needs a status per code; anything not listed is a client error (400). */
export function httpStatusOf(code: ErrorCode): number {
  return STATUS_BY_CODE[code] ?? 400;
}
