// Rounds: commit (seed stored first), public entropy, the draw (once), aggregates for live odds, the proof.
import { commitmentOf, draw, DrawcastError, ErrorCode } from '@drawcast/shared';
import { claimsForDrawnRound } from '../domain/claims/claim';
import { revealTimes, validatePublicEntropy, validateRoundInput } from '../domain/roundRules';
import type { DrawMode, RedrawLink, Round } from '../domain/types';
import {
  auditMeta,
  newId,
  randomBytesOf,
  requireEvent,
  requirePrize,
  requireRound,
  type ServiceContext,
} from './context';
import { entriesAtDraw, frozenEntriesOf } from './frozenEntries';
import { entriesNotClosedError, notCommittedError } from './roundErrors';
import type { CreateRoundInput, DrawRoundResult, RoundView } from './types';
import { roundViews } from './entityViews';

export { aggregateOf, currentAggregate, getProof, openRoundFor, roundAggregate } from './roundQueries';

/** Bytes of a drawcast-v1 server seed. */
export const SERVER_SEED_BYTES = 32;

/** A round's host/stage view. */
export async function viewOf(ctx: ServiceContext, round: Round): Promise<RoundView> {
  const [view] = await roundViews(ctx, round.eventId, [round]);
  return view as RoundView;
}

/**
 * Commits a round: validates, draws the seed, stores it durably (with the prize reservation checked
 * atomically) and only then returns the commitment. A seed is never shown or used before it is stored.
 */
export async function createRound(
  ctx: ServiceContext,
  eventId: unknown,
  input: CreateRoundInput,
): Promise<RoundView> {
  const event = await requireEvent(ctx, eventId);
  const valid = validateRoundInput(input, event.settings);
  await requirePrize(ctx, valid.prizeId, event.id);
  if (valid.blocklist.length > 0) {
    const found = new Set((await ctx.store.getParticipantsByIds(event.id, valid.blocklist)).map((p) => p.id));
    const unknown = valid.blocklist.find((id) => !found.has(id));
    if (unknown !== undefined) {
      throw new DrawcastError(
        ErrorCode.PARTICIPANT_NOT_FOUND,
        `blocklist: ${JSON.stringify(unknown.slice(0, 40))} is not a participant of this event`,
        'blocklist',
      );
    }
  }
  const round = newCommittedRound(ctx, {
    eventId: event.id,
    prizeId: valid.prizeId,
    k: valid.k,
    excludePreviousWinners: valid.excludePreviousWinners,
    checkedInOnly: valid.checkedInOnly,
    blocklist: valid.blocklist,
    redrawOf: null,
    ...(valid.drawMode ? { drawMode: valid.drawMode } : {}),
  });
  const stored = await ctx.store.insertRound(round, auditMeta(ctx, 'host'));
  if (!stored.ok && stored.reason === 'PRIZE_EXHAUSTED') {
    throw new DrawcastError(
      ErrorCode.PRIZE_EXHAUSTED,
      `the prize has room for ${stored.available} more winner(s) after awarded and undrawn rounds`,
      'winners',
    );
  }
  if (!stored.ok)
    throw new DrawcastError(ErrorCode.PRIZE_NOT_FOUND, 'no such prize in this event', 'prizeId');
  return viewOf(ctx, round);
}

/** What differs between rounds; the seed, commitment and bookkeeping are added by newCommittedRound. */
export interface RoundParameters {
  eventId: string;
  prizeId: string;
  k: number;
  excludePreviousWinners: boolean;
  checkedInOnly: boolean;
  blocklist: string[];
  redrawOf: RedrawLink | null;
  /** Stage animation; absent = wheel. */
  drawMode?: DrawMode;
}

/** A committed round with a fresh CSPRNG seed; the caller stores it before showing the commitment. */
export function newCommittedRound(ctx: ServiceContext, params: RoundParameters): Round {
  const serverSeed = Buffer.from(ctx.random.bytes(SERVER_SEED_BYTES)).toString('hex');
  return {
    id: newId(ctx, 'rnd'),
    ...params,
    serverSeed,
    commitment: commitmentOf(serverSeed),
    publicEntropy: '',
    status: 'committed',
    createdAt: ctx.clock.now(),
    drawnAt: null,
    revealAt: null,
    phoneRevealAt: null,
    entriesClosedAt: null,
    entryCount: null,
    entriesDigest: null,
    winners: null,
    auditHead: null,
  };
}

/** Sets the host's public entropy; only after the close and before the draw, serialised with draws. */
export async function setPublicEntropy(
  ctx: ServiceContext,
  roundId: unknown,
  publicEntropy: unknown,
): Promise<RoundView> {
  const round = await requireRound(ctx, roundId);
  const value = validatePublicEntropy(publicEntropy);
  return ctx.locks.run(round.eventId, async () => {
    const result = await ctx.store.setPublicEntropy(round.id, value, auditMeta(ctx, 'host'));
    if (result.ok) return viewOf(ctx, result.round);
    if (result.reason === 'ROUND_NOT_FOUND')
      throw new DrawcastError(ErrorCode.ROUND_NOT_FOUND, 'no such round', 'roundId');
    if (result.reason === 'ENTRIES_OPEN') throw entriesNotClosedError('public entropy');
    throw notCommittedError(result.round);
  });
}

