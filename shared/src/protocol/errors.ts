// Error codes and the ack envelope shared by every socket command and REST route.

/** One vocabulary of failure, so a phone, the stage and the host console can all react by code. */
export const ErrorCode = {
  VALIDATION_FAILED: 'VALIDATION_FAILED',
  PROTOCOL_MISMATCH: 'PROTOCOL_MISMATCH',
  UNAUTHORIZED: 'UNAUTHORIZED',
  /** A valid staff credential used for something only the host may do. */
  FORBIDDEN: 'FORBIDDEN',
  LOCKED_OUT: 'LOCKED_OUT',
  RATE_LIMITED: 'RATE_LIMITED',
  PAYLOAD_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  EVENT_NOT_FOUND: 'EVENT_NOT_FOUND',
  EVENT_NOT_OPEN: 'EVENT_NOT_OPEN',
  PRIZE_NOT_FOUND: 'PRIZE_NOT_FOUND',
  PRIZE_EXHAUSTED: 'PRIZE_EXHAUSTED',
  ROUND_NOT_FOUND: 'ROUND_NOT_FOUND',
  ROUND_ALREADY_DRAWN: 'ROUND_ALREADY_DRAWN',
  ROUND_NOT_REVEALED: 'ROUND_NOT_REVEALED',
  NOT_ENOUGH_ENTRIES: 'NOT_ENOUGH_ENTRIES',
  PARTICIPANT_NOT_FOUND: 'PARTICIPANT_NOT_FOUND',
  INVALID_NICKNAME: 'INVALID_NICKNAME',
  PHONE_REQUIRED: 'PHONE_REQUIRED',
  INVALID_PHONE: 'INVALID_PHONE',
  CONFLICT: 'CONFLICT',
  NOT_FOUND: 'NOT_FOUND',
  INTERNAL: 'INTERNAL',
  // issue #4: imports, check-in, claims, redraws, backups
  FILE_TOO_LARGE: 'FILE_TOO_LARGE',
  EMPTY_FILE: 'EMPTY_FILE',
  INVALID_FILE: 'INVALID_FILE',
  INVALID_ENCODING: 'INVALID_ENCODING',
  MISSING_COLUMN: 'MISSING_COLUMN',
  TOO_MANY_ROWS: 'TOO_MANY_ROWS',
  DUPLICATE_ROW: 'DUPLICATE_ROW',
  INVALID_CODE: 'INVALID_CODE',
  CHECKIN_NOT_FOUND: 'CHECKIN_NOT_FOUND',
  CLAIM_NOT_FOUND: 'CLAIM_NOT_FOUND',
  ALREADY_REDEEMED: 'ALREADY_REDEEMED',
  CLAIM_FORFEITED: 'CLAIM_FORFEITED',
  DEADLINE_NOT_REACHED: 'DEADLINE_NOT_REACHED',
  NOT_FORFEITED: 'NOT_FORFEITED',
  ALREADY_REDRAWN: 'ALREADY_REDRAWN',
  INVALID_BACKUP: 'INVALID_BACKUP',
  /** A socket event the server does not know (answered when it carries an ack). */
  UNKNOWN_COMMAND: 'UNKNOWN_COMMAND',
  // issue #9: entries close before public entropy
  ENTRIES_NOT_CLOSED: 'ENTRIES_NOT_CLOSED',
  /** Several nodes on PostgreSQL: the database is unreachable, nothing was stored (issue #13). */
  STORE_UNAVAILABLE: 'STORE_UNAVAILABLE',
  /** The configured store lacks this feature yet (the console's staff/support data on PostgreSQL). */
  NOT_SUPPORTED: 'NOT_SUPPORTED',
  /** A prize's quantity lowered below its units already awarded (plus those its open rounds hold). */
  PRIZE_QUANTITY_TOO_LOW: 'PRIZE_QUANTITY_TOO_LOW',
} as const;

/** The union of codes, so handlers cannot invent an unknown one. */
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

/** Thrown by domain and service code; transports turn it into a failed ack or an HTTP error. */
export class DrawcastError extends Error {
  readonly code: ErrorCode;
  readonly field: string | undefined;
  constructor(code: ErrorCode, message: string, field?: string) {
    super(message);
    this.name = 'DrawcastError';
    this.code = code;
    this.field = field;
  }
}

/** A failed ack; `field` names the offending input when there is one, so a form can highlight it. */
export type AckFailure = { ok: false; code: ErrorCode; message: string; field?: string };

/** Every ack has this shape, so clients handle success and failure in one place. */
export type Ack<T> = { ok: true; data: T } | AckFailure;

/** Builds a success ack without repeating the literal. */
export function ok<T>(data: T): Ack<T> {
  return { ok: true, data };
}

/** Builds a failure ack without repeating the literal. */
export function fail(code: ErrorCode, message: string, field?: string): AckFailure {
  return field === undefined ? { ok: false, code, message } : { ok: false, code, message, field };
}

/** Lets a transport recognise a typed failure without `instanceof` across module copies. */
export function isDrawcastError(err: unknown): err is DrawcastError {
  return (
    err instanceof DrawcastError ||
    (typeof err === 'object' &&
      err !== null &&
      (err as { name?: unknown }).name === 'DrawcastError' &&
      typeof (err as { code?: unknown }).code === 'string' &&
      Object.values(ErrorCode).includes((err as { code: ErrorCode }).code))
  );
}
