// Host commands shared by REST and host sockets: auth is the transport's, the rest is here: call the
// service, broadcast what changed, answer with the wire DTO. A REST draw and a socket draw are one call.
import type { ClaimDto, EventDto, ParticipantRowDto, PrizeDto, RoundDto } from '@drawcast/shared';
import { failpoint } from '../failpoint';
import type { ImportSource } from '../io/import/importTypes';
import type {
  AddPrizeInput,
  CreateEventInput,
  CreateRoundInput,
  DrawcastService,
  ForfeitReason,
  ImportPeopleOptions,
  ImportPeopleResult,
  ParticipantView,
  PersonView,
  ShippingContact,
  UpdateEventInput,
  UpdatePrizeInput,
} from '../services/types';
import type { Broadcaster } from './broadcaster';
import { toClaimDto } from './mappers/claimMapper';
import { toEventDto } from './mappers/eventMapper';
import { toParticipantRowDto } from './mappers/participantMapper';
import { toPrizeDto } from './mappers/prizeMapper';
import { toRoundDto } from './mappers/roundMapper';
import type { DrawcastMetrics } from './metrics';

/** A page of the host's participant list. */
export interface ParticipantPage {
  total: number;
  offset: number;
  limit: number;
  participants: ParticipantRowDto[];
}

/** Why: a draw from curl and a draw from the console must store, broadcast and answer exactly alike. */
export class HostCommands {
  constructor(
    private readonly service: DrawcastService,
    private readonly hub: Broadcaster,
    private readonly metrics: DrawcastMetrics,
  ) {}

  /** Every event, newest first as the store lists them. */
  async listEvents(): Promise<EventDto[]> {
    return (await this.service.listEvents()).map(toEventDto);
  }

  /** One event (EVENT_NOT_FOUND). */
  async getEvent(eventId: string): Promise<EventDto> {
    return toEventDto(await this.service.getEvent(eventId));
  }

  /** New event (draft unless the patch says otherwise). */
  async createEvent(input: CreateEventInput): Promise<EventDto> {
    const event = await this.service.createEvent(input);
    this.hub.eventUpdated(event);
    return toEventDto(event);
  }

  /** Title, status (open/close) or settings, stream delay included. */
  async updateEvent(eventId: string, patch: UpdateEventInput): Promise<EventDto> {
    const event = await this.service.updateEvent(eventId, patch);
    this.hub.eventUpdated(event);
    return toEventDto(event);
  }

  /** Adds a prize (screens list prizes through stage:watch, so nothing is broadcast). */
  async addPrize(eventId: string, input: AddPrizeInput): Promise<PrizeDto> {
    return toPrizeDto(await this.service.addPrize(eventId, input));
  }

  /** Edits a prize (screens read prizes through stage:watch and the console reloads its list). */
  async updatePrize(eventId: string, prizeId: string, input: UpdatePrizeInput): Promise<PrizeDto> {
    return toPrizeDto(await this.service.updatePrize(eventId, prizeId, input));
  }

  /** The event's prizes. */
  async listPrizes(eventId: string): Promise<PrizeDto[]> {
    return (await this.service.listPrizes(eventId)).map(toPrizeDto);
  }

  /** Commits a round (seed stored first by the service) and publishes its commitment. */
  async createRound(eventId: string, input: CreateRoundInput): Promise<RoundDto> {
    const round = await this.service.createRound(eventId, input);
    const held = failpoint('after-round-commit');
    if (held) await held;
    this.hub.roundCommitted(round);
    return toRoundDto(round);
  }

  /** One round (ROUND_NOT_FOUND). */
  async getRound(roundId: string): Promise<RoundDto> {
    return toRoundDto(await this.service.getRound(roundId));
  }

  /** The event's rounds. */
  async listRounds(eventId: string): Promise<RoundDto[]> {
    return (await this.service.listRounds(eventId)).map(toRoundDto);
  }

  /** Issue #9: freezes the entry list and announces its count and digest (a repeat announces nothing). */
  async closeEntries(roundId: string): Promise<RoundDto> {
    const { round, alreadyClosed } = await this.service.closeEntries(roundId);
    const held = alreadyClosed ? null : failpoint('after-close-commit');
    if (held) await held;
    if (!alreadyClosed) this.hub.entriesClosed(round);
    return toRoundDto(round);
  }

