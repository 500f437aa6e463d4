// Privacy over the socket: the phone's "delete my data" and the host console's "delete this person".
import { eraseParticipantSchema, forgetMeSchema, rooms } from '@drawcast/shared';
import type { PrivacyCommands } from '../commands/privacyCommands';
import type { CommandTable } from './onCommand';
import { onCommand } from './onCommand';

/** Why: deleting one's data must be as easy as joining, from the same socket. */
export function registerPrivacyHandlers(table: CommandTable, privacy: PrivacyCommands): void {
  onCommand(table, 'privacy:forgetMe', forgetMeSchema, async (data, socket) => {
    const erased = await privacy.forgetMe(data);
    // This socket no longer stands for an entry: it stays an anonymous watcher of the event.
    if (socket.data.participantId === erased.participantId) {
      await socket.leave(rooms.participant(erased.participantId));
      delete socket.data.participantId;
    }
    return erased;
  });
  onCommand(
    table,
    'privacy:erase',
    eraseParticipantSchema,
    ({ eventId, participantId }) => privacy.erase(eventId, participantId),
    { hostOnly: true },
  );
}
