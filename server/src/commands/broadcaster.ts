// What the command layer tells the live side after a change; realtime/liveHub.ts implements it.
import type { ImportProgressDto } from '@drawcast/shared';
import type { DrawEvent } from '../domain/types';
import type { ClaimStaffView, RoundView } from '../services/types';

/** Why: REST and socket commands broadcast through this one seam, so neither transport imports the other. */
export interface Broadcaster {
  /** Title, status or settings changed. */
  eventUpdated(event: DrawEvent): void;
  /** A new round's commitment (its aggregate follows). */
  roundCommitted(round: RoundView): void;
  /** Issue #9: the round's entry list froze; its count and digest go out before any entropy. */
  entriesClosed(round: RoundView): void;
  /** Public entropy set, or the round cancelled. */
  roundUpdated(round: RoundView): void;
  /** A round was drawn and stored: the reveal schedule takes it from here. */
  roundDrawn(round: RoundView): void;
  /** The current round's aggregate changed (paced broadcast). */
  oddsChanged(eventId: string): void;
  /** A friend's join counted for this referrer's invite: its own phones refresh their bonus. */
  participantReferred(eventId: string, referrerId: string): void;
  /** A win was forfeited. */
  claimForfeited(claim: ClaimStaffView): void;
  /** Staff redeemed a code. */
  claimRedeemed(claim: ClaimStaffView): void;
  /** A claim changed otherwise (e.g. redrawn). */
  claimUpdated(claim: ClaimStaffView): void;
  /** A list import's progress. */
  importProgress(progress: ImportProgressDto): void;
  /** Phones currently watching an event. */
  audienceCount(eventId: string): number;
}
