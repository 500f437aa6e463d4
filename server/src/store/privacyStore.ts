// The Store methods of privacy deletion and retention: erase one person, purge a closed event.
import type { AuditMeta } from '../domain/audit/actor';

/** What erasing one person removed; the opaque participant id stays in frozen lists, proofs and claims. */
export interface ErasedPerson {
  participantId: string;
  /** Pending claims forfeited (reason no_show) because nobody is left to claim them. */
  claimsForfeited: string[];
  supportMessages: number;
}

/** Outcome of erasing one person: only a participant of that event can be erased. */
export type ErasePersonResult =
  { ok: true; erased: ErasedPerson } | { ok: false; reason: 'PARTICIPANT_NOT_FOUND' };

/** What a retention purge removed from one event (all zero: nothing was left, and nothing was recorded). */
export interface PurgeResult {
  participants: number;
  claimsForfeited: number;
  contactsCleared: number;
  supportMessages: number;
}

/**
 * Why: deleting personal data must be one transaction per store (participant row, import row, contacts,
 * messages, counters and the audit record together), on SQLite and PostgreSQL alike.
 */
export interface PrivacyStorePart {
  /**
   * In one transaction: forfeits the person's pending claims (the prize unit goes back), clears the
   * contact of every claim of theirs, deletes their support messages, blocklist entry, import row and
   * participant row (nickname, phone hash and mask, device hash, share code, check-in), moves the
   * counters, and appends 'participant.erase' (ids and counts only). Frozen lists, rounds and claims
   * keep the opaque id, so every proof still verifies.
   */
  erasePerson(eventId: string, participantId: string, audit: AuditMeta): Promise<ErasePersonResult>;
  /**
   * The same for every participant of the event at once (the retention timer); appends one
   * 'privacy.purge' record, or nothing at all when no personal data was left.
   */
  purgeEventPersonalData(eventId: string, audit: AuditMeta): Promise<PurgeResult>;
  /** When the event last became closed (from its audit chain), or null if the chain never says so. */
  getEventClosedAt(eventId: string): Promise<number | null>;
}
