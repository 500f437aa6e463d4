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
import type { CommandTable } from './onCommand';
import { onCommand } from './onCommand';

const emptySchema = z.union([z.undefined(), z.strictObject({})]);

/** Why: the console drives a live event over its socket; every command here needs a host socket. */
export function registerHostHandlers(table: CommandTable, actions: HostCommands): void {
  const host = { hostOnly: true };

  onCommand(table, 'event:create', createEventSchema, (d) => actions.createEvent(d), host);
  onCommand(table, 'event:list', emptySchema, () => actions.listEvents(), host);
  onCommand(
    table,
    'event:update',
    updateEventCommandSchema,
    ({ eventId, ...patch }) => actions.updateEvent(eventId, patch),
    host,
  );
  onCommand(
    table,
    'prize:add',
    addPrizeCommandSchema,
    ({ eventId, ...prize }) => actions.addPrize(eventId, prize),
    host,
  );
  onCommand(
    table,
    'prize:update',
    updatePrizeCommandSchema,
    ({ eventId, prizeId, patch }) => actions.updatePrize(eventId, prizeId, patch),
    host,
  );
  onCommand(table, 'prize:list', eventRefSchema, ({ eventId }) => actions.listPrizes(eventId), host);
  onCommand(
    table,
    'round:create',
    createRoundCommandSchema,
    ({ eventId, ...round }) => actions.createRound(eventId, round),
    host,
  );
  onCommand(table, 'round:close', roundRefSchema, ({ roundId }) => actions.closeEntries(roundId), host);
  onCommand(
    table,
    'round:entropy',
    publicEntropyCommandSchema,
    ({ roundId, publicEntropy }) => actions.setPublicEntropy(roundId, publicEntropy),
    host,
  );
  onCommand(table, 'round:draw', roundRefSchema, ({ roundId }) => actions.drawRound(roundId), host);
  onCommand(table, 'round:cancel', roundRefSchema, ({ roundId }) => actions.cancelRound(roundId), host);
  onCommand(table, 'round:list', eventRefSchema, ({ eventId }) => actions.listRounds(eventId), host);
}
