// Issue #9 host socket command: close a round's entries (same HostActions as the REST route).
import { roundRefSchema } from '@drawcast/shared';
import { onCommand } from './command';
import type { HostDeps } from './host-handlers';
import type { DrawcastSocket } from './types';
import { toRoundDto } from './views';

/** Why: the console closes entries over its socket; the close is broadcast by HostActions. */
export function registerEntriesHandlers(deps: HostDeps, socket: DrawcastSocket): void {
  onCommand(
    deps,
    socket,
    'round:close',
    roundRefSchema,
    async ({ roundId }) => toRoundDto(await deps.actions.closeEntries(roundId)),
    { hostOnly: true },
  );
}
