// Host socket commands of the join-spike alert; the same JoinSpikes back the REST routes.
import { eventRefSchema, spikeDisqualifyCommandSchema } from '@drawcast/shared';
import type { JoinSpikes } from '../commands/joinSpikes';
import type { CommandContext } from './onCommand';
import { onCommand } from './onCommand';
import type { DrawcastSocket } from './socketTypes';

/** Why: the console's banner reads, dismisses and acts over its socket; host sockets only. */
export function registerSpikeHandlers(ctx: CommandContext, spikes: JoinSpikes, socket: DrawcastSocket): void {
  const host = { hostOnly: true };
  onCommand(ctx, socket, 'spike:status', eventRefSchema, ({ eventId }) => spikes.status(eventId), host);
  onCommand(ctx, socket, 'spike:dismiss', eventRefSchema, ({ eventId }) => spikes.dismiss(eventId), host);
  onCommand(
    ctx,
    socket,
    'spike:disqualify',
    spikeDisqualifyCommandSchema,
    ({ eventId, ipKey, since }) => spikes.disqualifyFrom(eventId, ipKey, since),
    host,
  );
}
