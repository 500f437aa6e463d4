// Stage screen: watch an event by id (public), get its current state, then live broadcasts.
import { eventRefSchema, rooms } from '@drawcast/shared';
import type { StageStateDto } from '@drawcast/shared';
import type { Clock, DrawcastService } from '../services/types';
import type { CommandContext } from './onCommand';
import { onCommand } from './onCommand';
import type { LiveHub } from './liveHub';
import type { DrawcastSocket } from './socketTypes';
import {
  isDrawn,
  toAggregateDto,
  toEventDto,
  toPrizeDto,
  toPublicRoundDrawnDto,
  toRoundDrawnDto,
  toRoundPublicDto,
} from '../commands/mappers/roundMapper';

/** What the stage handlers need. */
export interface StageDeps extends CommandContext {
  service: DrawcastService;
  hub: LiveHub;
  clock: Clock;
}

/** Trusted stages get results at once; others on the phones' schedule (a stream delay stays unspoiled). */
export function stageRoomFor(socket: DrawcastSocket, eventId: string): string {
  return socket.data.trusted ? rooms.stage(eventId) : rooms.stagePublic(eventId);
}

/** Why: the stage may (re)load at any moment and must rebuild its screen from one call. */
export async function buildStageState(
  deps: StageDeps,
  eventId: string,
  trusted: boolean,
): Promise<StageStateDto> {
  const event = await deps.service.getEvent(eventId);
  const [prizes, current, aggregate, rounds, participants] = await Promise.all([
    deps.service.listPrizes(eventId),
    deps.service.currentRound(eventId),
    deps.service.currentAggregate(eventId),
    deps.service.listRounds(eventId),
    deps.service.countParticipants(eventId),
  ]);
  return {
    event: toEventDto(event),
    prizes: prizes.map(toPrizeDto),
    round: current ? toRoundPublicDto(current) : null,
    aggregate: aggregate ? toAggregateDto(eventId, aggregate) : null,
    audienceCount: deps.hub.audienceCount(eventId),
    participants,
    drawn: rounds
      .filter(isDrawn)
      .filter((r) => trusted || deps.hub.isReleased(r))
      .map((r) => (trusted ? toRoundDrawnDto(r) : toPublicRoundDrawnDto(r))),
    serverNow: deps.clock.now(),
  };
}

/** Registers stage:watch; a socket with `{ role: 'stage', eventId }` in its handshake is in its room already. */
export function registerStageHandlers(deps: StageDeps, socket: DrawcastSocket): void {
  onCommand(deps, socket, 'stage:watch', eventRefSchema, async ({ eventId }) => {
    const state = await buildStageState(deps, eventId, socket.data.trusted);
    await socket.join(stageRoomFor(socket, eventId));
    socket.data.eventId = eventId;
    return state;
  });
}
