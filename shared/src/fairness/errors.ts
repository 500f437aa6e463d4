// Typed errors for bad draw input: every rejection names the field and carries a stable code.

/** Stable codes so the server can map a rejected draw input to a precise API error. */
export const DrawErrorCode = {
  DUPLICATE_ID: 'DUPLICATE_ID',
  INVALID_ID: 'INVALID_ID',
  INVALID_WEIGHT: 'INVALID_WEIGHT',
  INVALID_K: 'INVALID_K',
  INVALID_SEED: 'INVALID_SEED',
  INVALID_ROUND_ID: 'INVALID_ROUND_ID',
  INVALID_ENTROPY: 'INVALID_ENTROPY',
  INVALID_COUNTS: 'INVALID_COUNTS',
} as const;

/** The union of draw error codes, so callers can switch on them exhaustively. */
export type DrawErrorCode = (typeof DrawErrorCode)[keyof typeof DrawErrorCode];

/** Thrown instead of ever computing a draw or odds from input the spec does not define. */
export class DrawInputError extends Error {
  readonly code: DrawErrorCode;
  readonly field: string;
  constructor(code: DrawErrorCode, field: string, message: string) {
    super(message);
    this.name = 'DrawInputError';
    this.code = code;
    this.field = field;
  }
}
