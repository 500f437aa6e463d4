// stage:names: the stage pages through an event's nicknames in join order, for the names on the wheel
// and reels (a fair sample of them) and the new joiners flowing into the lobby. Nicknames are what the
// public stage shows anyway; phones, hashes and device tokens never leave the server.
import { DrawcastError, ErrorCode, stageNamesSchema } from '@drawcast/shared';
import type { DrawcastService } from '../services/types';
import type { CommandContext } from './command';
import { onCommand } from './command';
import type { DrawcastSocket } from './types';

/** Why: a stage without the host token has no REST access, yet must show names; audiences may not list them. */
export function registerStageNames(
  deps: CommandContext & { service: DrawcastService },
  socket: DrawcastSocket,
): void {
  onCommand(deps, socket, 'stage:names', stageNamesSchema, async ({ eventId, offset = 0, limit = 200 }) => {
    if (socket.data.role === 'audience') {
      throw new DrawcastError(ErrorCode.UNAUTHORIZED, 'stage:names needs a stage or host connection');
    }
    await deps.service.getEvent(eventId);
    const [total, rows] = await Promise.all([
      deps.service.countParticipants(eventId),
      deps.service.listParticipants(eventId, { offset, limit }),
    ]);
    return { total, offset, names: rows.map((p) => ({ id: p.id, nickname: p.nickname })) };
  });
}
