// Every broadcast of a live event: commitments, throttled odds, audience counts and the held-back reveal.
import { rooms } from '@drawcast/shared';
import type { ImportProgressDto, OddsAggregateDto, YouWonDto } from '@drawcast/shared';
import type { Logger } from 'pino';
import type { DrawEvent } from '../domain/types';
import type { ClaimStaffView, Clock, DrawcastService, RoundView } from '../services/types';
import { toClaimDto, toForfeitedDto, toRedeemedDto, winnerClaimFromStaff } from './claim-views';
import { KeyedThrottle } from './keyed-throttle';
import { OddsPacer } from './odds-pacer';
import type { OddsPacing } from './odds-pacer';
import { RevealScheduler, audienceReleaseAt } from './reveal-scheduler';
import type { DrawcastIo } from './types';
import {
  isDrawn,
  toAggregateDto,
  toEventDto,
  toPublicRoundDrawnDto,
  toRoundDrawnDto,
  toRoundPublicDto,
  toRoundRevealDto,
  youWonMessages,
} from './views';
import type { DrawnRoundView } from './views';

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
export class LiveHub {
  private readonly odds: OddsPacer;
  private readonly audience: KeyedThrottle;
  private readonly reveals: RevealScheduler;
  /** The winners' own notices (with their redemption codes) go out at phoneRevealAt, never earlier. */
  private readonly winNotices: RevealScheduler;
  /** Rounds whose draw was already announced here (a node hears of a draw from several paths). */
  private readonly announced = new Set<string>();

  constructor(
    private readonly io: DrawcastIo,
    private readonly service: DrawcastService,
    private readonly clock: Clock,
    private readonly logger: Logger,
    private readonly pacing: LiveHubOptions,
  ) {
    this.odds = new OddsPacer(pacing, (eventId) => this.broadcastOdds(eventId));
    this.audience = new KeyedThrottle(pacing.oddsIntervalMs, (eventId) =>
      this.broadcastAudienceCount(eventId),
    );
    this.reveals = new RevealScheduler(() => clock.now());
    this.winNotices = new RevealScheduler(() => clock.now());
  }

  private everyoneRooms(eventId: string): string[] {
    return [rooms.audience(eventId), rooms.stage(eventId), rooms.stagePublic(eventId), rooms.host];
  }

  /** Where reveals go: every node's sockets, or (several nodes) this node's own. */
  private get revealIo() {
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

  /** Public entropy set, or the round cancelled. */
  roundUpdated(round: RoundView): void {
    this.everyone(round.eventId).emit('round:updated', toRoundPublicDto(round));
    if (round.status !== 'committed') this.oddsChanged(round.eventId);
  }

  /** A join (or anything else) changed the current round's aggregate: broadcast soon, at most ~4/s. */
  oddsChanged(eventId: string): void {
    this.odds.notify(eventId);
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
        if (aggregate) this.sendInSlices(eventId, toAggregateDto(eventId, aggregate));
      },
      (err: unknown) => this.logger.warn({ err, eventId }, 'odds broadcast failed'),
    );
    return recipients;
  }

  /**
   * Stage and host at once, the audience `oddsBroadcastSlice` sockets per event-loop turn (a phone that
   * joins meanwhile has these counts or newer in its join ack; one that left is skipped).
   */
  private sendInSlices(eventId: string, dto: OddsAggregateDto): void {
    this.io.to([rooms.stage(eventId), rooms.stagePublic(eventId), rooms.host]).emit('odds:aggregate', dto);
    const audience = [...(this.io.sockets.adapter.rooms.get(rooms.audience(eventId)) ?? [])];
    const slice = Math.max(1, this.pacing.oddsBroadcastSlice);
    const sendFrom = (start: number) => {
      this.io.to(audience.slice(start, start + slice)).emit('odds:aggregate', dto);
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

  /** Phones currently in an event's audience room. */
  audienceCount(eventId: string): number {
    return this.io.sockets.adapter.rooms.get(rooms.audience(eventId))?.size ?? 0;
  }

  /**
   * A round was drawn and stored: trusted stages and the host get it at once; the audience, public
   * stages and the winners' own sockets get it at the release instant (at once without a stream delay).
   */
  roundDrawn(round: RoundView): void {
    if (!isDrawn(round)) {
      this.logger.error({ roundId: round.id }, 'roundDrawn called with an undrawn round');
      return;
    }
    if (this.announced.has(round.id)) return;
    this.announced.add(round.id);
    this.revealIo.to([rooms.stage(round.eventId), rooms.host]).emit('round:drawn', toRoundDrawnDto(round));
    this.scheduleAudienceReveal(round);
    this.oddsChanged(round.eventId);
  }

  private scheduleAudienceReveal(round: DrawnRoundView): void {
    this.reveals.schedule(round.id, audienceReleaseAt(round), () => {
      this.revealIo.to(rooms.audience(round.eventId)).emit('round:reveal', toRoundRevealDto(round));
      this.revealIo.to(rooms.stagePublic(round.eventId)).emit('round:drawn', toPublicRoundDrawnDto(round));
      this.winNotices.schedule(round.id, round.phoneRevealAt, () => void this.notifyWinners(round));
    });
  }

  /** `you:won` with each winner's claim (code + QR); the place is the claim's (a redraw keeps its slot's). */
  private async notifyWinners(round: DrawnRoundView): Promise<void> {
    let claims: ClaimStaffView[] = [];
    let event: DrawEvent | null = null;
    try {
      event = await this.service.getEvent(round.eventId);
      claims = (await this.service.listClaims(round.eventId)).filter((c) => c.roundId === round.id);
    } catch (err) {
      this.logger.warn({ err, roundId: round.id }, 'claims for you:won unavailable');
    }
    const now = this.clock.now();
    for (const [participantId, win] of youWonMessages(round)) {
      const claim = claims.find((c) => c.participantId === participantId);
      const message: YouWonDto = { ...win, claim: null };
      if (claim && event) {
        message.place = claim.place;
        message.claim = await winnerClaimFromStaff(claim, event, now);
      }
      this.revealIo.to(rooms.participant(participantId)).emit('you:won', message);
    }
  }

  /** A win was forfeited: the winner's sockets are told, the host's list refreshes, a prize unit is free. */
  claimForfeited(claim: ClaimStaffView): void {
    this.io.to(rooms.participant(claim.participantId)).emit('you:forfeited', toForfeitedDto(claim));
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

  /** True once the audience may know this round's result (reconnecting phones get it directly then). */
  isReleased(round: { drawnAt: number; revealAt: number; phoneRevealAt: number }): boolean {
    return this.clock.now() >= audienceReleaseAt(round);
  }

  /** After a restart: re-arms the audience reveal of every drawn round whose phone reveal is still ahead. */
  async rearm(): Promise<number> {
    const now = this.clock.now();
    let armed = 0;
    for (const event of await this.service.listEvents()) {
      for (const round of await this.service.listRounds(event.id)) {
        if (isDrawn(round) && round.phoneRevealAt > now) {
          this.scheduleAudienceReveal(round);
          armed += 1;
        }
      }
    }
    return armed;
  }

  /** Reveals still held back (for tests and logs). */
  get pendingReveals(): number {
    return this.reveals.pendingCount;
  }

  /** Stops every timer; pending reveals are re-armed from the store at the next start. */
  close(): void {
    this.odds.close();
    this.audience.close();
    this.reveals.close();
    this.winNotices.close();
  }
}
