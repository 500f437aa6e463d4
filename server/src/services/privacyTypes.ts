// Views of privacy deletion and retention, apart from the operations so serviceApi.ts imports types only.
import type { PurgeResult } from '../store/privacyStore';

/** What an erasure did, for the ack and the console. */
export interface ErasureView {
  eventId: string;
  participantId: string;
  claimsForfeited: string[];
  supportMessages: number;
  erasedAt: number;
}

/** One event the retention timer purged. */
export interface PurgeView extends PurgeResult {
  eventId: string;
  closedAt: number;
}
