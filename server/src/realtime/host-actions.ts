// Host operations shared by REST and host sockets: call the service, then broadcast what changed.
import type { DrawEvent, Prize } from '../domain/types';
import type { DrawcastMetrics } from '../http/metrics';
import type { ImportSource } from '../io/import/importTypes';
import type {
  AddPrizeInput,
  CheckInInput,
  CheckInResult,
  ClaimStaffView,
  CreateEventInput,
  CreateRoundInput,
  DrawcastService,
  ForfeitReason,
  ForfeitResult,
  ImportPeopleOptions,
  ImportPeopleResult,
  ParticipantView,
  RoundView,
  UpdateEventInput,
} from '../services/types';
import type { LiveHub } from './live-hub';

/** Why: a draw from curl and a draw from the console must store and broadcast exactly alike. */
export class HostActions {
  constructor(
    private readonly service: DrawcastService,
    private readonly hub: LiveHub,
    private readonly metrics: DrawcastMetrics,
  ) {}

  /** New event (draft unless the patch says otherwise). */
  async createEvent(input: CreateEventInput): Promise<DrawEvent> {
    const event = await this.service.createEvent(input);
    this.hub.eventUpdated(event);
    return event;
  }

  /** Title, status (open/close) or settings, stream delay included. */
  async updateEvent(eventId: string, patch: UpdateEventInput): Promise<DrawEvent> {
    const event = await this.service.updateEvent(eventId, patch);
    this.hub.eventUpdated(event);
    return event;
  }

  /** Adds a prize (screens list prizes through stage:watch, so nothing is broadcast). */
  addPrize(eventId: string, input: AddPrizeInput): Promise<Prize> {
    return this.service.addPrize(eventId, input);
  }

  /** Commits a round (seed stored first by the service) and publishes its commitment. */
  async createRound(eventId: string, input: CreateRoundInput): Promise<RoundView> {
    const round = await this.service.createRound(eventId, input);
    this.hub.roundCommitted(round);
    return round;
  }

  /** Issue #9: freezes the entry list and announces its count and digest (a repeat announces nothing). */
  async closeEntries(roundId: string): Promise<RoundView> {
    const { round, alreadyClosed } = await this.service.closeEntries(roundId);
    if (!alreadyClosed) this.hub.entriesClosed(round);
    return round;
  }

  /** Public entropy, typed by the host after the close and before the draw. */
  async setPublicEntropy(roundId: string, publicEntropy: string): Promise<RoundView> {
    const round = await this.service.setPublicEntropy(roundId, publicEntropy);
    this.hub.roundUpdated(round);
    return round;
  }

  /** Draws once: a repeated call returns the stored result and broadcasts nothing new. */
  async drawRound(roundId: string): Promise<RoundView> {
    const { round, alreadyDrawn, closedByDraw } = await this.service.drawRound(roundId);
    if (!alreadyDrawn) {
      this.metrics.draws.inc();
      if (closedByDraw) this.hub.entriesClosed(round);
      this.hub.roundDrawn(round);
    }
    return round;
  }

  /** Cancels a committed round (e.g. after NOT_ENOUGH_ENTRIES). */
  async cancelRound(roundId: string): Promise<RoundView> {
    const round = await this.service.cancelRound(roundId);
    this.hub.roundUpdated(round);
    return round;
  }

  /** Host raises a participant's tickets; the odds broadcast follows. */
  async setBaseTickets(participantId: string, baseTickets: number): Promise<ParticipantView> {
    const participant = await this.service.setBaseTickets(participantId, baseTickets);
    this.hub.oddsChanged(participant.eventId);
    return participant;
  }

  /** Imports a list, reporting progress to host sockets; imported people enter at once (odds change). */
  async importPeople(
    eventId: string,
    source: ImportSource,
    filename: string,
    options: Omit<ImportPeopleOptions, 'onProgress'> = {},
  ): Promise<ImportPeopleResult> {
    const event = await this.service.getEvent(eventId);
    const result = await this.service.importPeople(event.id, source, filename, {
      ...options,
      onProgress: (p) =>
        this.hub.importProgress({ eventId: event.id, phase: p.phase, done: p.rows, total: p.total ?? null }),
    });
    if (result.imported > 0) this.hub.oddsChanged(event.id);
    return result;
  }

  /** A check-in may make someone eligible for a checked-in-only round. */
  async checkIn(input: CheckInInput): Promise<CheckInResult> {
    const result = await this.service.checkIn(input);
    if (!result.alreadyCheckedIn) this.hub.oddsChanged(result.event.id);
    return result;
  }

  /** Staff redeem a code once; the winner's phone is told. */
  async redeem(code: string, staff: string): Promise<ClaimStaffView> {
    const claim = await this.service.redeem(code, staff);
    this.hub.claimRedeemed(claim);
    return claim;
  }

  /** Host forfeits a win (by claim id or code); the winner's phone gets `you:forfeited`. */
  async forfeit(claimIdOrCode: string, reason: ForfeitReason): Promise<ForfeitResult> {
    const result = await this.service.forfeit(claimIdOrCode, reason);
    this.hub.claimForfeited(result.claim);
    return result;
  }

  /** The deadline sweep (timer or host); every forfeited winner is told. */
  async sweepClaimDeadlines(eventId?: string): Promise<ForfeitResult[]> {
    const results = await this.service.sweepClaimDeadlines(eventId);
    for (const r of results) this.hub.claimForfeited(r.claim);
    return results;
  }

  /** A new committed k=1 round for a forfeited slot, published like any round; drawn with drawRound. */
  async redraw(claimId: string): Promise<RoundView> {
    const round = await this.service.redraw(claimId);
    this.hub.roundCommitted(round);
    try {
      this.hub.claimUpdated(await this.service.getClaim(claimId));
    } catch {
      // the round is committed either way; the console refreshes its list on its next read
    }
    return round;
  }
}
