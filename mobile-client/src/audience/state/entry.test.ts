import { describe, expect, it } from 'vitest';
import type {
  EventDto,
  JoinAckDto,
  OddsAggregateDto,
  ParticipantStateDto,
  RoundRevealDto,
  WinnerClaimDto,
  YouWonDto,
} from '@drawcast/shared';
import { eventSettingsFixture } from '@drawcast/shared/testing';
import {
  applyAggregate,
  applyEntriesClosed,
  applyFrozenCheck,
  applyForfeited,
  applyLocalOdds,
  applyRedeemed,
  applyReveal,
  applyRoundCommitted,
  applyRoundUpdated,
  applyYouWon,
  fromJoinAck,
  frozenListToCheck,
  mergeParticipantState,
  outcomeOf,
} from './entry';

const event: EventDto = {
  id: 'evt_1',
  title: 'Night',
  joinCode: 'ABC123',
  status: 'open',
  createdAt: 1,
  settings: eventSettingsFixture(),
};
const round = {
  id: 'rnd_1',
  prizeId: 'prz_1',
  prizeName: 'Headphones',
  commitment: 'c'.repeat(64),
  k: 2,
  entriesClosedAt: null,
  entryCount: null,
  entriesDigest: null,
};
const agg = (over: Partial<OddsAggregateDto> = {}): OddsAggregateDto => ({
  eventId: 'evt_1',
  roundId: 'rnd_1',
  k: 2,
  counts: { 1: 10, 3: 1 },
  total: 11,
  oddsByWeight: { 1: 0.15, 3: 0.4 },
  oddsExact: true,
  ...over,
});
const ack: JoinAckDto = {
  participantId: 'p_me',
  eventId: 'evt_1',
  nickname: 'Me',
  tickets: 3,
  created: true,
  event,
  round,
  aggregate: agg(),
  eligible: true,
  odds: 0.4,
  oddsExact: true,
  shareCode: 'S1',
  sharePath: '/join/ABC123?ref=S1',
  ticketBreakdown: { base: 1, referral: 2, earlyBird: 0, total: 3 },
  referral: null,
};
const claim = (over: Partial<WinnerClaimDto> = {}): WinnerClaimDto => ({
  id: 'clm_1',
  status: 'pending',
  code: 'CODE1',
  displayCode: 'CODE-1',
  qrSvg: '<svg/>',
  deadline: null,
  redeemedAt: null,
  forfeitedAt: null,
  forfeitReason: null,
  contactRequested: false,
  contact: null,
  ...over,
});
const reveal: RoundRevealDto = {
  eventId: 'evt_1',
  roundId: 'rnd_1',
  prizeId: 'prz_1',
  prizeName: 'Headphones',
  commitment: round.commitment,
  winners: [
    { participantId: 'p_x', nickname: '<b>x</b>' },
    { participantId: 'p_me', nickname: 'Me' },
  ],
  revealAt: 1000,
  proofUrl: '/api/rounds/rnd_1/proof',
};
const won: YouWonDto = {
  eventId: 'evt_1',
  roundId: 'rnd_1',
  prize: { id: 'prz_1', name: 'Headphones' },
  place: 2,
  revealAt: 1000,
  claim: claim(),
};
const stateDto = (over: Partial<ParticipantStateDto> = {}): ParticipantStateDto => ({
  event,
  participant: {
    id: 'p_me',
    nickname: 'Me',
    tickets: 3,
    phoneMasked: null,
    shareCode: 'S1',
    sharePath: '/join/ABC123?ref=S1',
    referrals: 2,
    checkedInAt: null,
  },
  ticketBreakdown: { base: 1, referral: 2, earlyBird: 0, total: 3 },
  round: null,
  aggregate: null,
  eligible: true,
  odds: null,
  oddsExact: true,
  pendingReveals: [],
  results: [reveal],
  wins: [won],
  forfeits: [],
  serverNow: 2000,
  ...over,
});

