// Stage screen: watch an event by id (public), get its current state, then live broadcasts.
import { eventRefSchema, rooms } from '@drawcast/shared';
import type { StageCommands } from '../commands/stageCommands';
import type { CommandContext } from './onCommand';
import { onCommand } from './onCommand';
import type { DrawcastSocket } from './socketTypes';

/** Trusted stages get results at once; others on the phones' schedule (a stream delay stays unspoiled). */
export function stageRoomFor(socket: DrawcastSocket, eventId: string): string {
  return socket.data.trusted ? rooms.stage(eventId) : rooms.stagePublic(eventId);
}

/** Registers stage:watch; a socket with `{ role: 'stage', eventId }` in its handshake is in its room already. */
export function registerStageHandlers(
  ctx: CommandContext,
  stage: StageCommands,
  socket: DrawcastSocket,
): void {
  onCommand(ctx, socket, 'stage:watch', eventRefSchema, async ({ eventId }) => {
    const state = await stage.stageState(eventId, socket.data.trusted);
    await socket.join(stageRoomFor(socket, eventId));
    socket.data.eventId = eventId;
    return state;
  });
}
