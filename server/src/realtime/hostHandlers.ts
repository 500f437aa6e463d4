// Host console commands over the socket; the same HostActions back the REST routes.
import {
  addPrizeCommandSchema,
  createEventSchema,
  createRoundCommandSchema,
  eventRefSchema,
  publicEntropyCommandSchema,
  roundRefSchema,
  updateEventCommandSchema,
} from '@drawcast/shared';
import { z } from 'zod';
import type { DrawcastService } from '../services/types';
import type { CommandContext } from './onCommand';
import { onCommand } from './onCommand';
import type { HostActions } from '../commands/hostCommands';
import type { DrawcastSocket } from './socketTypes';
import { toEventDto, toPrizeDto, toRoundDto } from '../commands/mappers/roundMapper';

/** What the host handlers need. */
export interface HostDeps extends CommandContext {
  service: DrawcastService;
  actions: HostActions;
}

const emptySchema = z.union([z.undefined(), z.strictObject({})]);

/** Why: the console drives a live event over its socket; every command here needs a host socket. */
export function registerHostHandlers(deps: HostDeps, socket: DrawcastSocket): void {
  const host = { hostOnly: true };
  const { actions, service } = deps;

  onCommand(
    deps,
    socket,
    'event:create',
    createEventSchema,
    async (d) => toEventDto(await actions.createEvent(d)),
    host,
  );
  onCommand(
    deps,
    socket,
    'event:list',
    emptySchema,
    async () => (await service.listEvents()).map(toEventDto),
    host,
  );
  onCommand(
    deps,
    socket,
    'event:update',
    updateEventCommandSchema,
    async ({ eventId, ...patch }) => toEventDto(await actions.updateEvent(eventId, patch)),
    host,
  );
  onCommand(
    deps,
    socket,
    'prize:add',
    addPrizeCommandSchema,
    async ({ eventId, ...prize }) => toPrizeDto(await actions.addPrize(eventId, prize)),
    host,
  );
  onCommand(
    deps,
    socket,
    'prize:list',
    eventRefSchema,
    async ({ eventId }) => (await service.listPrizes(eventId)).map(toPrizeDto),
    host,
  );
  onCommand(
    deps,
    socket,
    'round:create',
    createRoundCommandSchema,
    async ({ eventId, ...round }) => toRoundDto(await actions.createRound(eventId, round)),
    host,
  );
  onCommand(
    deps,
    socket,
    'round:entropy',
    publicEntropyCommandSchema,
    async ({ roundId, publicEntropy }) => toRoundDto(await actions.setPublicEntropy(roundId, publicEntropy)),
    host,
  );
  onCommand(
    deps,
    socket,
    'round:draw',
    roundRefSchema,
    async ({ roundId }) => toRoundDto(await actions.drawRound(roundId)),
    host,
  );
  onCommand(
    deps,
    socket,
    'round:cancel',
    roundRefSchema,
    async ({ roundId }) => toRoundDto(await actions.cancelRound(roundId)),
    host,
  );
  onCommand(
    deps,
    socket,
    'round:list',
    eventRefSchema,
    async ({ eventId }) => (await service.listRounds(eventId)).map(toRoundDto),
    host,
  );
}
