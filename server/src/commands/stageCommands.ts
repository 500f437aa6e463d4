// The stage screen's one read: everything it needs to rebuild its screen after a (re)load.
import type { StageNamesDto, StageStateDto } from '@drawcast/shared';
import type { Clock, DrawcastService } from '../services/types';
import type { Broadcaster } from './broadcaster';
import { toEventDto } from './mappers/eventMapper';
import { toStageNameDto } from './mappers/participantMapper';
import { toPrizeDto } from './mappers/prizeMapper';
import {
  isDrawn,
  toAggregateDto,
  toPublicRoundDrawnDto,
  toRoundDrawnDto,
  toRoundPublicDto,
} from './mappers/roundMapper';
import { isReleased } from './revealTiming';

/** Why: the stage may (re)load at any moment and must rebuild its screen from one call. */
export class StageCommands {
  constructor(
    private readonly service: DrawcastService,
    private readonly hub: Broadcaster,
    private readonly clock: Clock,
  ) {}

  /** Trusted stages see drawn rounds at once; others only once the audience may (a stream delay stays unspoiled). */
  async stageState(eventId: string, trusted: boolean): Promise<StageStateDto> {
    const event = await this.service.getEvent(eventId);
    const [prizes, current, aggregate, rounds, participants, auditHead, claims] = await Promise.all([
      this.service.listPrizes(eventId),
      this.service.currentRound(eventId),
      this.service.currentAggregate(eventId),
      this.service.listRounds(eventId),
      this.service.countParticipants(eventId),
      this.service.auditHead(eventId),
      this.service.listClaims(eventId),
    ]);
    const now = this.clock.now();
    const drawn = rounds.filter(isDrawn).filter((r) => trusted || isReleased(r, now));
    const shown = new Set(drawn.map((r) => r.id));
    return {
      event: toEventDto(event),
      prizes: prizes.map(toPrizeDto),
      round: current ? toRoundPublicDto(current) : null,
      aggregate: aggregate ? toAggregateDto(eventId, aggregate) : null,
      audienceCount: this.hub.audienceCount(eventId),
      participants,
      drawn: drawn.map((r) => (trusted ? toRoundDrawnDto(r) : toPublicRoundDrawnDto(r))),
      serverNow: now,
      auditHead,
      // Ids only: the stage labels these winners in its history; codes and contacts never leave for a stage.
      forfeited: claims
        .filter((c) => c.status === 'forfeited' && shown.has(c.roundId))
        .map((c) => ({ eventId, roundId: c.roundId, participantId: c.participantId })),
    };
  }

  /**
   * A page of the event's nicknames in join order, with the total: the names on the wheel and reels (a
   * fair sample drawn from pages at random offsets) and the lobby's new joiners. Phones, hashes and
   * device tokens never leave the server; the transport decides who may call this (stages and hosts).
   */
  async stageNames(eventId: string, page: { offset: number; limit: number }): Promise<StageNamesDto> {
    await this.service.getEvent(eventId);
    const [total, rows, auditHead] = await Promise.all([
      this.service.countParticipants(eventId),
      this.service.listParticipants(eventId, page),
      this.service.auditHead(eventId),
    ]);
    return { total, offset: page.offset, names: rows.map(toStageNameDto), auditHead };
  }
}
