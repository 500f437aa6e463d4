// Claims after the draw: the staff list, redeem once, forfeits (no-show, deadline sweep), shipping contacts.
import { DrawcastError, ErrorCode } from '@drawcast/shared';
import { participantActor, staffActor } from '../domain/audit/actor';
import { forfeitClaim, isPastDeadline, redeemClaim, type ForfeitReason } from '../domain/claims/claim';
import { displayClaimCode, parseClaimCode } from '../domain/claims/claimCode';
import { openContact, sealContact } from '../domain/claims/contactCipher';
import { qrSvg } from '../domain/claims/qr';
import {
  maskShippingContact,
  parseShippingContact,
  type ShippingContact,
} from '../domain/claims/shippingContact';
import { looksLikeId } from '../domain/ids';
import { isRevealed } from '../domain/roundRules';
import type { ClaimRecord, DrawEvent } from '../domain/types';
import type { ClaimUpdateResult } from '../store/store';
import type {
  ClaimStaffView,
  ForfeitResult,
  MaskedShippingContact,
  ShippingContactInput,
  WinnerClaimView,
} from './claimTypes';
import { auditMeta, requireClaim, requireEvent, type ServiceContext } from './context';
import { deviceTokenHash } from './joinOperations';

const FORFEIT_REASONS: readonly ForfeitReason[] = ['deadline', 'no_show'];

/** The claim rule of an event in the domain's shape. */
function claimSettings(event: DrawEvent): { deadline: number | null } {
  return { deadline: event.settings.claimDeadline };
}

/** Staff views of several claims of one event with two store reads in total. */
export async function staffViews(
  ctx: ServiceContext,
  eventId: string,
  claims: readonly ClaimRecord[],
): Promise<ClaimStaffView[]> {
  if (claims.length === 0) return [];
  const [prizes, participants] = await Promise.all([
    ctx.store.listPrizes(eventId),
    ctx.store.getParticipantsByIds(
      eventId,
      claims.map((c) => c.participantId),
    ),
  ]);
  const prizeNames = new Map(prizes.map((p) => [p.id, p.name]));
  const nicknames = new Map(participants.map((p) => [p.id, p.nickname]));
  return claims.map((c) => ({
    id: c.id,
    code: c.code,
    displayCode: displayClaimCode(c.code),
    eventId: c.eventId,
    roundId: c.roundId,
    prizeId: c.prizeId,
    prizeName: prizeNames.get(c.prizeId) ?? '',
    place: c.place,
    participantId: c.participantId,
    nickname: nicknames.get(c.participantId) ?? '',
    status: c.status,
    createdAt: c.createdAt,
    redeemedAt: c.redeemedAt,
    redeemedBy: c.redeemedBy,
    forfeitedAt: c.forfeitedAt,
    forfeitReason: c.forfeitReason,
    redrawRoundId: c.redrawRoundId,
    contact: c.contact?.masked ?? null,
    contactSubmittedAt: c.contact?.submittedAt ?? null,
  }));
}

async function staffView(ctx: ServiceContext, claim: ClaimRecord): Promise<ClaimStaffView> {
  return (await staffViews(ctx, claim.eventId, [claim]))[0] as ClaimStaffView;
}

/** The fields a winner's view needs, shared by stored claims and staff views. */
type WinnerClaimSource = Pick<
  ClaimStaffView,
  'id' | 'status' | 'code' | 'redeemedAt' | 'forfeitedAt' | 'forfeitReason'
>;

/**
 * The one rule for what a winner's phone sees of its claim: the code and QR only while pending and before
 * the deadline. Used by participant state and by the live push, so the two never disagree.
 */
export async function winnerViewOf(
  claim: WinnerClaimSource,
  contact: MaskedShippingContact | null,
  event: DrawEvent,
  now: number,
): Promise<WinnerClaimView> {
  const pending = claim.status === 'pending' && !isPastDeadline(claimSettings(event), now);
  return {
    id: claim.id,
    status: claim.status,
    code: pending ? claim.code : null,
    displayCode: pending ? displayClaimCode(claim.code) : null,
    qrSvg: pending ? await qrSvg(claim.code) : null,
    deadline: event.settings.claimDeadline,
    redeemedAt: claim.redeemedAt,
    forfeitedAt: claim.forfeitedAt,
    forfeitReason: claim.forfeitReason,
    contactRequested: pending && event.settings.collectShippingContact,
    contact,
  };
}

