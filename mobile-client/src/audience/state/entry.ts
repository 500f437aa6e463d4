// The phone's state as pure updates: join ack, reconnect state, live broadcasts. No socket, no Vue.
import type {
  ClaimRedeemedDto,
  EventDto,
  JoinAckDto,
  OddsAggregateDto,
  ParticipantStateDto,
  PendingRevealDto,
  RoundEntriesClosedDto,
  RoundPublicDto,
  RoundRevealDto,
  RoundSummaryDto,
  TicketBreakdownDto,
  WinnerClaimDto,
  YouForfeitedDto,
  YouWonDto,
} from '@drawcast/shared';

/** Who this phone is in the event. */
export interface Me {
  id: string;
  nickname: string;
  tickets: number;
  phoneMasked: string | null;
  shareCode: string | null;
  sharePath: string | null;
  referrals: number;
}

/** This phone's odds for the open round, and whether the figure belongs to the latest aggregate. */
export interface MyOdds {
  roundId: string;
  value: number | null;
  exact: boolean;
}

/** Everything the entry, reveal, wins and verify views render. */
export interface EntryState {
  event: EventDto;
  me: Me;
  ticketBreakdown: TicketBreakdownDto | null;
  round: RoundSummaryDto | null;
  aggregate: OddsAggregateDto | null;
  eligible: boolean;
  odds: MyOdds | null;
  /** Drawn rounds whose result is not out yet ("drawing…"). */
  pending: PendingRevealDto[];
  /** Results, oldest first, one per round. */
  results: RoundRevealDto[];
  /** This phone's wins, one per round. */
  wins: YouWonDto[];
  /** This phone's own check that its entry is in the round's frozen list (once entries close). */
  frozen?: FrozenCheck | null;
}

/** The outcome of checking the published frozen list of a closed round against its digest. */
export interface FrozenCheck {
  roundId: string;
  status: 'checking' | 'in' | 'out' | 'failed';
}

/** `round:entriesClosed`: the round's list froze; its size and digest are public from now on. */
export function applyEntriesClosed(state: EntryState, c: RoundEntriesClosedDto): EntryState {
  if (!state.round || state.round.id !== c.roundId) return state;
  const round = {
    ...state.round,
    entriesClosedAt: c.entriesClosedAt,
    entryCount: c.entryCount,
    entriesDigest: c.entriesDigest,
  };
  return { ...state, round };
}

/** The check's result; ignored when the phone has moved on to another round meanwhile. */
export function applyFrozenCheck(state: EntryState, check: FrozenCheck): EntryState {
  if (!state.round || state.round.id !== check.roundId) return state;
  return { ...state, frozen: check };
}

/** The round whose frozen list still needs checking by this phone, or null. */
export function frozenListToCheck(state: EntryState): { roundId: string; digest: string } | null {
  const r = state.round;
  if (!r || r.entriesClosedAt === null || !r.entriesDigest || !state.eligible) return null;
  if (state.frozen && state.frozen.roundId === r.id) return null;
  return { roundId: r.id, digest: r.entriesDigest };
}

function oddsFrom(
  round: RoundSummaryDto | null,
  odds: number | null,
  exact: boolean,
  eligible: boolean,
): MyOdds | null {
  if (!round) return null;
  if (!eligible) return { roundId: round.id, value: 0, exact: true };
  return { roundId: round.id, value: odds, exact: odds === null ? false : exact };
}

/** The state right after `event:join`. */
export function fromJoinAck(ack: JoinAckDto): EntryState {
  return {
    event: ack.event,
    me: {
      id: ack.participantId,
      nickname: ack.nickname,
      tickets: ack.tickets,
      phoneMasked: null,
      shareCode: ack.shareCode,
      sharePath: ack.sharePath,
      referrals: 0,
    },
    ticketBreakdown: ack.ticketBreakdown,
    round: ack.round,
    aggregate: ack.aggregate,
    eligible: ack.eligible,
    odds: oddsFrom(ack.round, ack.odds, ack.oddsExact, ack.eligible),
    pending: [],
    results: [],
    wins: [],
  };
}

