// The one wrapper every socket command goes through: ack required, host check, zod first, typed errors.
// Commands live in one table shared by every socket, answered by one shared onAny listener: a connected
// phone costs no closures of its own (~15 KB of heap per socket when each socket registered ~30).
import { ErrorCode, fail, ok, parsePayload } from '@drawcast/shared';
import type { Ack, AckCallback, ClientToServerEvents } from '@drawcast/shared';
import type { Logger } from 'pino';
import type { z } from 'zod';
import { toFailure } from '../commands/wireErrors';
import type { DrawcastMetrics } from '../commands/metrics';
import { COMMAND_NAMES, isKnownCommand } from './commandNames';
import type { DrawcastSocket } from './socketTypes';

/** The data type a command's ack carries, read off the shared event map. */
export type AckDataOf<E extends keyof ClientToServerEvents> =
  Parameters<ClientToServerEvents[E]>[1] extends AckCallback<infer T> ? T : never;

/** Shared by all handler modules. */
export interface CommandContext {
  logger: Logger;
  metrics: DrawcastMetrics;
}

interface CommandSpec {
  schema: z.ZodType;
  handler: (data: unknown, socket: DrawcastSocket) => Promise<unknown>;
  hostOnly: boolean;
}

/** Every command's schema and handler, built once per server; handlers get the socket as an argument. */
export type CommandTable = Map<string, CommandSpec>;

/** Why: the handler modules fill one table at start-up instead of adding listeners to every socket. */
export function onCommand<E extends keyof ClientToServerEvents, S extends z.ZodType>(
  table: CommandTable,
  event: E,
  schema: S,
  handler: (data: z.output<S>, socket: DrawcastSocket) => Promise<AckDataOf<E>>,
  options: { hostOnly?: boolean } = {},
): void {
  if (table.has(event)) throw new Error(`${event}: registered twice`);
  table.set(event, {
    schema,
    handler: handler as CommandSpec['handler'],
    hostOnly: options.hostOnly === true,
  });
}

async function answer(
  ctx: CommandContext,
  socket: DrawcastSocket,
  event: string,
  spec: CommandSpec,
  args: unknown[],
): Promise<Ack<unknown>> {
  if (spec.hostOnly && socket.data.role !== 'host') {
    return socket.data.role === 'staff'
      ? fail(ErrorCode.FORBIDDEN, `${event} is for the host; staff may only redeem and check in`)
      : fail(ErrorCode.UNAUTHORIZED, `${event} needs a host connection`);
  }
  if (args.length > 1) {
    return fail(ErrorCode.VALIDATION_FAILED, 'payload: expected one payload argument', 'payload');
  }
  const parsed = parsePayload(spec.schema, args[0]);
  if (!parsed.ok) return parsed;
  try {
    return ok(await spec.handler(parsed.data, socket));
  } catch (err) {
    return toFailure(err, ctx.logger, event);
  }
}

function reply(ctx: CommandContext, event: string, ack: (a: Ack<unknown>) => void, result: Ack<unknown>) {
  try {
    ack(result);
  } catch (err) {
    ctx.logger.warn({ err, event }, 'ack callback threw');
  }
}

/**
 * The one listener for every socket (`socket.onAny`, called with the socket as `this`). A call without an
 * ack callback is ignored (it could not be answered, and must change nothing); an unknown command with an
 * ack is answered UNKNOWN_COMMAND at once; the payload is validated before the handler runs; any throw
 * becomes a typed ack.
 */
export function commandDispatcher(
  ctx: CommandContext,
  table: CommandTable,
): (this: DrawcastSocket, event: string, ...args: unknown[]) => void {
  const missing = COMMAND_NAMES.filter((name) => !table.has(name));
  const extra = [...table.keys()].filter((name) => !isKnownCommand(name));
  if (missing.length > 0 || extra.length > 0) {
    throw new Error(`command table: missing ${missing.join(', ')}; not in COMMAND_NAMES ${extra.join(', ')}`);
  }
  return function dispatch(this: DrawcastSocket, event: string, ...args: unknown[]): void {
    const last = args[args.length - 1];
    const ack = typeof last === 'function' ? (last as (a: Ack<unknown>) => void) : undefined;
    const spec = typeof event === 'string' ? table.get(event) : undefined;
    if (!spec) {
      if (ack) reply(ctx, String(event), ack, fail(ErrorCode.UNKNOWN_COMMAND, `${event}: no such command`));
      return;
    }
    if (!ack) {
      ctx.logger.debug({ event, socket: this.id }, 'command without ack ignored');
      return;
    }
    const started = performance.now();
    void answer(ctx, this, event, spec, args.slice(0, -1)).then((result) => {
      ctx.metrics.observeAck(event, (performance.now() - started) / 1000);
      reply(ctx, event, ack, result);
    });
  };
}
