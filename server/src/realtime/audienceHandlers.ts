// Phone socket commands: clock ping, join, state sync (and the automatic sync on reconnect); the rooms
// are the socket's, everything else is ParticipantCommands'.
import {
  clockPingSchema,
  isDrawcastError,
  joinSchema,
  participantStateSchema,
  rooms,
} from '@drawcast/shared';
import type { ParticipantCommands } from '../commands/participantCommands';
import type { Clock } from '../services/types';
import type { LiveHub } from './liveHub';
import type { CommandContext, CommandTable } from './onCommand';
import { onCommand } from './onCommand';
import type { DrawcastSocket } from './socketTypes';

/** What the phone handlers need. */
export interface AudienceDeps extends CommandContext {
  participant: ParticipantCommands;
  hub: LiveHub;
  clock: Clock;
}

async function enterEventRooms(
  deps: AudienceDeps,
  socket: DrawcastSocket,
  eventId: string,
  participantId?: string | null,
) {
  const wasIn = socket.data.eventId === eventId;
  await socket.join(
    participantId ? [rooms.audience(eventId), rooms.participant(participantId)] : rooms.audience(eventId),
  );
  socket.data.eventId = eventId;
  if (participantId) socket.data.participantId = participantId;
  if (!wasIn) deps.hub.audienceChanged(eventId);
}

/**
 * Puts the socket in its rooms BEFORE reading the state, so a reveal released in between is either in
 * the state or arrives as a broadcast: never neither.
 */
async function syncParticipant(
  deps: AudienceDeps,
  socket: DrawcastSocket,
  eventId: string,
  deviceToken: string,
) {
  const me = await deps.participant.participantIdOf(eventId, deviceToken);
  await enterEventRooms(deps, socket, eventId, me);
  return deps.participant.state(eventId, deviceToken);
}

/** Why: the phone's whole socket protocol in one place. */
export function registerAudienceHandlers(deps: AudienceDeps, table: CommandTable): void {
  onCommand(table, 'clock:ping', clockPingSchema, async () => ({ serverTime: deps.clock.now() }));

  onCommand(table, 'event:join', joinSchema, async (data, socket) => {
    const ack = await deps.participant.join(data, socket.data.ip);
    await enterEventRooms(deps, socket, ack.eventId, ack.participantId);
    return ack;
  });

  onCommand(table, 'participant:state', participantStateSchema, async (data, socket) => {
    const eventId = await deps.participant.resolveEventId(data);
    return syncParticipant(deps, socket, eventId, data.deviceToken);
  });
}

/**
 * A phone reconnecting with `{ eventId | joinCode, deviceToken }` in its handshake gets its state pushed
 * at once; with only the event it just enters the audience room (to see odds before joining).
 */
export async function autoSyncOnConnect(
  deps: AudienceDeps,
  socket: DrawcastSocket,
  auth: { eventId?: string; joinCode?: string; deviceToken?: string },
): Promise<void> {
  if (!auth.eventId && !auth.joinCode) return;
  try {
    const eventId = await deps.participant.resolveEventId(auth);
    if (!auth.deviceToken) {
      await enterEventRooms(deps, socket, eventId);
      return;
    }
    const state = await syncParticipant(deps, socket, eventId, auth.deviceToken);
    socket.emit('participant:state', state);
  } catch (err) {
    if (isDrawcastError(err)) deps.logger.debug({ code: err.code }, 'handshake sync skipped');
    else deps.logger.warn({ err }, 'handshake sync failed');
  }
}
