// Read-side of rounds: aggregates for live odds, one participant's view of the open round, the proof.
import { eligibleCounts, entryFilterOf, isEligible } from '../domain/eligibility';
import { assembleProofDocument, type ProofDocument } from '../domain/proofDocument';
import { isRevealed } from '../domain/roundRules';
import type { Participant, Round } from '../domain/types';
import { requireEvent, requireRound, type ServiceContext } from './context';
import { frozenIndexOf } from './frozenEntries';
import type { OpenRoundView, RoundAggregate } from './types';

/** Eligible entries per weight class: from counters (no participant scan), or the frozen list once closed. */
export async function aggregateOf(ctx: ServiceContext, round: Round): Promise<RoundAggregate> {
  if (round.entriesClosedAt !== null) {
    const frozen = await frozenIndexOf(ctx, round);
    return { roundId: round.id, k: round.k, counts: { ...frozen.counts }, total: frozen.total };
  }
  const filter = entryFilterOf(round);
  const [counts, blocked] = await Promise.all([
    ctx.store.weightCounts(round.eventId, filter),
    round.blocklist.length > 0 ? ctx.store.getParticipantsByIds(round.eventId, round.blocklist) : [],
  ]);
  const eligible = eligibleCounts(counts, blocked, filter);
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
  let eligible: boolean;
  let weight = participant.weight;
  if (round.entriesClosedAt !== null) {
    // Closed: in the round exactly when in the frozen list, with the tickets it was frozen with.
    const frozenWeight = (await frozenIndexOf(ctx, round)).weights.get(participant.id);
    eligible = frozenWeight !== undefined;
    weight = frozenWeight ?? weight;
  } else {
    const blocked = round.blocklist.includes(participant.id);
    const absent = round.checkedInOnly && participant.checkedInAt === null;
    eligible =
      isEligible(participant, round) ||
      (!blocked && !absent && round.excludePreviousWinners && !(await hasRevealedWin(ctx, participant)));
  }
  const { odds, oddsExact } = participantOdds(ctx, aggregate, eligible, weight);
  return {
    roundId: round.id,
    prizeId: round.prizeId,
    prizeName: prize?.name ?? '',
    commitment: round.commitment,
    k: round.k,
    entriesClosedAt: round.entriesClosedAt,
    entryCount: round.entryCount,
    entriesDigest: round.entriesDigest,
    aggregate,
    eligible,
    odds,
    oddsExact,
  };
}

/** One entry's odds from the round's cached odds (0, exactly, when it cannot win). */
function participantOdds(
  ctx: ServiceContext,
  aggregate: RoundAggregate,
  eligible: boolean,
  weight: number,
): { odds: number | null; oddsExact: boolean } {
  if (!eligible || aggregate.total === 0) return { odds: 0, oddsExact: true };
  const cached = ctx.odds.lookup(aggregate.roundId, aggregate.counts, aggregate.k);
  return { odds: cached.odds ? (cached.odds[weight] ?? 0) : null, oddsExact: cached.exact };
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
