// Every broadcast of a live event: commitments, throttled odds, audience counts and the held-back reveal.
import { rooms } from '@drawcast/shared';
import type { ImportProgressDto, JoinSpikeDto, OddsAggregateDto, SupportMessageDto } from '@drawcast/shared';
import type { Logger } from 'pino';
import type { DrawEvent } from '../domain/types';
import type { ClaimStaffView, Clock, DrawcastService, RoundView } from '../services/types';
import { toClaimDto, toForfeitedDto, toRedeemedDto } from '../commands/mappers/claimMapper';
import { toEntriesClosedDto } from '../commands/mappers/entriesMapper';
import { buildWinnerNotices } from '../commands/winnerNotices';
import type { WinnerNotice } from '../commands/winnerNotices';
import { KeyedThrottle } from './keyedThrottle';
import { OddsPacer } from './oddsPacer';
import type { OddsPacing } from './oddsPacer';
import type { RevealScheduler } from '../commands/revealScheduler';
import type { RevealDue } from '../domain/revealDues';
import type { DrawcastIo } from './socketTypes';
import {
  isDrawn,
  toAggregateDto,
  toPublicRoundDrawnDto,
  toRoundDrawnDto,
  toRoundPublicDto,
  toRoundRevealDto,
  youWonMessages,
} from '../commands/mappers/roundMapper';
import type { DrawnRoundView } from '../commands/mappers/roundMapper';
import { toEventDto } from '../commands/mappers/eventMapper';
import type { Broadcaster } from '../commands/broadcaster';

/** Follow-up broadcasts after inexact odds before the hub waits for the next real change. */
const MAX_INEXACT_FOLLOW_UPS = 20;

/** How the hub paces and slices its odds broadcasts. */
export interface LiveHubOptions extends OddsPacing {
  /**
   * Phones written to per event-loop turn: a big audience gets its broadcast in slices, so joins keep
   * being answered in between instead of waiting behind 20,000 socket writes.
   */
  oddsBroadcastSlice: number;
  /**
   * Several nodes (issue #13): every node learns of each draw from PostgreSQL and sends the round's
   * result to its own sockets only, so a Redis outage loses no reveal and none arrives twice.
   */
  revealsLocalOnly?: boolean;
}

/** Why: REST and socket host commands must broadcast the same way, so both call this one hub. */
export class LiveHub implements Broadcaster {
  private readonly odds: OddsPacer;
  private readonly audience: KeyedThrottle;
  /** Winners' notices prepared at the draw, sent by the scheduler at the phones' reveal. */
  private readonly prepared = new Map<string, Promise<WinnerNotice[]>>();
  /** Rounds whose draw was already planned here (a node hears of a draw from several paths). */
  private readonly announced = new Set<string>();
  /** Several nodes: told of each odds change made here, so the other nodes refresh their own phones. */
  private oddsRelay: ((eventId: string) => void) | null = null;
  /** Consecutive broadcasts per event whose odds were not exact yet (see followUpInexactOdds). */
  private readonly inexactFollowUps = new Map<string, number>();

  constructor(
    private readonly io: DrawcastIo,
    private readonly service: DrawcastService,
    private readonly clock: Clock,
    private readonly logger: Logger,
    private readonly pacing: LiveHubOptions,
    private readonly reveals: RevealScheduler,
  ) {
    this.odds = new OddsPacer(pacing, (eventId) => this.broadcastOdds(eventId));
    this.audience = new KeyedThrottle(pacing.oddsIntervalMs, (eventId) =>
      this.broadcastAudienceCount(eventId),
    );
  }

  private everyoneRooms(eventId: string): string[] {
    return [rooms.audience(eventId), rooms.stage(eventId), rooms.stagePublic(eventId), rooms.host];
  }

  /** Where reveals and odds go: every node's sockets, or (several nodes, each sending its own) this node's. */
  private get nodeIo() {
    return this.pacing.revealsLocalOnly ? this.io.local : this.io;
  }

  private everyone(eventId: string) {
    return this.io.to(this.everyoneRooms(eventId));
  }

  /** Title, status or settings changed. */
  eventUpdated(event: DrawEvent): void {
    this.everyone(event.id).emit('event:updated', toEventDto(event));
  }

  /** A new round's commitment, shown before entries close; its aggregate follows. */
  roundCommitted(round: RoundView): void {
    this.everyone(round.eventId).emit('round:committed', toRoundPublicDto(round));
    this.oddsChanged(round.eventId);
  }

