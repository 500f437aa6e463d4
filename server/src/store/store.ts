// The storage boundary: SQLite now, Redis for several nodes later; both must pass conformance.ts.
// Every change is appended to its event's audit chain in the same transaction (the AuditMeta argument).
import type { Entry } from '@drawcast/shared';
import type { ConsoleStorePart, SupportMessage } from './consoleStore';
import type { PrivacyStorePart } from './privacyStore';
import type { AuditMeta } from '../domain/audit/actor';
import type { AuditRecord, ChainHead } from '../domain/audit/auditChain';
import type { ForfeitReason } from '../domain/claims/claim';
import type { EntryFilter } from '../domain/eligibility';
import type { RevealDue, RevealKind } from '../domain/revealDues';
import type {
  ClaimRecord,
  DrawEvent,
  DrawOutcome,
  EventSettings,
  EventStatus,
  ImportedPerson,
  Participant,
  PersonIdentifier,
  Prize,
  Round,
  StoredContact,
} from '../domain/types';

export type { AuditMeta } from '../domain/audit/actor';
export type { EntryFilter } from '../domain/eligibility';

/** Result of inserting an event: join codes are unique, so the caller retries with a fresh code. */
export type InsertEventResult = { ok: true } | { ok: false; reason: 'JOIN_CODE_TAKEN' };

/**
 * Result of a join: the same (event, device) always maps to the same entry; a phone joins once per
 * event; a share code is unique per event (the caller retries with a fresh one). The created
 * participant's weight is computed by the store from the event's bonus rule, and its referredBy is
 * kept only if the referrer is another participant of the same event (then counted for the referrer).
 */
export type InsertParticipantResult =
  | { status: 'created'; participant: Participant }
  | { status: 'existing'; participant: Participant }
  | { status: 'phone_taken' }
  | { status: 'share_code_taken' };

/** Result of creating a round: prize capacity (quantity − awarded − undrawn reservations) is checked atomically. */
export type InsertRoundResult =
  | { ok: true }
  | { ok: false; reason: 'PRIZE_NOT_FOUND' }
  | { ok: false; reason: 'PRIZE_EXHAUSTED'; available: number }
  /** Redraw rounds only: the claim named by redrawOf is missing, not forfeited, or already redrawn. */
  | { ok: false; reason: 'CLAIM_NOT_FOUND' }
  | { ok: false; reason: 'NOT_FORFEITED' | 'ALREADY_REDRAWN'; claim: ClaimRecord };

/** Compare-and-set outcome of a state change on a round that must still be 'committed'. */
export type RoundUpdateResult =
  | { ok: true; round: Round }
  | { ok: false; reason: 'ROUND_NOT_FOUND' }
  | { ok: false; reason: 'NOT_COMMITTED'; round: Round }
  /** Public entropy only: the round's entries are still open (entropy comes after the close). */
  | { ok: false; reason: 'ENTRIES_OPEN'; round: Round };

/** Outcome of closing a round's entries: exactly one close freezes the list; later calls see it. */
export type CloseEntriesResult =
  | { outcome: 'closed'; round: Round }
  | { outcome: 'already_closed'; round: Round }
  | { outcome: 'not_found' }
  | { outcome: 'not_committed'; round: Round }
  /** Fewer eligible entries than winners: nothing is frozen, the round stays open. */
  | { outcome: 'not_enough_entries'; round: Round; entries: number };

/** The fields of a prize edit (only those given change). */
export interface PrizePatch {
  name?: string;
  description?: string;
  imageUrl?: string | null;
  quantity?: number;
}

/** Outcome of a prize edit; the quantity check runs in the same transaction as the write. */
export type UpdatePrizeResult =
  | { outcome: 'updated'; prize: Prize }
  | { outcome: 'not_found' }
  /** Below awarded + reserved by committed rounds: nothing changed. */
  | { outcome: 'quantity_too_low'; prize: Prize; minimum: number };