describe('join state', () => {
  it('starts from the join ack with exact odds', () => {
    const s = fromJoinAck(ack);
    expect(s.me).toMatchObject({ id: 'p_me', tickets: 3, sharePath: '/join/ABC123?ref=S1' });
    expect(s.odds).toEqual({ roundId: 'rnd_1', value: 0.4, exact: true });
  });
  it('has no figure yet while the server is still computing', () => {
    expect(fromJoinAck({ ...ack, odds: null, oddsExact: false }).odds).toEqual({
      roundId: 'rnd_1',
      value: null,
      exact: false,
    });
    expect(fromJoinAck({ ...ack, eligible: false }).odds).toEqual({
      roundId: 'rnd_1',
      value: 0,
      exact: true,
    });
  });
});

describe('applyAggregate', () => {
  it("takes this phone's ticket class from the server's exact odds", () => {
    const s = applyAggregate(fromJoinAck(ack), agg({ oddsByWeight: { 1: 0.1, 3: 0.3 }, total: 20 }));
    expect(s.odds).toEqual({ roundId: 'rnd_1', value: 0.3, exact: true });
  });
  it('keeps the old figure but flags it when the new one is not exact yet', () => {
    const s = applyAggregate(fromJoinAck(ack), agg({ oddsByWeight: { 1: 0.2, 3: 0.5 }, oddsExact: false }));
    expect(s.odds).toEqual({ roundId: 'rnd_1', value: 0.5, exact: false });
    const old = applyAggregate(fromJoinAck(ack), agg({ oddsByWeight: undefined, oddsExact: undefined }));
    expect(old.odds).toEqual({ roundId: 'rnd_1', value: 0.4, exact: false });
  });
  it('ignores another round or event, and takes a local figure only for the current aggregate', () => {
    const s = fromJoinAck(ack);
    expect(applyAggregate(s, agg({ roundId: 'rnd_2' }))).toBe(s);
    expect(applyAggregate(s, agg({ eventId: 'evt_2' }))).toBe(s);
    const a = agg({ oddsExact: false });
    const next = applyAggregate(s, a);
    expect(applyLocalOdds(next, a, 0.33).odds).toEqual({ roundId: 'rnd_1', value: 0.33, exact: true });
    expect(applyLocalOdds(next, agg(), 0.9)).toBe(next);
  });
});

describe('rounds and results', () => {
  it('enters a new round when none is open and leaves it when cancelled', () => {
    const s = { ...fromJoinAck(ack), round: null, odds: null };
    const r = {
      eventId: 'evt_1',
      roundId: 'rnd_9',
      prizeId: 'p',
      prizeName: 'Mug',
      commitment: 'd',
      publicEntropy: '',
      k: 1,
      status: 'committed' as const,
      createdAt: 5,
      entriesClosedAt: null,
      entryCount: null,
      entriesDigest: null,
    };
    const entered = applyRoundCommitted(s, r);
    expect(entered.round?.id).toBe('rnd_9');
    expect(entered.odds).toEqual({ roundId: 'rnd_9', value: null, exact: false });
    expect(applyRoundUpdated(entered, { ...r, status: 'cancelled' }).round).toBeNull();
  });
  it('a reveal ends the round and records the result once', () => {
    let s = applyReveal(fromJoinAck(ack), reveal);
    s = applyReveal(s, reveal);
    expect(s.round).toBeNull();
    expect(s.results).toHaveLength(1);
    expect(outcomeOf(s, reveal)).toMatchObject({ won: true, place: 2, win: null });
    const other = { ...reveal, winners: [{ participantId: 'p_x', nickname: 'x' }] };
    expect(outcomeOf(s, other).won).toBe(false);
  });
  it('tracks a win through redeemed and forfeited', () => {
    let s = applyYouWon(fromJoinAck(ack), won);
    expect(outcomeOf(s, reveal).win?.claim?.code).toBe('CODE1');
    s = applyRedeemed(s, { eventId: 'evt_1', roundId: 'rnd_1', claimId: 'clm_1', redeemedAt: 77 });
    expect(s.wins[0]!.claim).toMatchObject({ status: 'redeemed', redeemedAt: 77 });
    // A late duplicate you:won (pending) must not undo the redemption.
    s = applyYouWon(s, won);
    expect(s.wins[0]!.claim?.status).toBe('redeemed');
    const f = applyForfeited(applyYouWon(fromJoinAck(ack), won), {
      eventId: 'evt_1',
      roundId: 'rnd_1',
      claimId: 'clm_1',
      prize: won.prize,
      place: 2,
      reason: 'deadline',
      forfeitedAt: 9,
    });
    expect(f.wins[0]!.claim).toMatchObject({ status: 'forfeited', code: null, forfeitReason: 'deadline' });
  });
});