  /** Issue #9: the entry list froze; its count and digest go to everyone at once, before any entropy. */
  entriesClosed(round: RoundView): void {
    const dto = toEntriesClosedDto(round);
    if (dto) this.everyone(round.eventId).emit('round:entriesClosed', dto);
    this.oddsChanged(round.eventId);
  }

  /** Public entropy set, or the round cancelled. */
  roundUpdated(round: RoundView): void {
    this.everyone(round.eventId).emit('round:updated', toRoundPublicDto(round));
    if (round.status !== 'committed') this.oddsChanged(round.eventId);
  }

  /** A join (or anything else) changed the current round's aggregate: broadcast soon, at most ~4/s. */
  oddsChanged(eventId: string): void {
    this.odds.notify(eventId);
    this.oddsRelay?.(eventId);
  }

  /** Several nodes: `relay` hears of every odds change made on this node (cluster/ tells the others). */
  relayOddsChanges(relay: (eventId: string) => void): void {
    this.oddsRelay = relay;
  }

  /** Another node's odds changed: this node paces a broadcast to its own phones (not relayed again). */
  oddsChangedElsewhere(eventId: string): void {
    this.odds.notify(eventId);
  }

  /** A friend joined through this participant's invite link: its own sockets refresh (bonus tickets). */
  participantReferred(eventId: string, referrerId: string): void {
    this.io.to(rooms.participant(referrerId)).emit('you:referred', { eventId });
  }

  /** A phone came or went. */
  audienceChanged(eventId: string): void {
    this.audience.notify(eventId);
  }

  /** Starts the broadcast and returns how many sockets it goes to (what the pacer charges). */
  private broadcastOdds(eventId: string): number {
    const adapterRooms = this.io.sockets.adapter.rooms;
    let recipients = 0;
    for (const room of this.everyoneRooms(eventId)) recipients += adapterRooms.get(room)?.size ?? 0;
    void this.service.currentAggregate(eventId).then(
      (aggregate) => {
        if (!aggregate) return;
        const odds = this.service.aggregateOdds(aggregate);
        this.sendInSlices(eventId, toAggregateDto(eventId, aggregate, odds));
        this.followUpInexactOdds(eventId, odds.exact);
      },
      (err: unknown) => this.logger.warn({ err, eventId }, 'odds broadcast failed'),
    );
    return recipients;
  }

  /**
   * A broadcast whose odds were not exact yet (worker still computing, or throttled) is followed by
   * another once the computation lands, so phones are never left with "not exact yet" after the last
   * join. Bounded per event, so a failing worker cannot keep the pacer busy forever.
   */
  private followUpInexactOdds(eventId: string, exact: boolean): void {
    if (exact) {
      this.inexactFollowUps.delete(eventId);
      return;
    }
    const done = this.inexactFollowUps.get(eventId) ?? 0;
    if (done >= MAX_INEXACT_FOLLOW_UPS) return;
    this.inexactFollowUps.set(eventId, done + 1);
    void this.service.oddsSettled().then(() => this.oddsChanged(eventId));
  }

  /**
   * Stage and host at once, the audience `oddsBroadcastSlice` sockets per event-loop turn (a phone that
   * joins meanwhile has these counts or newer in its join ack; one that left is skipped).
   */
  private sendInSlices(eventId: string, dto: OddsAggregateDto): void {
    this.nodeIo
      .to([rooms.stage(eventId), rooms.stagePublic(eventId), rooms.host])
      .emit('odds:aggregate', dto);
    const audience = [...(this.io.sockets.adapter.rooms.get(rooms.audience(eventId)) ?? [])];
    const slice = Math.max(1, this.pacing.oddsBroadcastSlice);
    const sendFrom = (start: number) => {
      this.nodeIo.to(audience.slice(start, start + slice)).emit('odds:aggregate', dto);
      if (start + slice < audience.length) setImmediate(() => sendFrom(start + slice));
    };
    if (audience.length > 0) sendFrom(0);
  }

  private broadcastAudienceCount(eventId: string): void {
    const count = this.audienceCount(eventId);
    this.io
      .to([rooms.stage(eventId), rooms.stagePublic(eventId), rooms.host])
      .emit('audience:count', { eventId, count });
  }

  /** New support messages go live to host consoles. */
  supportMessage(message: SupportMessageDto): void {
    this.io.to(rooms.host).emit('support:message', message);
  }

  /** Issue #14: a join-spike reading goes to host consoles only (never phones or stages). */
  joinSpike(spike: JoinSpikeDto): void {
    this.io.to(rooms.host).emit('host:joinSpike', spike);
  }

