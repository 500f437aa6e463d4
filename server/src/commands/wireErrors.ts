// One mapping from thrown errors to wire failures (the ack envelope), shared by REST and socket handlers.
import { ErrorCode, fail, isDrawcastError } from '@drawcast/shared';
import type { AckFailure } from '@drawcast/shared';
import type { Logger } from 'pino';

/** Typed errors pass through; anything else is logged and hidden behind INTERNAL, never leaked. */
export function toFailure(err: unknown, logger?: Logger, context?: string): AckFailure {
  if (isDrawcastError(err)) return fail(err.code, err.message, err.field);
  logger?.error({ err, context }, 'unexpected error');
  return fail(ErrorCode.INTERNAL, 'internal error');
}