/** Outcome of recording a draw: exactly one caller stores it, every later caller gets the stored result. */
export type CommitDrawResult =
  | { outcome: 'drawn'; round: Round }
  | { outcome: 'already_drawn'; round: Round }
  | { outcome: 'not_found' }
  | { outcome: 'cancelled'; round: Round }
  | { outcome: 'prize_exhausted'; round: Round; available: number }
  /** The round's publicEntropy changed after the draw was computed: recompute and try again. */
  | { outcome: 'stale_entropy'; round: Round }
  /** The round's entries are frozen and the outcome was computed from another list: use the frozen one. */
  | { outcome: 'entries_changed'; round: Round }
  /** A claim code is already in use (about 1 in 10^13): mint new codes and try again. */
  | { outcome: 'claim_code_taken'; round: Round };

/** Compare-and-set outcome of a change to a claim that must still be pending. */
export type ClaimUpdateResult =
  | { ok: true; claim: ClaimRecord }
  | { ok: false; reason: 'CLAIM_NOT_FOUND' }
  | { ok: false; reason: 'NOT_PENDING'; claim: ClaimRecord };

/** Fields of an event the host may change; settings are replaced whole (the service merges). */
export interface EventPatch {
  title?: string;
  status?: EventStatus;
  settings?: EventSettings;
}

/** One imported list, as the audit log and the people rows remember it. */
export interface ImportBatch {
  id: string;
  eventId: string;
  filename: string;
  format: 'csv' | 'xlsx';
  /** Data rows in the file. */
  total: number;
  /** Rows the file-level validation rejected (the store may reject more as duplicates). */
  rejected: number;
}

/** One imported row: a participant (source 'import', unlinked device) and its import details. */
export interface ImportedPersonInput {
  participant: Participant;
  person: ImportedPerson;
}

/** What an import stored: rows whose identifier was imported into the event before are skipped. */
export interface InsertPeopleResult {
  inserted: number;
  duplicates: { row: number; field: PersonIdentifier }[];
}

/** An imported person's participant and import details, as a check-in scan finds them. */
export interface PersonWithParticipant {
  person: ImportedPerson;
  participant: Participant;
}

/** A phone claiming an imported person's entry at check-in; the share code is minted by the caller. */
export interface DeviceLink {
  deviceTokenHash: string;
  shareCode: string;
}

/** Outcome of a check-in: idempotent; a phone can link only to an unlinked entry, once per event. */
export type CheckInStoreResult =
  | { status: 'checked_in' | 'already_checked_in'; participant: Participant; deviceLinked: boolean }
  | { status: 'not_found' }
  /** This device already has another entry in the event. */
  | { status: 'device_in_use'; participant: Participant }
  /** The person's entry is linked to a different device. */
  | { status: 'linked_to_other_device' }
  | { status: 'share_code_taken' };

/** Everything of one event, as a backup carries it and a restore writes it back verbatim. */
export interface EventSnapshot {
  event: DrawEvent;
  prizes: Prize[];
  participants: Participant[];
  people: ImportedPerson[];
  /** Every round with the frozen entries of drawn ones. */
  rounds: { round: Round; entries: Entry[] | null }[];
  claims: ClaimRecord[];
  /** The event's audit chain as it was; the restore appends its own record after it. */
  audit: AuditRecord[];
  /** The event's support messages with their answers (none from backups made before the inbox). */
  supportMessages: SupportMessage[];
}

/** Outcome of a restore: nothing is written unless the event id and join code are both free. */
export type RestoreResult = { ok: true } | { ok: false; reason: 'EVENT_EXISTS' | 'JOIN_CODE_TAKEN' };

/** Every method is async even on synchronous SQLite, so a networked store fits the same shape. */
export interface Store extends ConsoleStorePart, PrivacyStorePart {
  insertEvent(event: DrawEvent, audit: AuditMeta): Promise<InsertEventResult>;
  getEvent(eventId: string): Promise<DrawEvent | null>;
  getEventByJoinCode(joinCode: string): Promise<DrawEvent | null>;
  listEvents(): Promise<DrawEvent[]>;
  /** A changed bonus rule re-weighs every participant of the event and rebuilds its counters atomically. */
  updateEvent(eventId: string, patch: EventPatch, audit: AuditMeta): Promise<DrawEvent | null>;

