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
import type { CommandTable } from './onCommand';
import { onCommand } from './onCommand';

/** Why: the console and staff tablets work claims live; the same HostCommands back the REST routes. */
export function registerClaimHandlers(table: CommandTable, commands: Commands): void {
  const host = { hostOnly: true };
  const actions = commands.host;

  onCommand(table, 'claim:list', eventRefSchema, ({ eventId }) => actions.listClaims(eventId), host);
  onCommand(table, 'claim:redeem', redeemSchema, ({ code, staff }) => actions.redeem(code, staff), host);
  onCommand(
    table,
    'claim:forfeit',
    forfeitCommandSchema,
    ({ claim, reason }) => actions.forfeit(claim, reason),
    host,
  );
  onCommand(table, 'claim:sweep', sweepSchema, (data) => actions.sweepClaimDeadlines(data?.eventId), host);
  onCommand(table, 'claim:redraw', claimRefSchema, ({ claimId }) => actions.redraw(claimId), host);
  // The winner's phone: proves itself with its device token; no host connection needed.
  onCommand(table, 'claim:contact', shippingContactCommandSchema, (data) =>
    commands.participant.submitShippingContact(data),
  );
}
