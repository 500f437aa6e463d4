// Claim commands over the socket: staff/host (list, redeem, forfeit, sweep, redraw) and the winner's contact.
import {
  claimRefSchema,
  eventRefSchema,
  forfeitCommandSchema,
  redeemSchema,
  shippingContactCommandSchema,
  sweepSchema,
} from '@drawcast/shared';
import type { DrawcastService } from '../services/types';
import { toClaimDto, toWinnerClaimDto } from '../commands/mappers/claimMapper';
import type { CommandContext } from './onCommand';
import { onCommand } from './onCommand';
import type { HostActions } from '../commands/hostCommands';
import type { DrawcastSocket } from './socketTypes';
import { toRoundDto } from '../commands/mappers/roundMapper';

/** What the claim handlers need. */
export interface ClaimHandlerDeps extends CommandContext {
  service: DrawcastService;
  actions: HostActions;
}

/** Why: the console and staff tablets work claims live; the same HostActions back the REST routes. */
export function registerClaimHandlers(deps: ClaimHandlerDeps, socket: DrawcastSocket): void {
  const host = { hostOnly: true };
  const { actions, service } = deps;

  onCommand(
    deps,
    socket,
    'claim:list',
    eventRefSchema,
    async ({ eventId }) => (await service.listClaims(eventId)).map(toClaimDto),
    host,
  );
  onCommand(
    deps,
    socket,
    'claim:redeem',
    redeemSchema,
    async ({ code, staff }) => toClaimDto(await actions.redeem(code, staff)),
    host,
  );
  onCommand(
    deps,
    socket,
    'claim:forfeit',
    forfeitCommandSchema,
    async ({ claim, reason }) => toClaimDto((await actions.forfeit(claim, reason)).claim),
    host,
  );
  onCommand(
    deps,
    socket,
    'claim:sweep',
    sweepSchema,
    async (data) => (await actions.sweepClaimDeadlines(data?.eventId)).map((r) => toClaimDto(r.claim)),
    host,
  );
  onCommand(
    deps,
    socket,
    'claim:redraw',
    claimRefSchema,
    async ({ claimId }) => toRoundDto(await actions.redraw(claimId)),
    host,
  );
  // The winner's phone: proves itself with its device token; no host connection needed.
  onCommand(deps, socket, 'claim:contact', shippingContactCommandSchema, async (data) =>
    toWinnerClaimDto(await service.submitShippingContact(data)),
  );
}