  insertPrize(prize: Prize, audit: AuditMeta): Promise<void>;
  getPrize(prizeId: string): Promise<Prize | null>;
  /** Edits a prize (audited as prize.update); quantity may not go below awarded + open rounds' k. */
  updatePrize(prizeId: string, patch: PrizePatch, audit: AuditMeta): Promise<UpdatePrizeResult>;
  listPrizes(eventId: string): Promise<Prize[]>;

  /**
   * Atomic get-or-create keyed by (eventId, deviceTokenHash); a phoneHash already used in the event is
   * refused. A counted referral raises the referrer's referrals and weight (moving it between weight
   * classes) in the same transaction. Joins arriving together may share one commit.
   */
  insertParticipantIfAbsent(participant: Participant, audit: AuditMeta): Promise<InsertParticipantResult>;
  getParticipant(participantId: string): Promise<Participant | null>;
  getParticipantByDevice(eventId: string, deviceTokenHash: string): Promise<Participant | null>;
  getParticipantByShareCode(eventId: string, shareCode: string): Promise<Participant | null>;
  /** Only participants of that event; unknown ids are left out; order not guaranteed. */
  getParticipantsByIds(eventId: string, participantIds: readonly string[]): Promise<Participant[]>;
  countParticipants(eventId: string): Promise<number>;
  /** A page of the event's participants in join order, for the host's list and exports. */
  listParticipants(eventId: string, page: { offset: number; limit: number }): Promise<Participant[]>;
  /** Sets the tickets before bonus; the weight is recomputed. Null for an unknown participant. */
  setParticipantWeight(
    participantId: string,
    baseWeight: number,
    audit: AuditMeta,
  ): Promise<Participant | null>;
  /** Entries of the event passing the filter (earlier winners out, only checked-in), in id order (binary). */
  listEntries(eventId: string, filter: EntryFilter): Promise<Entry[]>;
  /** Entries per weight class (weight → count) passing the filter; from counters, cheap at 100,000 people. */
  weightCounts(eventId: string, filter: EntryFilter): Promise<Record<number, number>>;

  /**
   * Stores a committed round (seed included) only if its prize still has room for k more winners. A
   * round with redrawOf also links the forfeited claim to it, refusing a claim that is not forfeited
   * or already redrawn, so one slot is redrawn at most once.
   */
  insertRound(round: Round, audit: AuditMeta): Promise<InsertRoundResult>;
  getRound(roundId: string): Promise<Round | null>;
  /** Rounds of an event, oldest first. */
  listRounds(eventId: string): Promise<Round[]>;
  /** The oldest committed round of the event (the one joins' odds refer to), or null; cheap, called per join. */
  getCurrentRound(eventId: string): Promise<Round | null>;
  /** The frozen entry list (canonical order) of a closed or drawn round, or null while entries are open. */
  getRoundEntries(roundId: string): Promise<Entry[] | null>;
  /**
   * In one transaction, if the round is committed and still open: lists the event's entries passing the
   * round's filters, minus its blocklist (frozenEntryList), refuses when fewer than k, else stores the
   * list, its digest and count with entriesClosedAt = closedAt. A closed round is returned unchanged.
   */
  closeRoundEntries(roundId: string, closedAt: number, audit: AuditMeta): Promise<CloseEntriesResult>;
  /** Only on a committed round whose entries are closed (ENTRIES_OPEN otherwise). */
  setPublicEntropy(roundId: string, publicEntropy: string, audit: AuditMeta): Promise<RoundUpdateResult>;
  /** Cancelling a redraw round unlinks its claim, so that slot can be redrawn again. */
  cancelRound(roundId: string, audit: AuditMeta): Promise<RoundUpdateResult>;
  /**
   * In one transaction: if the round is 'committed' and its publicEntropy still equals the one the draw used,
   * store the outcome and its claims, bump the prize's awarded count and mark the winners as having won; if
   * it is already drawn, return the stored result unchanged. A closed round must be drawn from its frozen
   * list (same digest, else entries_changed); a never-closed round is closed by the same transaction
   * (entriesClosedAt = drawnAt, the outcome's entries frozen). The round then carries the event's audit
   * head right after its 'round.draw' record.
   */
  commitDrawResult(roundId: string, outcome: DrawOutcome, audit: AuditMeta): Promise<CommitDrawResult>;