  /** An answer goes live to the phone that asked. */
  supportAnswered(message: SupportMessageDto): void {
    this.io.to(rooms.participant(message.participantId)).emit('support:answered', message);
  }

  /** Phones currently in an event's audience room. */
  audienceCount(eventId: string): number {
    return this.io.sockets.adapter.rooms.get(rooms.audience(eventId))?.size ?? 0;
  }

  /**
   * A round was drawn and stored: the winners' notices are prepared now (a QR each takes time), and the
   * reveal scheduler sends each part at its due time: trusted stages and the host at once, the audience
   * and public stages at the release instant, each winner's own socket at the phones' reveal.
   */
  roundDrawn(round: RoundView): void {
    if (!isDrawn(round)) {
      this.logger.error({ roundId: round.id }, 'roundDrawn called with an undrawn round');
      return;
    }
    if (this.announced.has(round.id)) return;
    this.announced.add(round.id);
    this.reveals.plan(round);
    this.prepared.set(round.id, this.prepareNotices(round));
    this.oddsChanged(round.eventId);
  }

  private prepareNotices(round: DrawnRoundView): Promise<WinnerNotice[]> {
    return buildWinnerNotices(this.service, round).catch((err: unknown) => {
      this.logger.warn({ err, roundId: round.id }, 'claims for you:won unavailable');
      return youWonMessages(round).map(([pid, win]): WinnerNotice => [pid, { ...win, claim: null }]);
    });
  }

  /** Sends one part of a round's reveal; called by the reveal scheduler at the part's due time. */
  async deliverReveal(due: RevealDue, round: DrawnRoundView): Promise<void> {
    if (due.kind === 'stage') {
      this.nodeIo.to([rooms.stage(round.eventId), rooms.host]).emit('round:drawn', toRoundDrawnDto(round));
    } else if (due.kind === 'audience') {
      this.nodeIo.to(rooms.audience(round.eventId)).emit('round:reveal', toRoundRevealDto(round));
      this.nodeIo.to(rooms.stagePublic(round.eventId)).emit('round:drawn', toPublicRoundDrawnDto(round));
    } else {
      const notices = await (this.prepared.get(round.id) ?? this.prepareNotices(round));
      this.prepared.delete(round.id);
      for (const [participantId, message] of notices) {
        this.nodeIo.to(rooms.participant(participantId)).emit('you:won', message);
      }
    }
  }

  /** A win was forfeited: the winner's sockets and the stages are told, the host's list refreshes, a unit is free. */
  claimForfeited(claim: ClaimStaffView): void {
    this.io.to(rooms.participant(claim.participantId)).emit('you:forfeited', toForfeitedDto(claim));
    this.io.to([rooms.stage(claim.eventId), rooms.stagePublic(claim.eventId)]).emit('stage:forfeited', {
      eventId: claim.eventId,
      roundId: claim.roundId,
      participantId: claim.participantId,
    });
    this.claimUpdated(claim);
  }

  /** Staff redeemed a code: the winner's phone turns its code screen into "collected". */
  claimRedeemed(claim: ClaimStaffView): void {
    this.io.to(rooms.participant(claim.participantId)).emit('claim:redeemed', toRedeemedDto(claim));
    this.claimUpdated(claim);
  }

  /** Host consoles keep their claims list current. */
  claimUpdated(claim: ClaimStaffView): void {
    this.io.to(rooms.host).emit('claim:updated', toClaimDto(claim));
  }

  /** A list import's progress, to host sockets (the console shows a bar). */
  importProgress(progress: ImportProgressDto): void {
    this.io.to(rooms.host).emit('import:progress', progress);
  }

  /** After a restart: re-arms the unsent reveal parts of every drawn round whose phone reveal is still ahead. */
  async rearm(): Promise<number> {
    const now = this.clock.now();
    const rounds: DrawnRoundView[] = [];
    for (const event of await this.service.listEvents()) {
      for (const round of await this.service.listRounds(event.id)) {
        if (isDrawn(round) && round.phoneRevealAt > now) rounds.push(round);
      }
    }
    const armed = await this.reveals.rearm(rounds);
    for (const round of rounds) {
      if (!this.prepared.has(round.id)) this.prepared.set(round.id, this.prepareNotices(round));
    }
    return armed;
  }

  /** Audience releases still held back (for tests and logs). */
  get pendingReveals(): number {
    return this.reveals.pendingCount('audience');
  }

  /** Stops every timer; pending reveals are re-armed from the store at the next start. */
  close(): void {
    this.odds.close();
    this.audience.close();
    this.reveals.close();
    this.prepared.clear();
  }
}