/** Cancels a committed round, freeing its prize reservation; cancelling twice is harmless. */
export async function cancelRound(ctx: ServiceContext, roundId: unknown): Promise<RoundView> {
  const round = await requireRound(ctx, roundId);
  return ctx.locks.run(round.eventId, async () => {
    const result = await ctx.store.cancelRound(round.id, auditMeta(ctx, 'host'));
    if (result.ok) ctx.odds.forget(round.id);
    if (result.ok) return viewOf(ctx, result.round);
    if (result.reason === 'ROUND_NOT_FOUND')
      throw new DrawcastError(ErrorCode.ROUND_NOT_FOUND, 'no such round', 'roundId');
    if (result.round.status === 'cancelled') return viewOf(ctx, result.round);
    throw notCommittedError(result.round);
  });
}

/**
 * Draws a round exactly once. Refuses (NOT_ENOUGH_ENTRIES, round left committed) when fewer entries are
 * eligible than winners asked for: silently drawing fewer would break the published k. A repeated or
 * concurrent call returns the stored result with alreadyDrawn = true.
 */
export async function drawRound(ctx: ServiceContext, roundId: unknown): Promise<DrawRoundResult> {
  const found = await requireRound(ctx, roundId);
  return ctx.locks.run(found.eventId, async () => {
    // A stale entropy means it changed between reading and committing (another node); recompute. A taken
    // claim code (about 1 in 10^13) gets fresh codes.
    for (let attempt = 0; attempt < 3; attempt += 1) {
      const round = await requireRound(ctx, found.id);
      if (round.status === 'drawn')
        return { round: await viewOf(ctx, round), alreadyDrawn: true, closedByDraw: false };
      if (round.status === 'cancelled') throw notCommittedError(round);
      const closedByDraw = round.entriesClosedAt === null;
      // Entropy set on an open round (only possible in data from before #9) must not go with a list
      // frozen now: the host closes first, which keeps the order commit, close, entropy, draw.
      if (closedByDraw && round.publicEntropy !== '')
        throw entriesNotClosedError('a draw with public entropy');
      const event = await requireEvent(ctx, round.eventId);
      const entries = closedByDraw ? await entriesAtDraw(ctx, round) : await frozenEntriesOf(ctx, round);
      if (entries.length < round.k) {
        throw new DrawcastError(
          ErrorCode.NOT_ENOUGH_ENTRIES,
          `the round needs ${round.k} eligible entries but has ${entries.length}`,
          'winners',
        );
      }
      const result = draw({
        roundId: round.id,
        serverSeed: round.serverSeed,
        publicEntropy: round.publicEntropy,
        entries,
        k: round.k,
      });
      const times = revealTimes(ctx.clock.now(), event.settings);
      const claims = claimsForDrawnRound(
        { id: round.id, eventId: round.eventId, prizeId: round.prizeId, winners: result.winners },
        randomBytesOf(ctx),
        times.drawnAt,
        round.redrawOf?.place ?? 1,
      );
      const committed = await ctx.store.commitDrawResult(
        round.id,
        {
          publicEntropy: round.publicEntropy,
          entries,
          entriesDigest: result.entriesDigest,
          winners: result.winners,
          claims,
          ...times,
        },
        auditMeta(ctx, 'host'),
      );
      switch (committed.outcome) {
        case 'drawn':
          ctx.odds.forget(committed.round.id);
          return { round: await viewOf(ctx, committed.round), alreadyDrawn: false, closedByDraw };
        case 'already_drawn':
          return { round: await viewOf(ctx, committed.round), alreadyDrawn: true, closedByDraw: false };
        case 'not_found':
          throw new DrawcastError(ErrorCode.ROUND_NOT_FOUND, 'no such round', 'roundId');
        case 'cancelled':
          throw notCommittedError(committed.round);
        case 'prize_exhausted':
          throw new DrawcastError(
            ErrorCode.PRIZE_EXHAUSTED,
            `the prize has room for ${committed.available} more winner(s)`,
            'winners',
          );
        case 'stale_entropy':
        case 'entries_changed':
        case 'claim_code_taken':
          continue;
      }
    }
    throw new DrawcastError(
      ErrorCode.CONFLICT,
      'public entropy kept changing during the draw',
      'publicEntropy',
    );
  });
}

/** Loads one round's view. */
export async function getRound(ctx: ServiceContext, roundId: unknown): Promise<RoundView> {
  return viewOf(ctx, await requireRound(ctx, roundId));
}

/** All rounds of an event, oldest first. */
export async function listRounds(ctx: ServiceContext, eventId: unknown): Promise<RoundView[]> {
  const event = await requireEvent(ctx, eventId);
  return roundViews(ctx, event.id, await ctx.store.listRounds(event.id));
}

/** The round joins' odds refer to, or null. */
export async function currentRound(ctx: ServiceContext, eventId: unknown): Promise<RoundView | null> {
  const event = await requireEvent(ctx, eventId);
  const round = await ctx.store.getCurrentRound(event.id);
  return round ? viewOf(ctx, round) : null;
}
