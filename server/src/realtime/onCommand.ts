// The one wrapper every socket command goes through: ack required, host check, zod first, typed errors.
import { ErrorCode, fail, ok, parsePayload } from '@drawcast/shared';
import type { Ack, AckCallback, ClientToServerEvents } from '@drawcast/shared';
import type { Logger } from 'pino';
import type { z } from 'zod';
import { toFailure } from '../commands/wireErrors';
import type { DrawcastMetrics } from '../commands/metrics';
import type { DrawcastSocket } from './socketTypes';

/** The data type a command's ack carries, read off the shared event map. */
export type AckDataOf<E extends keyof ClientToServerEvents> =
  Parameters<ClientToServerEvents[E]>[1] extends AckCallback<infer T> ? T : never;

/** Shared by all handler modules. */
export interface CommandContext {
  logger: Logger;
  metrics: DrawcastMetrics;
}

/**
 * Registers a command. A call without an ack callback is ignored (it could not be answered, and must
 * change nothing); the payload is validated before the handler runs; any throw becomes a typed ack.
 */
export function onCommand<E extends keyof ClientToServerEvents, S extends z.ZodType>(
  ctx: CommandContext,
  socket: DrawcastSocket,
  event: E,
  schema: S,
  handler: (data: z.output<S>) => Promise<AckDataOf<E>>,
  options: { hostOnly?: boolean } = {},
): void {
  const listener = async (...args: unknown[]) => {
    const ack = args.length > 0 && typeof args[args.length - 1] === 'function' ? args.pop() : undefined;
    if (!ack) {
      ctx.logger.debug({ event, socket: socket.id }, 'command without ack ignored');
      return;
    }
    const started = performance.now();
    let result: Ack<AckDataOf<E>>;
    if (options.hostOnly && socket.data.role !== 'host') {
      result = fail(ErrorCode.UNAUTHORIZED, `${event} needs a host connection`);
    } else if (args.length > 1) {
      result = fail(ErrorCode.VALIDATION_FAILED, 'payload: expected one payload argument', 'payload');
    } else {
      const parsed = parsePayload(schema, args[0]);
      if (!parsed.ok) {
        result = parsed;
      } else {
        try {
          result = ok(await handler(parsed.data));
        } catch (err) {
          result = toFailure(err, ctx.logger, event);
        }
      }
    }
    ctx.metrics.observeAck(event, (performance.now() - started) / 1000);
    try {
      (ack as (a: Ack<AckDataOf<E>>) => void)(result);
    } catch (err) {
      ctx.logger.warn({ err, event }, 'ack callback threw');
    }
  };
  (socket as unknown as { on(event: string, listener: (...args: unknown[]) => void): void }).on(
    event,
    listener,
  );
}