/** A stored claim as its winner sees it. */
export function winnerView(claim: ClaimRecord, event: DrawEvent, now: number): Promise<WinnerClaimView> {
  return winnerViewOf(claim, claim.contact?.masked ?? null, event, now);
}

/** Every claim of the event in draw order. */
export async function listClaims(ctx: ServiceContext, eventId: unknown): Promise<ClaimStaffView[]> {
  const event = await requireEvent(ctx, eventId);
  return staffViews(ctx, event.id, await ctx.store.listClaims(event.id));
}

/** One claim by id. */
export async function getClaim(ctx: ServiceContext, claimId: unknown): Promise<ClaimStaffView> {
  return staffView(ctx, await requireClaim(ctx, claimId));
}

/** A claim by its id or its (typed or scanned) code. */
async function claimByIdOrCode(ctx: ServiceContext, ref: unknown): Promise<ClaimRecord> {
  if (looksLikeId(ref) && ref.startsWith('clm_')) return requireClaim(ctx, ref);
  const code = parseClaimCode(ref);
  const claim = await ctx.store.getClaimByCode(code);
  if (!claim) throw new DrawcastError(ErrorCode.CLAIM_NOT_FOUND, `no claim has the code ${code}`, 'code');
  return claim;
}

/**
 * After a compare-and-set lost a race (someone else redeemed or forfeited in between), replays the
 * domain rule on the fresh claim so the caller gets the precise refusal.
 */
function settle(result: ClaimUpdateResult, replay: (claim: ClaimRecord) => unknown): ClaimRecord {
  if (result.ok) return result.claim;
  if (result.reason === 'CLAIM_NOT_FOUND') {
    throw new DrawcastError(ErrorCode.CLAIM_NOT_FOUND, 'no such claim', 'code');
  }
  replay(result.claim);
  throw new DrawcastError(ErrorCode.CONFLICT, `claim ${result.claim.id} is ${result.claim.status}`, 'code');
}

/** Staff redeem a code once; the refusal says which case it is (unknown, forfeited, redeemed when/by whom). */
export async function redeem(ctx: ServiceContext, code: unknown, staff: unknown): Promise<ClaimStaffView> {
  const parsed = parseClaimCode(code);
  const actor = staffActor(staff);
  const claim = await ctx.store.getClaimByCode(parsed);
  const event = claim ? await requireEvent(ctx, claim.eventId) : null;
  const input = {
    code: parsed,
    at: ctx.clock.now(),
    staff: actor.slice('staff:'.length),
    settings: event ? claimSettings(event) : { deadline: null },
  };
  redeemClaim(claim, input);
  const result = await ctx.store.redeemClaim((claim as ClaimRecord).id, auditMeta(ctx, actor));
  return staffView(
    ctx,
    settle(result, (fresh) => redeemClaim(fresh, input)),
  );
}

async function forfeitOne(
  ctx: ServiceContext,
  claim: ClaimRecord,
  reason: ForfeitReason,
  event: DrawEvent,
): Promise<ForfeitResult> {
  const input = { code: claim.code, at: ctx.clock.now(), reason, settings: claimSettings(event) };
  forfeitClaim(claim, input);
  const actor = reason === 'deadline' ? 'system' : 'host';
  const result = await ctx.store.forfeitClaim(claim.id, reason, auditMeta(ctx, actor));
  const forfeited = settle(result, (fresh) => forfeitClaim(fresh, input));
  return {
    claim: await staffView(ctx, forfeited),
    participantId: forfeited.participantId,
    eventId: forfeited.eventId,
    roundId: forfeited.roundId,
    reason,
  };
}

