// Host operations on events and prizes.
import { DrawcastError, ErrorCode } from '@drawcast/shared';
import {
  checkStatusTransition,
  DEFAULT_EVENT_SETTINGS,
  mergeSettings,
  validateTitle,
} from '../domain/eventRules';
import { generateJoinCode, normalizeJoinCode } from '../domain/joinCode';
import { validatePrizeInput, validatePrizePatch } from '../domain/prizeRules';
import type { DrawEvent, Prize } from '../domain/types';
import { auditMeta, newId, requireEvent, requirePrize, type ServiceContext } from './context';
import type { AddPrizeInput, CreateEventInput, UpdatePrizeInput, UpdateEventInput } from './types';

// Join codes collide with probability ~ events/887M per try; a handful of retries is plenty.
const JOIN_CODE_ATTEMPTS = 8;

function asObject(input: unknown, field: string): Record<string, unknown> {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    throw new DrawcastError(ErrorCode.VALIDATION_FAILED, `${field} must be an object`, field);
  }
  return input as Record<string, unknown>;
}

/** Creates a draft event with a fresh unique join code. */
export async function createEvent(ctx: ServiceContext, input: CreateEventInput): Promise<DrawEvent> {
  const raw = asObject(input, 'event');
  const title = validateTitle(raw.title);
  const settings = mergeSettings(DEFAULT_EVENT_SETTINGS, raw.settings);
  const id = newId(ctx, 'evt');
  const createdAt = ctx.clock.now();
  for (let attempt = 0; attempt < JOIN_CODE_ATTEMPTS; attempt += 1) {
    const event: DrawEvent = {
      id,
      title,
      joinCode: generateJoinCode((n) => ctx.random.bytes(n)),
      status: 'draft',
      settings,
      createdAt,
    };
    const result = await ctx.store.insertEvent(event, auditMeta(ctx, 'host'));
    if (result.ok) return event;
  }
  throw new DrawcastError(ErrorCode.INTERNAL, 'could not find a free join code', 'joinCode');
}

/** Looks an event up by the code people type or scan. */
export async function getEventByJoinCode(ctx: ServiceContext, joinCode: unknown): Promise<DrawEvent> {
  const event = await ctx.store.getEventByJoinCode(normalizeJoinCode(joinCode));
  if (!event) throw new DrawcastError(ErrorCode.EVENT_NOT_FOUND, 'no event with this join code', 'joinCode');
  return event;
}

/** Applies a validated patch; everything is checked before anything is written. */
export async function updateEvent(
  ctx: ServiceContext,
  eventId: unknown,
  patch: UpdateEventInput,
): Promise<DrawEvent> {
  const event = await requireEvent(ctx, eventId);
  const raw = asObject(patch, 'patch');
  for (const key of Object.keys(raw)) {
    if (!['title', 'status', 'settings'].includes(key)) {
      throw new DrawcastError(ErrorCode.VALIDATION_FAILED, `unknown field ${key}`, key);
    }
  }
  const title = raw.title === undefined ? undefined : validateTitle(raw.title);
  const status = raw.status === undefined ? undefined : checkStatusTransition(event.status, raw.status);
  const settings = raw.settings === undefined ? undefined : mergeSettings(event.settings, raw.settings);
  const updated = await ctx.store.updateEvent(
    event.id,
    {
      ...(title !== undefined && { title }),
      ...(status !== undefined && { status }),
      ...(settings !== undefined && { settings }),
    },
    auditMeta(ctx, 'host'),
  );
  if (!updated) throw new DrawcastError(ErrorCode.EVENT_NOT_FOUND, 'no such event', 'eventId');
  return updated;
}

/** Adds a prize to an event (any status: prizes are usually prepared in draft). */
export async function addPrize(ctx: ServiceContext, eventId: unknown, input: AddPrizeInput): Promise<Prize> {
  const event = await requireEvent(ctx, eventId);
  const valid = validatePrizeInput(input);
  const prize: Prize = {
    id: newId(ctx, 'prz'),
    eventId: event.id,
    ...valid,
    awarded: 0,
    createdAt: ctx.clock.now(),
  };
  await ctx.store.insertPrize(prize, auditMeta(ctx, 'host'));
  return prize;
}

/**
 * Edits a prize of this event: name, description, image, quantity. The quantity may not drop below the
 * units already awarded plus those committed rounds hold (PRIZE_QUANTITY_TOO_LOW, nothing changed).
 */
export async function updatePrize(
  ctx: ServiceContext,
  eventId: unknown,
  prizeId: unknown,
  input: UpdatePrizeInput,
): Promise<Prize> {
  const event = await requireEvent(ctx, eventId);
  const prize = await requirePrize(ctx, prizeId, event.id);
  const patch = validatePrizePatch(input);
  const result = await ctx.store.updatePrize(prize.id, patch, auditMeta(ctx, 'host'));
  if (result.outcome === 'not_found')
    throw new DrawcastError(ErrorCode.PRIZE_NOT_FOUND, 'no such prize in this event', 'prizeId');
  if (result.outcome === 'quantity_too_low') {
    throw new DrawcastError(
      ErrorCode.PRIZE_QUANTITY_TOO_LOW,
      `quantity: at least ${result.minimum} (${result.prize.awarded} awarded, the rest held by rounds not yet drawn)`,
      'quantity',
    );
  }
  return result.prize;
}

/** Lists an event's prizes (EVENT_NOT_FOUND for an unknown event, not an empty list). */
export async function listPrizes(ctx: ServiceContext, eventId: unknown): Promise<Prize[]> {
  const event = await requireEvent(ctx, eventId);
  return ctx.store.listPrizes(event.id);
}

/** Loads one prize. */
export async function getPrize(ctx: ServiceContext, prizeId: unknown): Promise<Prize> {
  return requirePrize(ctx, prizeId);
}
