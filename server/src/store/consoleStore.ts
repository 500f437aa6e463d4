// The Store methods the host console added: staff credentials, disqualifications, participant search.
import type { AuditMeta } from '../domain/audit/actor';
import type { Participant } from '../domain/types';

/** A limited credential for one event's prize desk and door; only its hash is stored. */
export interface StaffCredential {
  id: string;
  eventId: string;
  /** Who holds it ("Desk 1", "王芳"), shown in the console and written to the audit log on redeems. */
  label: string;
  /** HMAC of the credential with the server secret. */
  tokenHash: string;
  createdAt: number;
  revokedAt: number | null;
}

/** A phone's message to the host, with the host's answer once given. */
export interface SupportMessage {
  id: string;
  eventId: string;
  participantId: string;
  body: string;
  createdAt: number;
  answer: string | null;
  answeredAt: number | null;
  readAt: number | null;
}

/** One page of a participant search and the number of matches. */
export interface ParticipantSearchPage {
  total: number;
  participants: Participant[];
}

/** Why: the console's staff role and blocklist need state that outlives a restart, in every store. */
export interface ConsoleStorePart {
  /** Stores a new credential (audit: staff.create). */
  insertStaffCredential(credential: StaffCredential, audit: AuditMeta): Promise<void>;
  /** The credential with this token hash (revoked ones too, so the caller can say so), or null. */
  getStaffCredentialByHash(tokenHash: string): Promise<StaffCredential | null>;
  /** An event's credentials, oldest first. */
  listStaffCredentials(eventId: string): Promise<StaffCredential[]>;
  /** Sets revokedAt once (a second revoke changes nothing); null for an unknown id. */
  revokeStaffCredential(credentialId: string, audit: AuditMeta): Promise<StaffCredential | null>;
  /** Disqualifies (true) or re-admits (false); returns whether anything changed. Unknown participant: false. */
  setDisqualified(
    eventId: string,
    participantId: string,
    disqualified: boolean,
    audit: AuditMeta,
  ): Promise<boolean>;
  /** Ids of the event's disqualified participants, in the order they were disqualified. */
  listDisqualified(eventId: string): Promise<string[]>;
  /**
   * Participants whose nickname contains `query` (case-insensitive for ASCII) or whose id equals it, in
   * join order; an empty query lists everyone.
   */
  searchParticipants(
    eventId: string,
    query: string,
    page: { offset: number; limit: number },
  ): Promise<ParticipantSearchPage>;
  /** Stores a phone's message (audit: support.message, without the text). */
  insertSupportMessage(message: SupportMessage, audit: AuditMeta): Promise<void>;
  /** Sets (or replaces) the answer, and readAt if unset; null for an unknown id. */
  answerSupportMessage(messageId: string, answer: string, audit: AuditMeta): Promise<SupportMessage | null>;
  /** Sets readAt on the event's unread messages among `messageIds`; returns how many changed. */
  markSupportRead(eventId: string, messageIds: readonly string[], at: number): Promise<number>;
  getSupportMessage(messageId: string): Promise<SupportMessage | null>;
  /** The event's messages (or one participant's), oldest first. */
  listSupportMessages(eventId: string, participantId?: string): Promise<SupportMessage[]>;
  /** Joins per time bucket (start = floor(joinedAt / bucketMs) * bucketMs), oldest first; empty buckets left out. */
  joinHistogram(eventId: string, bucketMs: number): Promise<Array<{ at: number; joins: number }>>;
  /** Entries made from a phone (joined, or an imported person who linked one): the dashboard's conversion. */
  countPhoneJoins(eventId: string): Promise<number>;
}
