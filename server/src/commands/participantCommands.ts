// Phone commands shared by the socket and REST: join, state sync, check-in, shipping contact, and the
// public reads (pre-join event info, proofs).
import { failpoint } from '../failpoint';
import type {
  FrozenEntriesDto,
  JoinAckDto,
  OpenEventDto,
  ParticipantStateDto,
  PublicEventInfoDto,
  RoundRevealDto,
  WinnerClaimDto,
  YouForfeitedDto,
  YouWonDto,
} from '@drawcast/shared';
import type {
  CheckInInput,
  CheckInResult,
  Clock,
  DrawcastService,
  JoinInput,
  ProofDocument,
  ShippingContactInput,
} from '../services/types';
import type { Broadcaster } from './broadcaster';
import type { JoinLimits } from './joinLimits';
import type { JoinSpikes } from './joinSpikes';
import { toForfeitedDto, toWinnerClaimDto } from './mappers/claimMapper';
import { toFrozenEntriesDto } from './mappers/entriesMapper';
import { toEventDto, toOpenEventDto } from './mappers/eventMapper';
import { openRoundSummary, sharePathOf, toJoinAckDto } from './mappers/participantMapper';
import { toPublicPrizeDto } from './mappers/prizeMapper';
import {
  isDrawn,
  revealedResultToDto,
  toAggregateDto,
  toRoundRevealDto,
  toRoundSummaryDto,
} from './mappers/roundMapper';
import type { DrawcastMetrics } from './metrics';
import { isReleased } from './revealTiming';
import { buildWinnerNotices } from './winnerNotices';

/** An event named by id or by its join code. */
export interface EventRef {
  eventId?: string;
  joinCode?: string;
}

/** Why: the phone's protocol, without the rooms and sockets the transport adds around it. */
export class ParticipantCommands {
  constructor(
    private readonly service: DrawcastService,
    private readonly hub: Broadcaster,
    private readonly clock: Clock,
    private readonly limits: JoinLimits,
    private readonly metrics: DrawcastMetrics,
    /** Issue #14: every attempt that names a real event feeds the join-spike watch (refused ones too). */
    private readonly spikes?: JoinSpikes,
  ) {}

  /** Rate-limited join (per IP and device); a new entry changes the odds, so their broadcast follows. */
  async join(input: JoinInput, ip: string): Promise<JoinAckDto> {
    try {
      try {
        await this.limits.consume(ip, input.deviceToken);
      } catch (err) {
        await this.recordRefused(input, ip);
        throw err;
      }
      const joined = await this.service.join(input);
      this.spikes?.record(joined.event.id, ip, joined.created ? joined.participant.id : null);
      this.metrics.joins.inc({ result: joined.created ? 'created' : 'existing' });
      if (joined.created) this.hub.oddsChanged(joined.event.id);
      if (joined.referrerId) this.hub.participantReferred(joined.event.id, joined.referrerId);
      return toJoinAckDto(joined);
    } catch (err) {
      this.metrics.joins.inc({ result: 'failed' });
      throw err;
    }
  }

  /** A refused attempt still counts towards the spike, under the event it names (if it names one). */
  private async recordRefused(input: JoinInput, ip: string): Promise<void> {
    if (!this.spikes) return;
    try {
      this.spikes.record(await this.resolveEventId(input), ip, null);
    } catch {
      // an unknown event: nothing to watch
    }
  }

  /** The event's id from an id or a join code (EVENT_NOT_FOUND). */
  async resolveEventId(ref: EventRef): Promise<string> {
    if (ref.eventId) return (await this.service.getEvent(ref.eventId)).id;
    return (await this.service.getEventByJoinCode(ref.joinCode!)).id;
  }

  /** The participant id of this device in the event, or null before it joined. */
  async participantIdOf(eventId: string, deviceToken: string): Promise<string | null> {
    return (await this.service.getParticipantByDevice(eventId, deviceToken))?.id ?? null;
  }

  /** A scanned check-in QR (the phone's own, or staff at the door); odds may change. */
  async checkIn(input: CheckInInput): Promise<CheckInResult> {
    const result = await this.service.checkIn(input);
    if (!result.alreadyCheckedIn) this.hub.oddsChanged(result.event.id);
    return result;
  }

  /** The winner's phone gives its shipping contact (proves itself with its device token). */
  async submitShippingContact(input: ShippingContactInput): Promise<WinnerClaimDto> {
    const claim = await this.service.submitShippingContact(input);
    const held = failpoint('after-contact-commit');
    if (held) await held;
    return toWinnerClaimDto(claim);
  }

