// Host operations shared by REST and host sockets: call the service, then broadcast what changed.
import type { DrawEvent, Prize } from '../domain/types';
import type { DrawcastMetrics } from '../http/metrics';
import type {
  AddPrizeInput,
  CreateEventInput,
  CreateRoundInput,
  DrawcastService,
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

  /** Public entropy, typed by the host before the draw. */
  async setPublicEntropy(roundId: string, publicEntropy: string): Promise<RoundView> {
    const round = await this.service.setPublicEntropy(roundId, publicEntropy);
    this.hub.roundUpdated(round);
    return round;
  }

  /** Draws once: a repeated call returns the stored result and broadcasts nothing new. */
  async drawRound(roundId: string): Promise<RoundView> {
    const { round, alreadyDrawn } = await this.service.drawRound(roundId);
    if (!alreadyDrawn) {
      this.metrics.draws.inc();
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
}
