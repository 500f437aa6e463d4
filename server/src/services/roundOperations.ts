// Rounds: commit (seed stored first), public entropy, the draw (once), aggregates for live odds, the proof.
import {
  canonicalEntries,
  commitmentOf,
  draw,
  DrawcastError,
  ErrorCode,
  oddsByWeight,
} from '@drawcast/shared';
import { eligibleCounts, filterEligible, isEligible } from '../domain/eligibility';
import { assembleProofDocument, type ProofDocument } from '../domain/proofDocument';
import { isRevealed, revealTimes, validatePublicEntropy, validateRoundInput } from '../domain/roundRules';
import type { Participant, Round } from '../domain/types';
import { newId, requireEvent, requirePrize, requireRound, type ServiceContext } from './context';
import type { CreateRoundInput, DrawRoundResult, OpenRoundView, RoundAggregate, RoundView } from './types';
import { roundViews } from './views';

/** Bytes of a drawcast-v1 server seed. */
export const SERVER_SEED_BYTES = 32;

async function viewOf(ctx: ServiceContext, round: Round): Promise<RoundView> {
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
  const serverSeed = Buffer.from(ctx.random.bytes(SERVER_SEED_BYTES)).toString('hex');
  const round: Round = {
    id: newId(ctx, 'rnd'),
    eventId: event.id,
    prizeId: valid.prizeId,
    k: valid.k,
    excludePreviousWinners: valid.excludePreviousWinners,
    blocklist: valid.blocklist,
    serverSeed,
    commitment: commitmentOf(serverSeed),
    publicEntropy: '',
    status: 'committed',
    createdAt: ctx.clock.now(),
    drawnAt: null,
    revealAt: null,
    phoneRevealAt: null,
    entriesDigest: null,
    winners: null,
  };
  const stored = await ctx.store.insertRound(round);
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

function notCommittedError(round: Round): DrawcastError {
  return round.status === 'cancelled'
    ? new DrawcastError(ErrorCode.CONFLICT, 'the round was cancelled', 'roundId')
    : new DrawcastError(ErrorCode.ROUND_ALREADY_DRAWN, 'the round has already been drawn', 'roundId');
}

/** Sets the host's public entropy; only before the draw, serialised with draws of the event. */
export async function setPublicEntropy(
  ctx: ServiceContext,
  roundId: unknown,
  publicEntropy: unknown,
): Promise<RoundView> {
  const round = await requireRound(ctx, roundId);
  const value = validatePublicEntropy(publicEntropy);
  return ctx.locks.run(round.eventId, async () => {
    const result = await ctx.store.setPublicEntropy(round.id, value);
    if (result.ok) return viewOf(ctx, result.round);
    if (result.reason === 'ROUND_NOT_FOUND')
      throw new DrawcastError(ErrorCode.ROUND_NOT_FOUND, 'no such round', 'roundId');
    throw notCommittedError(result.round);
  });
}

/** Cancels a committed round, freeing its prize reservation; cancelling twice is harmless. */
export async function cancelRound(ctx: ServiceContext, roundId: unknown): Promise<RoundView> {
  const round = await requireRound(ctx, roundId);
  return ctx.locks.run(round.eventId, async () => {
    const result = await ctx.store.cancelRound(round.id);
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
    // A stale entropy means it changed between reading and committing (another node); recompute.
    for (let attempt = 0; attempt < 3; attempt += 1) {
      const round = await requireRound(ctx, found.id);
      if (round.status === 'drawn') return { round: await viewOf(ctx, round), alreadyDrawn: true };
      if (round.status === 'cancelled') throw notCommittedError(round);
      const event = await requireEvent(ctx, round.eventId);
      const base = await ctx.store.listEntries(round.eventId, {
        excludeWinners: round.excludePreviousWinners,
      });
      const entries = canonicalEntries(filterEligible(base, round.blocklist));
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
      const committed = await ctx.store.commitDrawResult(round.id, {
        publicEntropy: round.publicEntropy,
        entries,
        entriesDigest: result.entriesDigest,
        winners: result.winners,
        ...revealTimes(ctx.clock.now(), event.settings),
      });
      switch (committed.outcome) {
        case 'drawn':
          return { round: await viewOf(ctx, committed.round), alreadyDrawn: false };
        case 'already_drawn':
          return { round: await viewOf(ctx, committed.round), alreadyDrawn: true };
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

/** Eligible entries per weight class, from counters (no participant scan). */
export async function aggregateOf(ctx: ServiceContext, round: Round): Promise<RoundAggregate> {
  const [counts, blocked] = await Promise.all([
    ctx.store.weightCounts(round.eventId, { excludeWinners: round.excludePreviousWinners }),
    round.blocklist.length > 0 ? ctx.store.getParticipantsByIds(round.eventId, round.blocklist) : [],
  ]);
  const eligible = eligibleCounts(counts, blocked, round.excludePreviousWinners);
  return { roundId: round.id, k: round.k, counts: eligible.counts, total: eligible.total };
}

/** The odds broadcast payload of one round. */
export async function roundAggregate(ctx: ServiceContext, roundId: unknown): Promise<RoundAggregate> {
  return aggregateOf(ctx, await requireRound(ctx, roundId));
}

/** The odds broadcast payload of the event's current round, or null. */
export async function currentAggregate(
  ctx: ServiceContext,
  eventId: unknown,
): Promise<RoundAggregate | null> {
  const event = await requireEvent(ctx, eventId);
  const round = await ctx.store.getCurrentRound(event.id);
  return round ? aggregateOf(ctx, round) : null;
}

async function hasRevealedWin(ctx: ServiceContext, participant: Participant): Promise<boolean> {
  const now = ctx.clock.now();
  const rounds = await ctx.store.listRounds(participant.eventId);
  return rounds.some((r) => isRevealed(r, now) && (r.winners ?? []).includes(participant.id));
}

/**
 * One participant's view of the current round with its odds (join ack and reconnect state). A winner of
 * a round whose phone reveal is still ahead is shown as eligible (with an eligible entry's odds): telling
 * them "not eligible" would reveal their win before the stream delay is over.
 */
export async function openRoundFor(
  ctx: ServiceContext,
  participant: Participant,
): Promise<OpenRoundView | null> {
  const round = await ctx.store.getCurrentRound(participant.eventId);
  if (!round) return null;
  const [aggregate, prize] = await Promise.all([aggregateOf(ctx, round), ctx.store.getPrize(round.prizeId)]);
  const blocked = round.blocklist.includes(participant.id);
  const eligible = isEligible(participant, round) || (!blocked && !(await hasRevealedWin(ctx, participant)));
  const odds =
    eligible && aggregate.total > 0 ? (oddsByWeight(aggregate.counts, round.k)[participant.weight] ?? 0) : 0;
  return {
    roundId: round.id,
    prizeId: round.prizeId,
    prizeName: prize?.name ?? '',
    commitment: round.commitment,
    k: round.k,
    aggregate,
    eligible,
    odds,
  };
}

/** The public proof document (seed only after phoneRevealAt). */
export async function getProof(ctx: ServiceContext, roundId: unknown): Promise<ProofDocument> {
  const cached = typeof roundId === 'string' ? ctx.proofs.get(roundId) : undefined;
  if (cached) return cached;
  const round = await requireRound(ctx, roundId);
  const now = ctx.clock.now();
  const entries = isRevealed(round, now) ? await ctx.store.getRoundEntries(round.id) : null;
  const document = assembleProofDocument(round, entries, now);
  if (document.revealed) ctx.proofs.set(round.id, document);
  return document;
}