const FINAL: ReadonlyArray<WinnerClaimDto['status']> = ['redeemed', 'forfeited'];

/** The claim that knows more: a redeemed/forfeited one is never turned back to pending by an older copy. */
function newerClaim(
  a: WinnerClaimDto | null | undefined,
  b: WinnerClaimDto | null | undefined,
): WinnerClaimDto | null {
  if (!a) return b ?? null;
  if (!b) return a;
  if (FINAL.includes(a.status) && !FINAL.includes(b.status)) return a;
  return b;
}

function byRound<T extends { roundId: string }>(base: T[], incoming: T[], merge: (a: T, b: T) => T): T[] {
  const out = [...base];
  for (const item of incoming) {
    const i = out.findIndex((x) => x.roundId === item.roundId);
    if (i === -1) out.push(item);
    else out[i] = merge(out[i]!, item);
  }
  return out;
}

/**
 * Reconnect merging: the server's state is the truth for entry, round and odds; results and wins are
 * unioned by round (nothing a phone saw live is dropped), and a claim never moves back to pending.
 */
export function mergeParticipantState(prev: EntryState | null, s: ParticipantStateDto): EntryState {
  const wins = byRound(prev?.wins ?? [], s.wins, (a, b) => ({ ...b, claim: newerClaim(a.claim, b.claim) }));
  const withForfeits = s.forfeits.reduce(applyForfeited, { wins } as Pick<EntryState, 'wins'>).wins;
  const results = byRound(prev?.results ?? [], s.results, (_a, b) => b);
  const resultIds = new Set(results.map((r) => r.roundId));
  return {
    event: s.event,
    me: {
      id: s.participant.id,
      nickname: s.participant.nickname,
      tickets: s.participant.tickets,
      phoneMasked: s.participant.phoneMasked,
      shareCode: s.participant.shareCode,
      sharePath: s.participant.sharePath,
      referrals: s.participant.referrals,
    },
    ticketBreakdown: s.ticketBreakdown,
    round: s.round,
    aggregate: s.aggregate,
    eligible: s.eligible,
    odds: oddsFrom(s.round, s.odds, s.oddsExact, s.eligible),
    pending: s.pendingReveals.filter((p) => !resultIds.has(p.roundId)),
    results,
    wins: withForfeits,
    frozen: prev?.frozen && s.round && prev.frozen.roundId === s.round.id ? prev.frozen : null,
  };
}

/**
 * A live `odds:aggregate`: the server's exact odds for this phone's ticket count when it sends them; when
 * they are marked not exact (or absent), the last figure stays but is flagged as not exact.
 */
export function applyAggregate(state: EntryState, a: OddsAggregateDto): EntryState {
  if (a.eventId !== state.event.id || !state.round || a.roundId !== state.round.id) return state;
  const next: EntryState = { ...state, aggregate: a };
  if (!state.eligible) return next;
  if (a.oddsByWeight) {
    const value = a.total === 0 ? 0 : (a.oddsByWeight[state.me.tickets] ?? 0);
    next.odds = { roundId: a.roundId, value, exact: a.oddsExact !== false };
  } else {
    next.odds = { roundId: a.roundId, value: state.odds?.value ?? null, exact: false };
  }
  return next;
}

/** Odds the phone computed itself (in a worker) for exactly this aggregate. */
export function applyLocalOdds(state: EntryState, aggregate: OddsAggregateDto, value: number): EntryState {
  if (state.aggregate !== aggregate || !state.eligible) return state;
  return { ...state, odds: { roundId: aggregate.roundId, value, exact: true } };
}

