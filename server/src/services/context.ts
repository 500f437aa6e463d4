// What every service operation shares: injected deps, the per-event lock, and "find or throw" helpers.
import { DrawcastError, ErrorCode } from '@drawcast/shared';
import type { Actor, AuditMeta } from '../domain/audit/actor';
import { looksLikeId, makeId, ID_BYTES, type IdPrefix } from '../domain/ids';
import type { ClaimRecord, DrawEvent, Prize, Round } from '../domain/types';
import type { RevealedProofDocument } from '../domain/proofDocument';
import { BoundedCache } from './boundedCache';
import { KeyedMutex } from './keyedMutex';
import { createRoundOddsCache } from './odds/createRoundOddsCache';
import type { RoundOddsCache } from './odds/roundOddsCache';
import type { FrozenIndex } from './frozenIndex';
import type { ServiceDeps, WinnerView } from './types';

/** Deps plus process-local coordination, passed to every operation module. */
export interface ServiceContext extends ServiceDeps {
  /** Serialises round state changes per event (draws must see earlier draws' winners). */
  locks: KeyedMutex;
  /** Winners with nicknames of drawn rounds (immutable once drawn): reconnect storms skip the store. */
  winners: BoundedCache<string, WinnerView[]>;
  /** Revealed proofs (immutable): a crowd pressing "verify" does not re-read 50,000 entries each time. */
  proofs: BoundedCache<string, RevealedProofDocument>;
  /** Odds per open round: joins reuse them instead of recomputing (up to seconds) on the event loop. */
  odds: RoundOddsCache;
  /** Frozen entry lists of closed rounds (immutable): joins after a close look themselves up here. */
  frozen: BoundedCache<string, Promise<FrozenIndex>>;
}

/** Builds the context once per service instance. */
export function createContext(deps: ServiceDeps): ServiceContext {
  return {
    ...deps,
    locks: new KeyedMutex(),
    winners: new BoundedCache(200),
    proofs: new BoundedCache(4),
    odds: deps.oddsCache ?? createRoundOddsCache(deps.clock),
    frozen: new BoundedCache(8),
  };
}

/** A fresh opaque id from the injected randomness. */
export function newId(ctx: ServiceContext, prefix: IdPrefix): string {
  return makeId(prefix, ctx.random.bytes(ID_BYTES));
}

/** Who and when, for the audit record the store appends with a change. */
export function auditMeta(ctx: ServiceContext, actor: Actor): AuditMeta {
  return { actor, at: ctx.clock.now() };
}

/** The injected randomness in the shape the code generators take. */
export function randomBytesOf(ctx: ServiceContext): (n: number) => Uint8Array {
  return (n) => ctx.random.bytes(n);
}

/**
 * The injected randomness fetched in large chunks, for bulk work (ids and tokens of 100,000 imported
 * people): one CSPRNG call per chunk instead of two per row. Same bytes, same uniformity.
 */
export function bufferedRandomBytes(ctx: ServiceContext, chunk = 64 * 1024): (n: number) => Uint8Array {
  let pool: Uint8Array = new Uint8Array(0);
  let used = 0;
  return (n) => {
    if (used + n > pool.length) {
      pool = ctx.random.bytes(Math.max(chunk, n));
      used = 0;
    }
    const out = pool.slice(used, used + n);
    used += n;
    return out;
  };
}

/** Loads an event or throws EVENT_NOT_FOUND (also for ids that are not even id-shaped). */
export async function requireEvent(ctx: ServiceContext, eventId: unknown): Promise<DrawEvent> {
  const event = looksLikeId(eventId) ? await ctx.store.getEvent(eventId) : null;
  if (!event) throw new DrawcastError(ErrorCode.EVENT_NOT_FOUND, 'no such event', 'eventId');
  return event;
}

/** Loads a prize of the given event or throws PRIZE_NOT_FOUND. */
export async function requirePrize(ctx: ServiceContext, prizeId: unknown, eventId?: string): Promise<Prize> {
  const prize = looksLikeId(prizeId) ? await ctx.store.getPrize(prizeId) : null;
  if (!prize || (eventId !== undefined && prize.eventId !== eventId)) {
    throw new DrawcastError(ErrorCode.PRIZE_NOT_FOUND, 'no such prize in this event', 'prizeId');
  }
  return prize;
}

/** Loads a claim by its id or throws CLAIM_NOT_FOUND. */
export async function requireClaim(ctx: ServiceContext, claimId: unknown): Promise<ClaimRecord> {
  const claim = looksLikeId(claimId) ? await ctx.store.getClaim(claimId) : null;
  if (!claim) throw new DrawcastError(ErrorCode.CLAIM_NOT_FOUND, 'no such claim', 'claimId');
  return claim;
}

/** Loads a round or throws ROUND_NOT_FOUND. */
export async function requireRound(ctx: ServiceContext, roundId: unknown): Promise<Round> {
  const round = looksLikeId(roundId) ? await ctx.store.getRound(roundId) : null;
  if (!round) throw new DrawcastError(ErrorCode.ROUND_NOT_FOUND, 'no such round', 'roundId');
  return round;
}
