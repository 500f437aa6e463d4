// Privacy commands shared by REST and sockets: a phone forgets itself, the host erases one person, and
// the retention timer's purge. Auth is the transport's (device token in the payload, host token).
import type { ErasureDto } from '@drawcast/shared';
import type { DrawcastService } from '../services/types';
import type { PurgeView } from '../services/privacyTypes';
import type { Broadcaster } from './broadcaster';

/** Why: one erasure path for the phone's button, the console's button, curl and the timer. */
export class PrivacyCommands {
  constructor(
    private readonly service: DrawcastService,
    private readonly hub: Broadcaster,
  ) {}

  /** The phone's own data, proved by its device token. */
  async forgetMe(input: { eventId: string; deviceToken: string }): Promise<ErasureDto> {
    return this.after(await this.service.eraseOwnData(input.eventId, input.deviceToken));
  }

  /** One person's data, by the host. */
  async erase(eventId: string, participantId: string): Promise<ErasureDto> {
    return this.after(await this.service.eraseParticipant(eventId, participantId));
  }

  /** The retention purge (the timer calls it; tests too). */
  async purgeExpired(): Promise<PurgeView[]> {
    const purged = await this.service.purgeExpiredPersonalData();
    for (const p of purged) this.hub.oddsChanged(p.eventId);
    return purged;
  }

  /** The odds change (one entry fewer); host consoles see forfeited claims. */
  private async after(erased: ErasureDto): Promise<ErasureDto> {
    this.hub.oddsChanged(erased.eventId);
    for (const claimId of erased.claimsForfeited) {
      try {
        this.hub.claimUpdated(await this.service.getClaim(claimId));
      } catch {
        // the erasure stands either way; the console refreshes its list on its next read
      }
    }
    return erased;
  }
}