describe('mergeParticipantState (reconnect)', () => {
  it('restores a win that happened while offline', () => {
    const s = mergeParticipantState(fromJoinAck(ack), stateDto());
    expect(s.round).toBeNull();
    expect(s.results.map((r) => r.roundId)).toEqual(['rnd_1']);
    expect(s.wins[0]!.claim?.code).toBe('CODE1');
    expect(s.me.referrals).toBe(2);
  });
  it('keeps what the phone saw live and never moves a claim back to pending', () => {
    const live = applyRedeemed(applyYouWon(fromJoinAck(ack), won), {
      eventId: 'evt_1',
      roundId: 'rnd_1',
      claimId: 'clm_1',
      redeemedAt: 5,
    });
    const other: RoundRevealDto = { ...reveal, roundId: 'rnd_0' };
    const seen = applyReveal(live, other);
    const merged = mergeParticipantState(seen, stateDto());
    expect(merged.wins[0]!.claim?.status).toBe('redeemed');
    expect(merged.results.map((r) => r.roundId).sort()).toEqual(['rnd_0', 'rnd_1']);
  });
  it('applies forfeits from the state and drops pending reveals already resulted', () => {
    const merged = mergeParticipantState(
      null,
      stateDto({
        pendingReveals: [
          { roundId: 'rnd_1', prizeId: 'p', prizeName: 'x', revealAt: 1 },
          { roundId: 'rnd_2', prizeId: 'p', prizeName: 'y', revealAt: 2 },
        ],
        forfeits: [
          {
            eventId: 'evt_1',
            roundId: 'rnd_1',
            claimId: 'clm_1',
            prize: won.prize,
            place: 2,
            reason: 'no_show',
            forfeitedAt: 3,
          },
        ],
      }),
    );
    expect(merged.pending.map((p) => p.roundId)).toEqual(['rnd_2']);
    expect(merged.wins[0]!.claim?.status).toBe('forfeited');
  });
});

describe('the frozen list check', () => {
  const closed = {
    eventId: 'evt_1',
    roundId: 'rnd_1',
    prizeId: 'prz_1',
    commitment: 'c'.repeat(64),
    entryCount: 11,
    entriesDigest: 'd'.repeat(64),
    entriesClosedAt: 50,
    entriesUrl: '/api/rounds/rnd_1/entries',
  };
  it('asks for a check once entries close, once per round, and keeps its result across state refreshes', () => {
    const joined = fromJoinAck(ack);
    expect(frozenListToCheck(joined)).toBeNull();
    const s = applyEntriesClosed(joined, closed);
    expect(s.round).toMatchObject({ entryCount: 11, entriesDigest: 'd'.repeat(64), entriesClosedAt: 50 });
    expect(frozenListToCheck(s)).toEqual({ roundId: 'rnd_1', digest: 'd'.repeat(64) });
    const checked = applyFrozenCheck(s, { roundId: 'rnd_1', status: 'in' });
    expect(frozenListToCheck(checked)).toBeNull();
    expect(applyFrozenCheck(s, { roundId: 'rnd_other', status: 'in' })).toBe(s);
    expect(applyEntriesClosed(joined, { ...closed, roundId: 'rnd_other' })).toBe(joined);
  });
});
