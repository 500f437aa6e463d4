// Phone commands: clock ping, join, state sync (and the automatic sync on reconnect).
import {
  clockPingSchema,
  isDrawcastError,
  joinSchema,
  participantStateSchema,
  rooms,
} from '@drawcast/shared';
import type { Clock, DrawcastService } from '../services/types';
import type { CommandContext } from './command';
import { onCommand } from './command';
import type { JoinLimits } from './join-limits';
import type { LiveHub } from './live-hub';
import { buildJoinAck, buildParticipantState } from './participant-sync';
import type { DrawcastSocket } from './types';

/** What the phone handlers need. */
export interface AudienceDeps extends CommandContext {
  service: DrawcastService;
  hub: LiveHub;
  clock: Clock;
  limits: JoinLimits;
}

async function enterEventRooms(
  deps: AudienceDeps,
  socket: DrawcastSocket,
  eventId: string,
  participantId?: string,
) {
  const wasIn = socket.data.eventId === eventId;
  await socket.join(
    participantId ? [rooms.audience(eventId), rooms.participant(participantId)] : rooms.audience(eventId),
  );
  socket.data.eventId = eventId;
  if (participantId) socket.data.participantId = participantId;
  if (!wasIn) deps.hub.audienceChanged(eventId);
}

async function resolveEventId(service: DrawcastService, ref: { eventId?: string; joinCode?: string }) {
  if (ref.eventId) return (await service.getEvent(ref.eventId)).id;
  return (await service.getEventByJoinCode(ref.joinCode!)).id;
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
  const me = await deps.service.getParticipantByDevice(eventId, deviceToken);
  await enterEventRooms(deps, socket, eventId, me?.id);
  return buildParticipantState(deps.service, deps.hub, eventId, deviceToken);
}

/** Why: the phone's whole protocol in one place. */
export function registerAudienceHandlers(deps: AudienceDeps, socket: DrawcastSocket): void {
  onCommand(deps, socket, 'clock:ping', clockPingSchema, async () => ({ serverTime: deps.clock.now() }));

  onCommand(deps, socket, 'event:join', joinSchema, async (data) => {
    try {
      await deps.limits.consume(socket.data.ip, data.deviceToken);
      const joined = await deps.service.join(data);
      deps.metrics.joins.inc({ result: joined.created ? 'created' : 'existing' });
      await enterEventRooms(deps, socket, joined.event.id, joined.participant.id);
      if (joined.created) deps.hub.oddsChanged(joined.event.id);
      if (joined.referrerId) {
        socket.to(rooms.participant(joined.referrerId)).emit('you:referred', { eventId: joined.event.id });
      }
      return buildJoinAck(joined);
    } catch (err) {
      deps.metrics.joins.inc({ result: 'failed' });
      throw err;
    }
  });

  onCommand(deps, socket, 'participant:state', participantStateSchema, async (data) => {
    const eventId = await resolveEventId(deps.service, data);
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
    const eventId = await resolveEventId(deps.service, auth);
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