  getClaim(claimId: string): Promise<ClaimRecord | null>;
  getClaimByCode(code: string): Promise<ClaimRecord | null>;
  /** Claims of the event in draw order (round creation, then place). */
  listClaims(eventId: string): Promise<ClaimRecord[]>;
  listClaimsOfParticipant(participantId: string): Promise<ClaimRecord[]>;
  /** pending → redeemed by audit.actor at audit.at. */
  redeemClaim(claimId: string, audit: AuditMeta): Promise<ClaimUpdateResult>;
  /** pending → forfeited, and the prize's awarded count drops by one (the slot can be redrawn). */
  forfeitClaim(claimId: string, reason: ForfeitReason, audit: AuditMeta): Promise<ClaimUpdateResult>;
  /** Stores (or replaces) the sealed shipping contact of a pending claim. */
  setClaimContact(claimId: string, contact: StoredContact, audit: AuditMeta): Promise<ClaimUpdateResult>;

  /** All rows or none, with one audit record; rows whose identifier is already in the event are skipped. */
  insertImportedPeople(
    batch: ImportBatch,
    people: readonly ImportedPersonInput[],
    audit: AuditMeta,
  ): Promise<InsertPeopleResult>;
  getPersonByCheckinToken(checkinToken: string): Promise<PersonWithParticipant | null>;
  /** The import details of one participant, or null if it was not imported. */
  getPerson(participantId: string): Promise<ImportedPerson | null>;
  /** Import details of the event's people, in import order then row. */
  listPeople(eventId: string, page: { offset: number; limit: number }): Promise<ImportedPerson[]>;
  /** Marks the person checked in (first time kept) and, with `device`, links that phone to the entry. */
  checkIn(participantId: string, device: DeviceLink | null, audit: AuditMeta): Promise<CheckInStoreResult>;

  /** A page of the event's audit chain after `afterSeq`, in order. */
  listAudit(eventId: string, afterSeq: number, limit: number): Promise<AuditRecord[]>;
  /** The event's last audit record's seq and hash (null for none): the head a stage shows, one index seek. */
  auditHead(eventId: string): Promise<ChainHead | null>;
  /** Writes a whole event back (ids, seeds, entries, claims, chain) in one transaction, then records the restore. */
  restoreEvent(snapshot: EventSnapshot, audit: AuditMeta): Promise<RestoreResult>;

  // ---- the reveal schedule (what of a drawn round's reveal is due when, and what was sent) ----------
  /**
   * Records the parts of drawn rounds' reveals. A part already recorded keeps its due time; a part sent
   * stays sent, and a part recorded as sent (`sentAt` set) becomes sent.
   */
  addRevealDues(dues: readonly RevealDue[]): Promise<void>;
  /** Parts not sent yet, soonest first. */
  listPendingRevealDues(): Promise<RevealDue[]>;
  /**
   * Marks one part sent at `sentAt`; true only for the one caller that marked it (false if it was sent
   * already, by an earlier run or another node, or was never recorded), so a part goes out once.
   */
  claimRevealDue(roundId: string, kind: RevealKind, sentAt: number): Promise<boolean>;

  /**
   * Resolves once everything this store has committed so far is durable. Write methods already wait
   * for their own commit; a caller about to acknowledge something it only read (a device joining
   * again while its first join is still being flushed) waits on this.
   */
  whenDurable(): Promise<void>;

  close(): Promise<void>;
}
