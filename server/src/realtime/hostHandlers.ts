// Host console commands over the socket; the same HostCommands back the REST routes.
import {
  addPrizeCommandSchema,
  updatePrizeCommandSchema,
  createEventSchema,
  createRoundCommandSchema,
  eventRefSchema,
  publicEntropyCommandSchema,
  roundRefSchema,
  updateEventCommandSchema,
} from '@drawcast/shared';
import { z } from 'zod';
import type { HostCommands } from '../commands/hostCommands';
import type { CommandContext } from './onCommand';
import { onCommand } from './onCommand';
import type { DrawcastSocket } from './socketTypes';

const emptySchema = z.union([z.undefined(), z.strictObject({})]);

/** Why: the console drives a live event over its socket; every command here needs a host socket. */
export function registerHostHandlers(
  ctx: CommandContext,
  actions: HostCommands,
  socket: DrawcastSocket,
): void {
  const host = { hostOnly: true };

  onCommand(ctx, socket, 'event:create', createEventSchema, (d) => actions.createEvent(d), host);
  onCommand(ctx, socket, 'event:list', emptySchema, () => actions.listEvents(), host);
  onCommand(
    ctx,
    socket,
    'event:update',
    updateEventCommandSchema,
    ({ eventId, ...patch }) => actions.updateEvent(eventId, patch),
    host,
  );
  onCommand(
    ctx,
    socket,
    'prize:add',
    addPrizeCommandSchema,
    ({ eventId, ...prize }) => actions.addPrize(eventId, prize),
    host,
  );
  onCommand(
    ctx,
    socket,
    'prize:update',
    updatePrizeCommandSchema,
    ({ eventId, prizeId, patch }) => actions.updatePrize(eventId, prizeId, patch),
    host,
  );
  onCommand(ctx, socket, 'prize:list', eventRefSchema, ({ eventId }) => actions.listPrizes(eventId), host);
  onCommand(
    ctx,
    socket,
    'round:create',
    createRoundCommandSchema,
    ({ eventId, ...round }) => actions.createRound(eventId, round),
    host,
  );
  onCommand(ctx, socket, 'round:close', roundRefSchema, ({ roundId }) => actions.closeEntries(roundId), host);
  onCommand(
    ctx,
    socket,
    'round:entropy',
    publicEntropyCommandSchema,
    ({ roundId, publicEntropy }) => actions.setPublicEntropy(roundId, publicEntropy),
    host,
  );
  onCommand(ctx, socket, 'round:draw', roundRefSchema, ({ roundId }) => actions.drawRound(roundId), host);
  onCommand(ctx, socket, 'round:cancel', roundRefSchema, ({ roundId }) => actions.cancelRound(roundId), host);
  onCommand(ctx, socket, 'round:list', eventRefSchema, ({ eventId }) => actions.listRounds(eventId), host);
}