  /** Public entropy, typed by the host after the close and before the draw. */
  async setPublicEntropy(roundId: string, publicEntropy: string): Promise<RoundDto> {
    const round = await this.service.setPublicEntropy(roundId, publicEntropy);
    this.hub.roundUpdated(round);
    return toRoundDto(round);
  }

  /** Draws once: a repeated call returns the stored result and broadcasts nothing new. */
  async drawRound(roundId: string): Promise<RoundDto> {
    const { round, alreadyDrawn, closedByDraw } = await this.service.drawRound(roundId);
    if (!alreadyDrawn) {
      // Stored (winners, reveal times, audit head), nobody told yet: the crash matrix's kill point.
      const held = failpoint('after-draw-commit');
      if (held) await held;
      this.metrics.draws.inc();
      if (closedByDraw) this.hub.entriesClosed(round);
      this.hub.roundDrawn(round);
    }
    return toRoundDto(round);
  }

  /** Cancels a committed round (e.g. after NOT_ENOUGH_ENTRIES). */
  async cancelRound(roundId: string): Promise<RoundDto> {
    const round = await this.service.cancelRound(roundId);
    this.hub.roundUpdated(round);
    return toRoundDto(round);
  }

  /** The host's participant list, a page at a time, with the total. */
  async listParticipants(eventId: string, page: { offset: number; limit: number }): Promise<ParticipantPage> {
    const rows = await this.service.listParticipants(eventId, page);
    const total = await this.service.countParticipants(eventId);
    return { total, offset: page.offset, limit: page.limit, participants: rows.map(toParticipantRowDto) };
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

  /** Imported people with their check-in tokens. */
  listPeople(eventId: string, page: { offset?: number; limit?: number }): Promise<PersonView[]> {
    return this.service.listPeople(eventId, page);
  }

  /** The QR (SVG) of a person's check-in link, checkinPageUrl + ?token=…. */
  checkinQrSvg(participantId: string, checkinPageUrl: string): Promise<string> {
    return this.service.checkinQrSvg(participantId, checkinPageUrl);
  }

  /** The event's claims in draw order. */
  async listClaims(eventId: string): Promise<ClaimDto[]> {
    return (await this.service.listClaims(eventId)).map(toClaimDto);
  }

  /** One claim (CLAIM_NOT_FOUND). */
  async getClaim(claimId: string): Promise<ClaimDto> {
    return toClaimDto(await this.service.getClaim(claimId));
  }

  /** Staff redeem a code once; the winner's phone is told. */
  async redeem(code: string, staff: string): Promise<ClaimDto> {
    const claim = await this.service.redeem(code, staff);
    const held = failpoint('after-redeem-commit');
    if (held) await held;
    this.hub.claimRedeemed(claim);
    return toClaimDto(claim);
  }

  /** Host forfeits a win (by claim id or code); the winner's phone gets `you:forfeited`. */
  async forfeit(claimIdOrCode: string, reason: ForfeitReason): Promise<ClaimDto> {
    const result = await this.service.forfeit(claimIdOrCode, reason);
    this.hub.claimForfeited(result.claim);
    return toClaimDto(result.claim);
  }

  /** The deadline sweep (timer or host); every forfeited winner is told; answers the forfeited claims. */
  async sweepClaimDeadlines(eventId?: string): Promise<ClaimDto[]> {
    const results = await this.service.sweepClaimDeadlines(eventId);
    for (const r of results) this.hub.claimForfeited(r.claim);
    return results.map((r) => toClaimDto(r.claim));
  }

  /** A new committed k=1 round for a forfeited slot, published like any round; drawn with drawRound. */
  async redraw(claimId: string): Promise<RoundDto> {
    const round = await this.service.redraw(claimId);
    this.hub.roundCommitted(round);
    try {
      this.hub.claimUpdated(await this.service.getClaim(claimId));
    } catch {
      // the round is committed either way; the console refreshes its list on its next read
    }
    return toRoundDto(round);
  }

  /** The full, decrypted shipping contact of a claim (host/staff only). */
  getShippingContact(claimId: string): Promise<ShippingContact | null> {
    return this.service.getShippingContact(claimId);
  }
}
