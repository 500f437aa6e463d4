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
    source: p.source,
    shareCode: p.shareCode,
    referrals: p.referrals,
    checkedInAt: p.checkedInAt,
  };
}

/** Winners (in draw order, with nicknames) of every drawn round given, with at most one store call. */
export async function winnersByRound(
  ctx: ServiceContext,
  eventId: string,
  rounds: readonly Round[],
): Promise<Map<string, WinnerView[]>> {
  const result = new Map<string, WinnerView[]>();
  const missing: Round[] = [];
  for (const round of rounds) {
    if (round.winners === null) continue;
    const cached = ctx.winners.get(round.id);
    if (cached) result.set(round.id, cached);
    else missing.push(round);
  }
  if (missing.length === 0) return result;
  const ids = new Set<string>();
  for (const round of missing) for (const id of round.winners ?? []) ids.add(id);
  const names = new Map<string, string>();
  for (const p of await ctx.store.getParticipantsByIds(eventId, [...ids])) names.set(p.id, p.nickname);
  for (const round of missing) {
    const winners = (round.winners ?? []).map((participantId) => ({
      participantId,
      nickname: names.get(participantId) ?? '',
    }));
    ctx.winners.set(round.id, winners);
    result.set(round.id, winners);
  }
  return result;
}

/** The host/stage view of a round; never includes the server seed. */
export function toRoundView(
  round: Round,
  prizeName: string,
  winners: WinnerView[] | null,
  now: number,
): RoundView {
  // Everything stored except the seed (and the bare winner ids, replaced by nicknamed winners).
  const { serverSeed: _seed, winners: _ids, ...stored } = round;
  return {
    ...stored,
    blocklist: [...round.blocklist],
    redrawOf: round.redrawOf === null ? null : { ...round.redrawOf },
    drawMode: round.drawMode ?? 'wheel',
    prizeName,
    revealed: isRevealed(round, now),
    winners: round.winners === null ? null : (winners ?? []),
    auditHead: round.auditHead === null ? null : { ...round.auditHead },
  };
}

/** Views for several rounds of one event with two store calls in total. */
export async function roundViews(
  ctx: ServiceContext,
  eventId: string,
  rounds: readonly Round[],
): Promise<RoundView[]> {
  if (rounds.length === 0) return [];
  const [prizes, winners] = await Promise.all([
    ctx.store.listPrizes(eventId),
    winnersByRound(ctx, eventId, rounds),
  ]);
  const prizeNames = prizeNameMap(prizes);
  const now = ctx.clock.now();
  return rounds.map((round) =>
    toRoundView(round, prizeNames.get(round.prizeId) ?? '', winners.get(round.id) ?? null, now),
  );
}

/** prizeId → name. */
export function prizeNameMap(prizes: readonly Prize[]): Map<string, string> {
  return new Map(prizes.map((p) => [p.id, p.name]));
}
