// Privacy deletion and retention: a phone erases its own data, the host erases one person's, and a timer
// purges a closed event's personal data N days after the close. Proofs keep only opaque entry ids.
import { DrawcastError, ErrorCode } from '@drawcast/shared';
import type { Actor } from '../domain/audit/actor';
import { participantActor } from '../domain/audit/actor';
import { looksLikeId } from '../domain/ids';
import type { ServiceContext } from './context';
import { auditMeta, requireEvent } from './context';
import { deviceTokenHash } from './joinOperations';
import type { ErasureView, PurgeView } from './privacyTypes';

/** One day in ms: retention is counted in whole days after the close. */
export const DAY_MS = 86_400_000;

function notFound(field: string): DrawcastError {
  return new DrawcastError(
    ErrorCode.PARTICIPANT_NOT_FOUND,
    `${field}: no such participant in this event`,
    field,
  );
}

/** Drops what this process cached with nicknames (drawn rounds' winners) for the event. */
async function forgetCached(ctx: ServiceContext, eventId: string): Promise<void> {
  for (const round of await ctx.store.listRounds(eventId)) ctx.winners.delete(round.id);
}

async function erase(
  ctx: ServiceContext,
  eventId: string,
  participantId: string,
  actor: Actor,
  field: string,
): Promise<ErasureView> {
  const meta = auditMeta(ctx, actor);
  // Under the event's lock, so a draw in this process never runs half before and half after it.
  const result = await ctx.locks.run(eventId, async () => {
    const stored = await ctx.store.erasePerson(eventId, participantId, meta);
    await forgetCached(ctx, eventId);
    return stored;
  });
  if (!result.ok) throw notFound(field);
  return { eventId, ...result.erased, erasedAt: meta.at };
}

/** Host: erases one participant's personal data (PARTICIPANT_NOT_FOUND if not in this event). */
export async function eraseParticipant(
  ctx: ServiceContext,
  eventId: unknown,
  participantId: unknown,
): Promise<ErasureView> {
  const event = await requireEvent(ctx, eventId);
  if (!looksLikeId(participantId)) throw notFound('participantId');
  return erase(ctx, event.id, participantId, 'host', 'participantId');
}

/** Phone: erases its own entry, proved by its device token (PARTICIPANT_NOT_FOUND if it has none). */
export async function eraseOwnData(
  ctx: ServiceContext,
  eventId: unknown,
  deviceToken: unknown,
): Promise<ErasureView> {
  const event = await requireEvent(ctx, eventId);
  const me = await ctx.store.getParticipantByDevice(event.id, deviceTokenHash(ctx, deviceToken));
  if (!me) throw notFound('deviceToken');
  return erase(ctx, event.id, me.id, participantActor(me.id), 'deviceToken');
}

/**
 * System (the retention timer): purges every closed event whose close lies at least its retentionDays
 * in the past; events with nothing left are skipped without a record. Returns the events purged.
 */
export async function purgeExpiredPersonalData(ctx: ServiceContext): Promise<PurgeView[]> {
  const now = ctx.clock.now();
  const purged: PurgeView[] = [];
  for (const event of await ctx.store.listEvents()) {
    if (event.status !== 'closed') continue;
    const closedAt = (await ctx.store.getEventClosedAt(event.id)) ?? event.createdAt;
    if (now < closedAt + event.settings.retentionDays * DAY_MS) continue;
    const result = await ctx.locks.run(event.id, () =>
      ctx.store.purgeEventPersonalData(event.id, auditMeta(ctx, 'system')),
    );
    const changed = result.participants + result.contactsCleared + result.supportMessages;
    if (changed + result.claimsForfeited === 0) continue;
    await forgetCached(ctx, event.id);
    purged.push({ eventId: event.id, closedAt, ...result });
  }
  return purged;
}
