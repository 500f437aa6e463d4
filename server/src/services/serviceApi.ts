// The application service's public face: the operations the command layer calls.
import type { AuditRecord, ChainHead, ChainVerdict } from '../domain/audit/auditChain';
import type { ForfeitReason } from '../domain/claims/claim';
import type { ShippingContact } from '../domain/claims/shippingContact';
import type { ProofDocument } from '../domain/proofDocument';
import type { DrawEvent, Prize } from '../domain/types';
import type { BackupDocument } from '../io/export/backupSchema';
import type { ExportLanguage } from '../io/export/winnersExport';
import type { ImportSource } from '../io/import/importTypes';
import type {
  AuditPage,
  ClaimStaffView,
  ForfeitResult,
  RestoreSummary,
  ShippingContactInput,
  WinnerClaimView,
} from './claimTypes';
import type { AddPrizeInput, CreateEventInput, UpdateEventInput, UpdatePrizeInput } from './eventTypes';
import type { JoinInput, JoinResult, ParticipantStateView, ParticipantView } from './participantTypes';
import type { ErasureView, PurgeView } from './privacyTypes';
import type {
  CheckInInput,
  CheckInResult,
  ImportPeopleOptions,
  ImportPeopleResult,
  PersonView,
} from './peopleTypes';
import type {
  CloseEntriesView,
  CreateRoundInput,
  DrawRoundResult,
  FrozenEntriesView,
  AggregateOdds,
  RoundAggregate,
  RoundView,
} from './roundTypes';

/** The operations transports call; every failure is a DrawcastError with a shared ErrorCode. */
export interface DrawcastService {
  /** Stops the service's background work (the odds worker thread); the store is closed by its owner. */
  close(): Promise<void>;
  createEvent(input: CreateEventInput): Promise<DrawEvent>;
  listEvents(): Promise<DrawEvent[]>;
  /** Throws EVENT_NOT_FOUND. */
  getEvent(eventId: string): Promise<DrawEvent>;
  /** Case-insensitive; throws EVENT_NOT_FOUND. */
  getEventByJoinCode(joinCode: string): Promise<DrawEvent>;
  /** Status moves: draft→open|closed, open→closed, closed→open; anything else is CONFLICT. */
  updateEvent(eventId: string, patch: UpdateEventInput): Promise<DrawEvent>;

  addPrize(eventId: string, input: AddPrizeInput): Promise<Prize>;
  listPrizes(eventId: string): Promise<Prize[]>;
  /** Throws PRIZE_NOT_FOUND, PRIZE_QUANTITY_TOO_LOW (below awarded + held by open rounds). */
  updatePrize(eventId: string, prizeId: string, input: UpdatePrizeInput): Promise<Prize>;
  /** Throws PRIZE_NOT_FOUND. */
  getPrize(prizeId: string): Promise<Prize>;

  /** Event must be open; same device → same entry (created=false). */
  join(input: JoinInput): Promise<JoinResult>;
  getParticipantByDevice(eventId: string, deviceToken: string): Promise<ParticipantView | null>;
  countParticipants(eventId: string): Promise<number>;
  /** Host list in join order; limit 1..1000 (default 100). */
  listParticipants(eventId: string, page?: { offset?: number; limit?: number }): Promise<ParticipantView[]>;

  /** The seed is stored durably before the commitment is returned. */
  createRound(eventId: string, input: CreateRoundInput): Promise<RoundView>;
  /**
   * Freezes the round's entry list (count and digest published at once, before any entropy). Idempotent;
   * NOT_ENOUGH_ENTRIES if fewer eligible than k; ROUND_NOT_REVEALED / CONFLICT while an earlier round blocks it.
   */
  closeEntries(roundId: string): Promise<CloseEntriesView>;
  /** Public: the frozen list of a closed round; ENTRIES_NOT_CLOSED while entries are open. */
  getFrozenEntries(roundId: string): Promise<FrozenEntriesView>;
  /** Only after the close and before the draw; ENTRIES_NOT_CLOSED before, ROUND_ALREADY_DRAWN after. */
  setPublicEntropy(roundId: string, publicEntropy: string): Promise<RoundView>;
  /**
   * Idempotent and race-safe: concurrent calls draw once, from the frozen list. A never-closed round
   * without entropy is closed and drawn in one step. NOT_ENOUGH_ENTRIES if fewer eligible than k.
   */
  drawRound(roundId: string): Promise<DrawRoundResult>;
  /** Frees a committed round's prize reservation (e.g. after NOT_ENOUGH_ENTRIES); ROUND_ALREADY_DRAWN if drawn. */
  cancelRound(roundId: string): Promise<RoundView>;
  getRound(roundId: string): Promise<RoundView>;
  listRounds(eventId: string): Promise<RoundView[]>;
  /** The oldest committed round of the event, the one joins' odds refer to; null if none. */
  currentRound(eventId: string): Promise<RoundView | null>;

