// The phone side: joining an event once per device, and finding that entry again.
import { checkPage } from '../domain/paging';
import { DrawcastError, ErrorCode } from '@drawcast/shared';
import { participantActor } from '../domain/audit/actor';
import { evaluateReferral, newShareCode, parseShareCode } from '../domain/bonus/referral';
import { MAX_WEIGHT } from '../domain/bonus/bonusSettings';
import { looksLikeId } from '../domain/ids';
import { normalizeJoinCode } from '../domain/joinCode';
import { validateNickname } from '../domain/nickname';
import { maskPhone, normalizePhone } from '../domain/phone';
import { checkInteger } from '../domain/textRules';
import type { DrawEvent, Participant } from '../domain/types';
import { auditMeta, newId, randomBytesOf, requireEvent, type ServiceContext } from './context';
import { keyedHash } from './hashing';
import { openRoundFor } from './roundQueries';
import type { JoinInput, JoinResult, ParticipantView } from './types';
import { toParticipantView } from './entityViews';

/** Fresh share codes tried when one is taken (27 billion codes: a retry is rare, two in a row rarer still). */
const SHARE_CODE_ATTEMPTS = 5;

/** Decides whether a join's ?ref= counts, before the join is stored (the store re-checks atomically). */
async function referralFor(
  ctx: ServiceContext,
  event: DrawEvent,
  friendId: string,
  ref: unknown,
): Promise<{ referredBy: string | null; referral: JoinResult['referral'] }> {
  if (ref === undefined || ref === null || ref === '') return { referredBy: null, referral: null };
  const code = parseShareCode(ref);
  const referrer = code === null ? null : await ctx.store.getParticipantByShareCode(event.id, code);
  const decision = evaluateReferral({
    eventId: event.id,
    friend: { id: friendId, isFirstJoin: true, referredBy: null },
    referrer,
  });
  return decision.counted
    ? { referredBy: decision.referredBy, referral: { counted: true } }
    : { referredBy: null, referral: { counted: false, reason: decision.reason } };
}

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
  // On an open event the insert itself returns an existing entry (checked inside its transaction), so
  // the lookup is only needed where a new entry would be refused (closed event, missing phone).
  const lookFirst = event.status !== 'open' || (event.settings.requirePhone && phone === null);
  const existing = lookFirst ? await ctx.store.getParticipantByDevice(event.id, deviceHash) : null;
  const notFirst = input.ref ? { counted: false as const, reason: 'NOT_FIRST_JOIN' as const } : null;
  if (existing) return finish(ctx, event, existing, false, notFirst);
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
  const id = newId(ctx, 'p');
  const { referredBy, referral } = await referralFor(ctx, event, id, input.ref);
  for (let attempt = 0; attempt < SHARE_CODE_ATTEMPTS; attempt += 1) {
    const participant: Participant = {
      id,
      eventId: event.id,
      nickname,
      deviceTokenHash: deviceHash,
      phoneHash: phone === null ? null : keyedHash(ctx.secret, 'phone', phone),
      phoneMasked: phone === null ? null : maskPhone(phone),
      baseWeight: 1,
      // The store computes the weight from the event's bonus rule inside the join's transaction.
      weight: 1,
      hasWon: false,
      joinedAt: ctx.clock.now(),
      source: 'join',
      shareCode: newShareCode(randomBytesOf(ctx)),
      referredBy,
      referrals: 0,
      checkedInAt: null,
    };
    const result = await ctx.store.insertParticipantIfAbsent(
      participant,
      auditMeta(ctx, participantActor(id)),
    );
    if (result.status === 'share_code_taken') continue;
    if (result.status === 'phone_taken') {
      throw new DrawcastError(
        ErrorCode.CONFLICT,
        'this phone number has already joined from another device',
        'phone',
      );
    }
    const created = result.status === 'created';
    const joined = await finish(ctx, event, result.participant, created, created ? referral : notFirst);
    return created && referredBy ? { ...joined, referrerId: referredBy } : joined;
  }
  throw new DrawcastError(ErrorCode.INTERNAL, 'could not find a free share code', 'ref');
}

async function finish(
  ctx: ServiceContext,
  event: DrawEvent,
  participant: Participant,
  created: boolean,
  referral: JoinResult['referral'],
): Promise<JoinResult> {
  // An entry found rather than created may still be in a commit being flushed: never ack it before.
  if (!created) await ctx.store.whenDurable();
  return {
    participant: toParticipantView(participant),
    created,
    event,
    openRound: await openRoundFor(ctx, participant),
    referral,
  };
}

/** Host: sets one participant's tickets before bonus; the event's bonus rule is applied on top. */
export async function setBaseTickets(
  ctx: ServiceContext,
  participantId: unknown,
  baseTickets: unknown,
): Promise<ParticipantView> {
  const base = checkInteger(baseTickets, 'baseTickets', 1, MAX_WEIGHT);
  const updated = looksLikeId(participantId)
    ? await ctx.store.setParticipantWeight(participantId, base, auditMeta(ctx, 'host'))
    : null;
  if (!updated)
    throw new DrawcastError(ErrorCode.PARTICIPANT_NOT_FOUND, 'no such participant', 'participantId');
  return toParticipantView(updated);
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

/** A page of the event's participants for the host (masked phones only). */
export async function listParticipants(
  ctx: ServiceContext,
  eventId: unknown,
  page: { offset?: number; limit?: number } = {},
): Promise<ParticipantView[]> {
  const event = await requireEvent(ctx, eventId);
  const { offset, limit } = checkPage(page);
  return (await ctx.store.listParticipants(event.id, { offset, limit })).map(toParticipantView);
}