/** `round:committed`: a new round to be entered in; eligibility is confirmed by the next state refresh. */
export function applyRoundCommitted(state: EntryState, r: RoundPublicDto): EntryState {
  if (r.eventId !== state.event.id || r.status !== 'committed') return state;
  if (state.round && state.round.id !== r.roundId) return state; // phones' odds follow the oldest open round
  const round: RoundSummaryDto = {
    id: r.roundId,
    prizeId: r.prizeId,
    prizeName: r.prizeName,
    commitment: r.commitment,
    k: r.k,
    entriesClosedAt: r.entriesClosedAt,
    entryCount: r.entryCount,
    entriesDigest: r.entriesDigest,
  };
  return {
    ...state,
    round,
    odds: state.round?.id === r.roundId ? state.odds : { roundId: r.roundId, value: null, exact: false },
  };
}

/** `round:updated`: a cancelled round leaves the entry view. */
export function applyRoundUpdated(state: EntryState, r: RoundPublicDto): EntryState {
  if (r.eventId !== state.event.id || state.round?.id !== r.roundId) return state;
  if (r.status === 'cancelled') return { ...state, round: null, aggregate: null, odds: null };
  return { ...state, round: { ...state.round, commitment: r.commitment, k: r.k } };
}

/** `round:reveal`: the result is stored (shown at its revealAt) and the round leaves the entry view. */
export function applyReveal(state: EntryState, r: RoundRevealDto): EntryState {
  if (r.eventId !== state.event.id) return state;
  const drawnNow = state.round?.id === r.roundId;
  return {
    ...state,
    results: byRound(state.results, [r], (_a, b) => b),
    pending: state.pending.filter((p) => p.roundId !== r.roundId),
    round: drawnNow ? null : state.round,
    aggregate: drawnNow ? null : state.aggregate,
    odds: drawnNow ? null : state.odds,
  };
}

/** `you:won`: one win per round; the claim keeps its most final status. */
export function applyYouWon(state: EntryState, w: YouWonDto): EntryState {
  if (w.eventId !== state.event.id) return state;
  return {
    ...state,
    wins: byRound(state.wins, [w], (a, b) => ({ ...b, claim: newerClaim(a.claim, b.claim) })),
  };
}

/** `claim:redeemed`: the code was used at the prize desk. */
export function applyRedeemed(state: EntryState, r: ClaimRedeemedDto): EntryState {
  return {
    ...state,
    wins: state.wins.map((w) =>
      w.claim?.id === r.claimId
        ? { ...w, claim: { ...w.claim, status: 'redeemed' as const, redeemedAt: r.redeemedAt, qrSvg: null } }
        : w,
    ),
  };
}

/** `you:forfeited`: the win was given up; its code no longer works. */
export function applyForfeited<S extends Pick<EntryState, 'wins'>>(state: S, f: YouForfeitedDto): S {
  return {
    ...state,
    wins: state.wins.map((w) =>
      w.roundId === f.roundId && w.claim
        ? {
            ...w,
            claim: {
              ...w.claim,
              status: 'forfeited' as const,
              forfeitedAt: f.forfeitedAt,
              forfeitReason: f.reason,
              code: null,
              displayCode: null,
              qrSvg: null,
            },
          }
        : w,
    ),
  };
}

/** What the result screen says about a round for this phone. */
export interface Outcome {
  won: boolean;
  place: number | null;
  prizeName: string;
  win: YouWonDto | null;
}

/** Won or not: this phone's id among the winners (the code itself comes with you:won). */
export function outcomeOf(state: EntryState, r: RoundRevealDto): Outcome {
  const place = r.winners.findIndex((w) => w.participantId === state.me.id);
  const win = state.wins.find((w) => w.roundId === r.roundId) ?? null;
  return {
    won: place !== -1 || win !== null,
    place: win?.place ?? (place === -1 ? null : place + 1),
    prizeName: r.prizeName,
    win,
  };
}

/** A joined event's state after an `event:updated`. */
export function applyEventUpdated(state: EntryState, e: EventDto): EntryState {
  return e.id === state.event.id ? { ...state, event: e } : state;
}
