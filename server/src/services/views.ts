// Entity → view mapping: strips hashes and seeds, adds nicknames and prize names.
import { isRevealed } from '../domain/roundRules';
import type { Participant, Prize, Round } from '../domain/types';
import type { ServiceContext } from './context';
import type { ParticipantView, RoundView, WinnerView } from './types';

/** The participant as itself and the host may see it. */
export function toParticipantView(p: Participant): ParticipantView {
  return {
    id: p.id,
    eventId: p.eventId,
    nickname: p.nickname,
    phoneMasked: p.phoneMasked,
    tickets: p.weight,
    joinedAt: p.joinedAt,
  };
}

/** Looks up nicknames for winners of several rounds in one store call. */
export async function nicknamesFor(
  ctx: ServiceContext,
  eventId: string,
  rounds: readonly Round[],
): Promise<Map<string, string>> {
  const ids = new Set<string>();
  for (const round of rounds) for (const id of round.winners ?? []) ids.add(id);
  const names = new Map<string, string>();
  if (ids.size === 0) return names;
  for (const p of await ctx.store.getParticipantsByIds(eventId, [...ids])) names.set(p.id, p.nickname);
  return names;
}

/** Winners in draw order with their nicknames. */
export function winnerViews(round: Round, names: ReadonlyMap<string, string>): WinnerView[] {
  return (round.winners ?? []).map((participantId) => ({
    participantId,
    nickname: names.get(participantId) ?? '',
  }));
}

/** The host/stage view of a round; never includes the server seed. */
export function toRoundView(
  round: Round,
  prizeName: string,
  names: ReadonlyMap<string, string>,
  now: number,
): RoundView {
  return {
    id: round.id,
    eventId: round.eventId,
    prizeId: round.prizeId,
    prizeName,
    k: round.k,
    excludePreviousWinners: round.excludePreviousWinners,
    blocklist: [...round.blocklist],
    commitment: round.commitment,
    publicEntropy: round.publicEntropy,
    status: round.status,
    createdAt: round.createdAt,
    drawnAt: round.drawnAt,
    revealAt: round.revealAt,
    phoneRevealAt: round.phoneRevealAt,
    revealed: isRevealed(round, now),
    entriesDigest: round.entriesDigest,
    winners: round.winners === null ? null : winnerViews(round, names),
  };
}

/** Views for several rounds of one event with two store calls in total. */
export async function roundViews(
  ctx: ServiceContext,
  eventId: string,
  rounds: readonly Round[],
): Promise<RoundView[]> {
  if (rounds.length === 0) return [];
  const [prizes, names] = await Promise.all([
    ctx.store.listPrizes(eventId),
    nicknamesFor(ctx, eventId, rounds),
  ]);
  const prizeNames = prizeNameMap(prizes);
  const now = ctx.clock.now();
  return rounds.map((round) => toRoundView(round, prizeNames.get(round.prizeId) ?? '', names, now));
}

/** prizeId → name. */
export function prizeNameMap(prizes: readonly Prize[]): Map<string, string> {
  return new Map(prizes.map((p) => [p.id, p.name]));
}
