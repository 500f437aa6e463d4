// Stage screen: watch an event by id (public), get its current state, then live broadcasts; page through
// its nicknames (stage:names) for the wheel, the reels and the lobby's new joiners.
import { DrawcastError, ErrorCode, eventRefSchema, rooms, stageNamesSchema } from '@drawcast/shared';
import type { StageCommands } from '../commands/stageCommands';
import type { CommandTable } from './onCommand';
import { onCommand } from './onCommand';
import type { DrawcastSocket } from './socketTypes';

/** Trusted stages get results at once; others on the phones' schedule (a stream delay stays unspoiled). */
export function stageRoomFor(socket: DrawcastSocket, eventId: string): string {
  return socket.data.trusted ? rooms.stage(eventId) : rooms.stagePublic(eventId);
}

/** Registers stage:watch and stage:names; a stage with an eventId in its handshake is in its room already. */
export function registerStageHandlers(table: CommandTable, stage: StageCommands): void {
  onCommand(table, 'stage:watch', eventRefSchema, async ({ eventId }, socket) => {
    const state = await stage.stageState(eventId, socket.data.trusted);
    await socket.join(stageRoomFor(socket, eventId));
    socket.data.eventId = eventId;
    return state;
  });
  // A stage without the host token has no REST access yet must show names; phones may not list them.
  onCommand(table, 'stage:names', stageNamesSchema, async ({ eventId, offset = 0, limit = 200 }, socket) => {
    if (socket.data.role === 'audience') {
      throw new DrawcastError(ErrorCode.UNAUTHORIZED, 'stage:names needs a stage or host connection');
    }
    return stage.stageNames(eventId, { offset, limit });
  });
}