  /** The phone app at `/` (the URL the server prints as a QR code): which draws are open to join now. */
  async openEvents(): Promise<OpenEventDto[]> {
    return (await this.service.listEvents()).filter((e) => e.status === 'open').map(toOpenEventDto);
  }

  /** What a phone sees after scanning the QR, before joining (with what can be won). */
  async publicEventInfo(joinCode: string): Promise<PublicEventInfoDto> {
    const event = await this.service.getEventByJoinCode(joinCode);
    const [participants, round, prizes] = await Promise.all([
      this.service.countParticipants(event.id),
      this.service.currentRound(event.id),
      this.service.listPrizes(event.id),
    ]);
    return {
      id: event.id,
      title: event.title,
      joinCode: event.joinCode,
      status: event.status,
      requirePhone: event.settings.requirePhone,
      participants,
      round: round ? toRoundSummaryDto(round) : null,
      prizes: prizes.map(toPublicPrizeDto),
      retentionDays: event.settings.retentionDays,
    };
  }

  /** A round's proof (the seed hidden until the phones' reveal). */
  proof(roundId: string): Promise<ProofDocument> {
    return this.service.getProof(roundId);
  }

  /** Issue #9: a closed round's frozen list, so a phone can check its own entry before the draw. */
  async frozenEntries(roundId: string): Promise<FrozenEntriesDto> {
    return toFrozenEntriesDto(await this.service.getFrozenEntries(roundId));
  }

  /**
   * The phone's whole state. Rounds whose audience broadcast has already gone out but whose phone reveal
   * is still ahead are included with their winners, so a phone reconnecting in that window loses nothing.
   */
  async state(eventId: string, deviceToken: string): Promise<ParticipantStateDto> {
    const service = this.service;
    const view = await service.participantState(eventId, deviceToken);
    const me = view.participant.id;
    const results: RoundRevealDto[] = view.results.map((r) => revealedResultToDto(eventId, r));
    const revealAtByRound = new Map(view.results.map((r) => [r.roundId, r.phoneRevealAt]));
    const wins: YouWonDto[] = view.wins.map((w) => ({
      eventId,
      roundId: w.roundId,
      prize: { id: w.prizeId, name: w.prizeName },
      place: w.place,
      revealAt: revealAtByRound.get(w.roundId) ?? 0,
      claim: w.claim ? toWinnerClaimDto(w.claim) : null,
    }));
    const forfeits: YouForfeitedDto[] = [];
    for (const w of view.wins) {
      if (w.claim?.status !== 'forfeited') continue;
      forfeits.push(
        toForfeitedDto({
          id: w.claim.id,
          eventId,
          roundId: w.roundId,
          prizeId: w.prizeId,
          prizeName: w.prizeName,
          place: w.place,
          forfeitReason: w.claim.forfeitReason,
          forfeitedAt: w.claim.forfeitedAt,
        }),
      );
    }
    const pendingReveals = [];
    for (const pending of view.pendingReveals) {
      const round = await service.getRound(pending.roundId);
      if (isDrawn(round) && isReleased(round, this.clock.now())) {
        results.push(toRoundRevealDto(round));
        for (const [, win] of await buildWinnerNotices(service, round, me)) wins.push(win);
      } else {
        pendingReveals.push({
          roundId: pending.roundId,
          prizeId: pending.prizeId,
          prizeName: pending.prizeName,
          revealAt: pending.phoneRevealAt,
        });
      }
    }
    const open = view.openRound;
    return {
      event: toEventDto(view.event),
      participant: {
        id: me,
        nickname: view.participant.nickname,
        tickets: view.tickets,
        phoneMasked: view.participant.phoneMasked,
        shareCode: view.participant.shareCode,
        sharePath: sharePathOf(view.event.joinCode, view.participant.shareCode),
        referrals: view.participant.referrals,
        checkedInAt: view.participant.checkedInAt,
      },
      ticketBreakdown: { ...view.ticketBreakdown },
      round: open ? openRoundSummary(open) : null,
      // With every class's odds, so the phone's rules chart needs no broadcast after a reload.
      aggregate: open ? toAggregateDto(eventId, open.aggregate, service.aggregateOdds(open.aggregate)) : null,
      eligible: open ? open.eligible : true,
      odds: open ? open.odds : null,
      oddsExact: open ? open.oddsExact : true,
      pendingReveals,
      results,
      wins,
      forfeits,
      serverNow: view.serverNow,
    };
  }
}
