// Host socket commands of the join-spike alert; the same JoinSpikes back the REST routes.
import { eventRefSchema, spikeDisqualifyCommandSchema } from '@drawcast/shared';
import type { JoinSpikes } from '../commands/joinSpikes';
import type { CommandTable } from './onCommand';
import { onCommand } from './onCommand';

/** Why: the console's banner reads, dismisses and acts over its socket; host sockets only. */
export function registerSpikeHandlers(table: CommandTable, spikes: JoinSpikes): void {
  const host = { hostOnly: true };
  onCommand(table, 'spike:status', eventRefSchema, ({ eventId }) => spikes.status(eventId), host);
  onCommand(table, 'spike:dismiss', eventRefSchema, ({ eventId }) => spikes.dismiss(eventId), host);
  onCommand(
    table,
    'spike:disqualify',
    spikeDisqualifyCommandSchema,
    ({ eventId, ipKey, since }) => spikes.disqualifyFrom(eventId, ipKey, since),
    host,
  );
}
