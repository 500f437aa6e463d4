// Claim commands over the socket: staff/host (list, redeem, forfeit, sweep, redraw) and the winner's contact.
import {
  claimRefSchema,
  eventRefSchema,
  forfeitCommandSchema,
  redeemSchema,
  shippingContactCommandSchema,
  sweepSchema,
} from '@drawcast/shared';
import type { Commands } from '../commands';
import type { CommandContext } from './onCommand';
import { onCommand } from './onCommand';
import type { DrawcastSocket } from './socketTypes';

/** Why: the console and staff tablets work claims live; the same HostCommands back the REST routes. */
export function registerClaimHandlers(ctx: CommandContext, commands: Commands, socket: DrawcastSocket): void {
  const host = { hostOnly: true };
  const actions = commands.host;

  onCommand(ctx, socket, 'claim:list', eventRefSchema, ({ eventId }) => actions.listClaims(eventId), host);
  onCommand(
    ctx,
    socket,
    'claim:redeem',
    redeemSchema,
    ({ code, staff }) => actions.redeem(code, staff),
    host,
  );
  onCommand(
    ctx,
    socket,
    'claim:forfeit',
    forfeitCommandSchema,
    ({ claim, reason }) => actions.forfeit(claim, reason),
    host,
  );
  onCommand(
    ctx,
    socket,
    'claim:sweep',
    sweepSchema,
    (data) => actions.sweepClaimDeadlines(data?.eventId),
    host,
  );
  onCommand(ctx, socket, 'claim:redraw', claimRefSchema, ({ claimId }) => actions.redraw(claimId), host);
  // The winner's phone: proves itself with its device token; no host connection needed.
  onCommand(ctx, socket, 'claim:contact', shippingContactCommandSchema, (data) =>
    commands.participant.submitShippingContact(data),
  );
}
