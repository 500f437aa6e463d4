// The phone side: joining an event once per device, and finding that entry again.
import { DrawcastError, ErrorCode } from '@drawcast/shared';
import { normalizeJoinCode } from '../domain/joinCode';
import { validateNickname } from '../domain/nickname';
import { maskPhone, normalizePhone } from '../domain/phone';
import type { DrawEvent, Participant } from '../domain/types';
import { newId, requireEvent, type ServiceContext } from './context';
import { keyedHash } from './hashing';
import { openRoundFor } from './roundOperations';
import type { JoinInput, JoinResult, ParticipantView } from './types';
import { toParticipantView } from './views';

/** Shortest and longest accepted device token: long enough to be unguessable, short enough to be cheap. */
export const DEVICE_TOKEN_LENGTH = { min: 8, max: 200 } as const;

/** Validates the device token and returns its keyed hash (the raw token is never stored). */
export function deviceTokenHash(ctx: ServiceContext, deviceToken: unknown): string {
  if (
    typeof deviceToken !== 'string' ||
    deviceToken.length < DEVICE_TOKEN_LENGTH.min ||
    deviceToken.length > DEVICE_TOKEN_LENGTH.max
  ) {
    throw new DrawcastError(
      ErrorCode.VALIDATION_FAILED,
      `deviceToken must be ${DEVICE_TOKEN_LENGTH.min} to ${DEVICE_TOKEN_LENGTH.max} characters`,
      'deviceToken',
    );
  }
  return keyedHash(ctx.secret, 'device', deviceToken);
}

/**
 * Joins an open event. Inputs are validated first; then the same device gets its existing entry back
 * (even after the event closed), a new device needs an open event and, if required, a phone.
 */
export async function join(ctx: ServiceContext, input: JoinInput): Promise<JoinResult> {
  if (typeof input !== 'object' || input === null) {
    throw new DrawcastError(ErrorCode.VALIDATION_FAILED, 'join must be an object', 'join');
  }
  const joinCode = normalizeJoinCode(input.joinCode);
  const nickname = validateNickname(input.nickname);
  const deviceHash = deviceTokenHash(ctx, input.deviceToken);
  const phone =
    input.phone === undefined || input.phone === null || input.phone === ''
      ? null
      : normalizePhone(input.phone);

  const event = await ctx.store.getEventByJoinCode(joinCode);
  if (!event) throw new DrawcastError(ErrorCode.EVENT_NOT_FOUND, 'no event with this join code', 'joinCode');
  const existing = await ctx.store.getParticipantByDevice(event.id, deviceHash);
  if (existing) return finish(ctx, event, existing, false);
  if (event.status !== 'open') {
    throw new DrawcastError(
      ErrorCode.EVENT_NOT_OPEN,
      `the event is ${event.status}, not open for joining`,
      'joinCode',
    );
  }
  if (event.settings.requirePhone && phone === null) {
    throw new DrawcastError(ErrorCode.PHONE_REQUIRED, 'this event requires a phone number', 'phone');
  }
  const participant: Participant = {
    id: newId(ctx, 'p'),
    eventId: event.id,
    nickname,
    deviceTokenHash: deviceHash,
    phoneHash: phone === null ? null : keyedHash(ctx.secret, 'phone', phone),
    phoneMasked: phone === null ? null : maskPhone(phone),
    weight: 1,
    hasWon: false,
    joinedAt: ctx.clock.now(),
  };
  const result = await ctx.store.insertParticipantIfAbsent(participant);
  if (result.status === 'phone_taken') {
    throw new DrawcastError(
      ErrorCode.CONFLICT,
      'this phone number has already joined from another device',
      'phone',
    );
  }
  return finish(ctx, event, result.participant, result.status === 'created');
}

async function finish(
  ctx: ServiceContext,
  event: DrawEvent,
  participant: Participant,
  created: boolean,
): Promise<JoinResult> {
  return {
    participant: toParticipantView(participant),
    created,
    event,
    openRound: await openRoundFor(ctx, participant),
  };
}

/** Finds this device's entry in an event without creating one (null if it never joined). */
export async function getParticipantByDevice(
  ctx: ServiceContext,
  eventId: unknown,
  deviceToken: unknown,
): Promise<ParticipantView | null> {
  const event = await requireEvent(ctx, eventId);
  const p = await ctx.store.getParticipantByDevice(event.id, deviceTokenHash(ctx, deviceToken));
  return p ? toParticipantView(p) : null;
}

/** Largest page of participants the host can ask for at once. */
export const MAX_PARTICIPANT_PAGE = 1_000;

/** A page of the event's participants for the host (masked phones only). */
export async function listParticipants(
  ctx: ServiceContext,
  eventId: unknown,
  page: { offset?: number; limit?: number } = {},
): Promise<ParticipantView[]> {
  const event = await requireEvent(ctx, eventId);
  const offset = page.offset ?? 0;
  const limit = page.limit ?? 100;
  if (!Number.isInteger(offset) || offset < 0) {
    throw new DrawcastError(ErrorCode.VALIDATION_FAILED, 'offset must be a non-negative integer', 'offset');
  }
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_PARTICIPANT_PAGE) {
    throw new DrawcastError(
      ErrorCode.VALIDATION_FAILED,
      `limit must be 1 to ${MAX_PARTICIPANT_PAGE}`,
      'limit',
    );
  }
  return (await ctx.store.listParticipants(event.id, { offset, limit })).map(toParticipantView);
}