/** Host marks a no-show (or a late winner once the deadline has passed); the prize unit is freed. */
export async function forfeit(ctx: ServiceContext, ref: unknown, reason: unknown): Promise<ForfeitResult> {
  if (!FORFEIT_REASONS.includes(reason as ForfeitReason)) {
    throw new DrawcastError(ErrorCode.VALIDATION_FAILED, "reason must be 'deadline' or 'no_show'", 'reason');
  }
  const claim = await claimByIdOrCode(ctx, ref);
  return forfeitOne(ctx, claim, reason as ForfeitReason, await requireEvent(ctx, claim.eventId));
}

/** Forfeits every pending claim whose event's deadline has passed; events without a deadline are skipped. */
export async function sweepClaimDeadlines(ctx: ServiceContext, eventId?: unknown): Promise<ForfeitResult[]> {
  const events = eventId === undefined ? await ctx.store.listEvents() : [await requireEvent(ctx, eventId)];
  const now = ctx.clock.now();
  const results: ForfeitResult[] = [];
  for (const event of events) {
    const deadline = event.settings.claimDeadline;
    if (deadline === null || now < deadline) continue;
    for (const claim of await ctx.store.listClaims(event.id)) {
      if (claim.status !== 'pending') continue;
      try {
        results.push(await forfeitOne(ctx, claim, 'deadline', event));
      } catch (error) {
        // Redeemed at the last moment by staff: not due any more, nothing to do.
        if (!(error instanceof DrawcastError && error.code === ErrorCode.ALREADY_REDEEMED)) throw error;
      }
    }
  }
  return results;
}

function requireContactKey(ctx: ServiceContext): Uint8Array {
  if (!ctx.contactKey) {
    throw new DrawcastError(
      ErrorCode.INTERNAL,
      'this server has no contact key configured',
      'shippingContact',
    );
  }
  return ctx.contactKey;
}

/** The winner (proved by their device token) gives where to ship the prize; sealed under the contact key. */
export async function submitShippingContact(
  ctx: ServiceContext,
  input: ShippingContactInput,
): Promise<WinnerClaimView> {
  if (typeof input !== 'object' || input === null) {
    throw new DrawcastError(ErrorCode.VALIDATION_FAILED, 'input must be an object', 'shippingContact');
  }
  const event = await requireEvent(ctx, input.eventId);
  const deviceHash = deviceTokenHash(ctx, input.deviceToken);
  const contact = parseShippingContact(input.contact);
  if (!event.settings.collectShippingContact) {
    throw new DrawcastError(ErrorCode.CONFLICT, 'this event does not ship prizes', 'shippingContact');
  }
  const participant = await ctx.store.getParticipantByDevice(event.id, deviceHash);
  const claim = looksLikeId(input.claimId) ? await ctx.store.getClaim(input.claimId) : null;
  const round = claim ? await ctx.store.getRound(claim.roundId) : null;
  // Someone else's claim, or one whose result the phones may not see yet, is "not found" to this phone.
  if (
    !participant ||
    !claim ||
    claim.participantId !== participant.id ||
    !round ||
    !isRevealed(round, ctx.clock.now())
  ) {
    throw new DrawcastError(ErrorCode.CLAIM_NOT_FOUND, 'no such claim of yours', 'claimId');
  }
  const stored = {
    sealed: sealContact(contact, requireContactKey(ctx), claim.id),
    masked: maskShippingContact(contact),
    submittedAt: ctx.clock.now(),
  };
  const result = await ctx.store.setClaimContact(
    claim.id,
    stored,
    auditMeta(ctx, participantActor(participant.id)),
  );
  const settings = claimSettings(event);
  const updated = settle(result, (fresh) =>
    redeemClaim(fresh, { code: fresh.code, at: ctx.clock.now(), staff: '', settings }),
  );
  return winnerView(updated, event, ctx.clock.now());
}

/** Staff who ship the prize open the full contact (null if the winner gave none). */
export async function getShippingContact(
  ctx: ServiceContext,
  claimId: unknown,
): Promise<ShippingContact | null> {
  const claim = await requireClaim(ctx, claimId);
  if (claim.contact === null) return null;
  return openContact(claim.contact.sealed, requireContactKey(ctx), claim.id);
}
