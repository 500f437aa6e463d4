// The stage screen's one read: everything it needs to rebuild its screen after a (re)load.
import type { StageStateDto } from '@drawcast/shared';
import type { Clock, DrawcastService } from '../services/types';
import type { Broadcaster } from './broadcaster';
import { toEventDto } from './mappers/eventMapper';
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
    const [prizes, current, aggregate, rounds, participants] = await Promise.all([
      this.service.listPrizes(eventId),
      this.service.currentRound(eventId),
      this.service.currentAggregate(eventId),
      this.service.listRounds(eventId),
      this.service.countParticipants(eventId),
    ]);
    const now = this.clock.now();
    return {
      event: toEventDto(event),
      prizes: prizes.map(toPrizeDto),
      round: current ? toRoundPublicDto(current) : null,
      aggregate: aggregate ? toAggregateDto(eventId, aggregate) : null,
      audienceCount: this.hub.audienceCount(eventId),
      participants,
      drawn: rounds
        .filter(isDrawn)
        .filter((r) => trusted || isReleased(r, now))
        .map((r) => (trusted ? toRoundDrawnDto(r) : toPublicRoundDrawnDto(r))),
      serverNow: now,
    };
  }
}