  roundAggregate(roundId: string): Promise<RoundAggregate>;
  /** Aggregate of currentRound(eventId), or null when no round is committed. */
  currentAggregate(eventId: string): Promise<RoundAggregate | null>;
  /** Exact odds per weight class of an aggregate from the odds cache (never blocks on an expensive one). */
  aggregateOdds(aggregate: RoundAggregate): AggregateOdds;
  /** Resolves when every odds computation started so far has landed (the broadcast then follows up). */
  oddsSettled(): Promise<void>;

  /** Public; hides the seed until phoneRevealAt. Throws ROUND_NOT_FOUND. */
  getProof(roundId: string): Promise<ProofDocument>;
  /** Throws PARTICIPANT_NOT_FOUND if this device has not joined the event. */
  participantState(eventId: string, deviceToken: string): Promise<ParticipantStateView>;

  // ---- issue #4: bonus tickets --------------------------------------------------------------------
  /** Host: tickets before bonus (1..1000) of one participant; the bonus rule is applied on top. */
  setBaseTickets(participantId: string, baseTickets: number): Promise<ParticipantView>;

  // ---- issue #4: imported lists and check-in -----------------------------------------------------
  /** Host: CSV/XLSX → imported people (entries at once, check-in tokens each); all-or-nothing per file. */
  importPeople(
    eventId: string,
    source: ImportSource,
    filename: string,
    options?: ImportPeopleOptions,
  ): Promise<ImportPeopleResult>;
  /** Host: imported people with their check-in tokens, in import order; limit 1..1000. */
  listPeople(eventId: string, page?: { offset?: number; limit?: number }): Promise<PersonView[]>;
  /** Host: the QR (SVG) of a person's check-in link, checkinPageUrl + ?token=…. */
  checkinQrSvg(participantId: string, checkinPageUrl: string): Promise<string>;
  /** A phone (deviceToken) or staff member (staff) scans a check-in QR; idempotent. */
  checkIn(input: CheckInInput): Promise<CheckInResult>;

  // ---- issue #4: claims, forfeits and redraws ----------------------------------------------------
  /** Host/staff: every claim of the event in draw order, contacts masked. */
  listClaims(eventId: string): Promise<ClaimStaffView[]>;
  /** Host/staff: one claim by id. */
  getClaim(claimId: string): Promise<ClaimStaffView>;
  /** Staff: redeem once; ALREADY_REDEEMED (says when) / CLAIM_FORFEITED / CLAIM_NOT_FOUND / INVALID_CODE. */
  redeem(code: string, staff: string): Promise<ClaimStaffView>;
  /** Host: forfeit by claim id or code ('no_show' any time, 'deadline' once passed); frees a prize unit. */
  forfeit(claimIdOrCode: string, reason: ForfeitReason): Promise<ForfeitResult>;
  /** System: forfeit every pending claim past its event's deadline (one event, or all); run on a timer. */
  sweepClaimDeadlines(eventId?: string): Promise<ForfeitResult[]>;
  /** Host: a new committed k=1 round for a forfeited slot (own seed and commitment); draw it with drawRound. */
  redraw(claimId: string): Promise<RoundView>;
  /** Winner's phone: store (or replace) the shipping contact of a pending claim, encrypted at rest. */
  submitShippingContact(input: ShippingContactInput): Promise<WinnerClaimView>;
  /** Host/staff: the full, decrypted shipping contact of a claim (null if none given). */
  getShippingContact(claimId: string): Promise<ShippingContact | null>;

  // ---- issue #4: exports, backup, audit -----------------------------------------------------------
  /** Host: the winners as CSV (UTF-8 BOM, formulas neutralised) or XLSX. */
  exportWinners(eventId: string, format: 'csv' | 'xlsx', language?: ExportLanguage): Promise<Buffer>;
  /** Host: the whole event as a v1 backup document (JSON-serialisable; includes seeds and hashes). */
  backupEvent(eventId: string): Promise<BackupDocument>;
  /** Writes a validated backup into this store (INVALID_BACKUP naming the field; CONFLICT if the event exists). */
  restoreEvent(document: unknown): Promise<RestoreSummary>;
  /** Host: a page of the event's hash-chained audit log. */
  listAudit(eventId: string, page?: AuditPage): Promise<AuditRecord[]>;
  /**
   * Host: checks the event's whole audit chain (first broken link); with `head` (`seq:hash` from a proof,
   * a backup or a screenshot), also that the chain still reaches it (a log cut short is reported).
   */
  verifyAudit(eventId: string, head?: string): Promise<ChainVerdict>;
  /** Public: the event's audit head now (seq and hash only), for the stage to show beside the commitment. */
  auditHead(eventId: string): Promise<ChainHead | null>;

  // ---- issue #14: privacy deletion and retention ----------------------------------------------------
  /** Host: erase one person's personal data; proofs keep the opaque id (PARTICIPANT_NOT_FOUND). */
  eraseParticipant(eventId: string, participantId: string): Promise<ErasureView>;
  /** Phone: erase its own data, proved by the device token (PARTICIPANT_NOT_FOUND if it never joined). */
  eraseOwnData(eventId: string, deviceToken: string): Promise<ErasureView>;
  /** System: purge closed events past their retention (run on a timer); the events purged. */
  purgeExpiredPersonalData(): Promise<PurgeView[]>;
}
