// The application service's public face: what the transports (REST, Socket.IO) call and get back.
import type { Store } from '../store/store';
import type { RoundOddsCache } from './odds/roundOddsCache';
import type { WeightBreakdown } from '../domain/bonus/weight';
import type { ReferralRejection } from '../domain/bonus/referral';
import type { ForfeitReason } from '../domain/claims/claim';
import type { ShippingContact } from '../domain/claims/shippingContact';
import type { AuditRecord, ChainVerdict } from '../domain/audit/auditChain';
import type {
  DrawEvent,
  EventSettings,
  EventStatus,
  ParticipantSource,
  Prize,
  RedrawLink,
  RoundStatus,
} from '../domain/types';
import type { ProofDocument } from '../domain/proofDocument';
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
import type {
  CheckInInput,
  CheckInResult,
  ImportPeopleOptions,
  ImportPeopleResult,
  PersonView,
} from './peopleTypes';

export type * from './claimTypes';
export type * from './peopleTypes';

/** Time is injected so tests (and reveal scheduling) control it. */
export interface Clock {
  /** Milliseconds since the epoch. */
  now(): number;
}

/** Randomness is injected so tests are deterministic; production uses a CSPRNG. */
export interface Random {
  bytes(n: number): Uint8Array;
}

/** Everything the service needs from the outside world. */
export interface ServiceDeps {
  store: Store;
  clock: Clock;
  random: Random;
  /** Pepper for HMAC hashing of phone numbers and device tokens. */
  secret: string;
  /**
   * AES-256 key for winners' shipping contacts (loadOrCreateContactKey(dataDir)); without it, events
   * that collect shipping contacts refuse submissions with INTERNAL.
   */
  contactKey?: Uint8Array | null;
  /** Per-round odds cache to use instead of the default one (tests inject compute seams through it). */
  oddsCache?: RoundOddsCache;
}

/** Input of createEvent; settings default to DEFAULT_EVENT_SETTINGS (bonus, if given, is whole). */
export interface CreateEventInput {
  title: string;
  settings?: Partial<EventSettings>;
}

/** Input of updateEvent; settings are merged into the current ones; a new bonus rule re-weighs everyone. */
export interface UpdateEventInput {
  title?: string;
  status?: EventStatus;
  settings?: Partial<EventSettings>;
}

/** Input of addPrize. */
export interface AddPrizeInput {
  name: string;
  description?: string;
  imageUrl?: string | null;
  quantity: number;
}

/** Input of join (the phone's self-registration after scanning the QR code). */
export interface JoinInput {
  joinCode: string;
  nickname: string;
  /** Opaque per-device secret kept by the phone (8..200 chars); one device = one entry per event. */
  deviceToken: string;
  phone?: string;
  /** The share code of the friend whose invite link was used (?ref=); a bad one never blocks the join. */
  ref?: string;
}

/** Input of createRound; excludePreviousWinners defaults to the event's setting. */
export interface CreateRoundInput {
  prizeId: string;
  winners: number;
  excludePreviousWinners?: boolean;
  /** Participant ids of this event that may not win this round. */
  blocklist?: string[];
  /** Only checked-in (imported) people enter; default false. */
  checkedInOnly?: boolean;
}

/** A participant as shown to itself and the host: no hashes. */
export interface ParticipantView {
  id: string;
  eventId: string;
  nickname: string;
  phoneMasked: string | null;
  /** drawcast-v1 weight. */
  tickets: number;
  joinedAt: number;
  source: ParticipantSource;
  /** The code of this participant's invite link (shareLink(joinUrl, code)); null for unlinked imports. */
  shareCode: string | null;
  /** Friends counted for this participant. */
  referrals: number;
  checkedInAt: number | null;
}

/** A winner as shown on screens: the opaque id (matches the proof) plus the nickname. */
export interface WinnerView {
  participantId: string;
  nickname: string;
}

/**
 * A round as the host and stage see it. Never contains the serverSeed. `winners` is filled as soon as
 * the round is drawn: transports must not send it to the audience before phoneRevealAt.
 */
export interface RoundView {
  id: string;
  eventId: string;
  prizeId: string;
  prizeName: string;
  k: number;
  excludePreviousWinners: boolean;
  checkedInOnly: boolean;
  blocklist: string[];
  /** Set on a redraw round: the forfeited slot it re-awards. */
  redrawOf: RedrawLink | null;
  commitment: string;
  publicEntropy: string;
  status: RoundStatus;
  createdAt: number;
  drawnAt: number | null;
  revealAt: number | null;
  phoneRevealAt: number | null;
  /** clock.now() ≥ phoneRevealAt at the time the view was built. */
  revealed: boolean;
  entriesDigest: string | null;
  winners: WinnerView[] | null;
}

/** Odds per weight class for one aggregate; `exact` is false while they belong to an older one (or none yet). */
export interface AggregateOdds {
  byWeight: Readonly<Record<number, number>> | null;
  exact: boolean;
}

/** Entries per weight class among the currently eligible entries of a round: the odds broadcast payload. */
export interface RoundAggregate {
  roundId: string;
  k: number;
  /** weight → number of eligible entries with that weight. */
  counts: Record<number, number>;
  /** Number of eligible entries. */
  total: number;
}

export type { PendingProofDocument, ProofDocument, RevealedProofDocument } from '../domain/proofDocument';

/** The round phones are currently entered in (the oldest committed round of the event). */
export interface OpenRoundView {
  roundId: string;
  prizeId: string;
  prizeName: string;
  commitment: string;
  k: number;
  aggregate: RoundAggregate;
  /** Whether this participant is eligible (not blocklisted, not excluded as an earlier winner). */
  eligible: boolean;
  /**
   * This participant's probability of winning the round (0 when not eligible). Null while the first
   * computation of an expensive round is still running in the background.
   */
  odds: number | null;
  /**
   * Whether `odds` belongs to exactly this `aggregate`. False while a newer figure is being computed (or
   * throttled): the phone also receives the aggregate and can compute the exact figure itself.
   */
  oddsExact: boolean;
}

/** A revealed round's result as every phone may see it. */
export interface RevealedResultView {
  roundId: string;
  prizeId: string;
  prizeName: string;
  commitment: string;
  revealAt: number;
  phoneRevealAt: number;
  winners: WinnerView[];
}

/** A drawn round whose phone reveal time has not come yet: phones schedule the animation, result comes later. */
export interface PendingRevealView {
  roundId: string;
  prizeId: string;
  prizeName: string;
  revealAt: number;
  phoneRevealAt: number;
}

/** One of this participant's wins (only of revealed rounds). */
export interface WinView {
  roundId: string;
  prizeId: string;
  prizeName: string;
  /** 1 = first drawn (a redraw winner keeps the place of the slot they re-won). */
  place: number;
  /** The redemption claim (code + QR while pending); null only for rounds drawn before claims existed. */
  claim: WinnerClaimView | null;
}

/** Everything a phone needs to rebuild its screen after (re)connecting. */
export interface ParticipantStateView {
  event: DrawEvent;
  participant: ParticipantView;
  tickets: number;
  /** How the tickets are made up ("1 + 3 referral + 1 early-bird"), for the phone to explain. */
  ticketBreakdown: WeightBreakdown;
  openRound: OpenRoundView | null;
  pendingReveals: PendingRevealView[];
  results: RevealedResultView[];
  wins: WinView[];
  /** Server time the state was computed at. */
  serverNow: number;
}

/** Result of join. */
export interface JoinResult {
  participant: ParticipantView;
  /** False when this device had already joined: the same entry is returned. */
  created: boolean;
  event: DrawEvent;
  /** The current round with this participant's eligibility and odds, for the join ack; null if none. */
  openRound: OpenRoundView | null;
  /** Null when no ref was given; otherwise whether the friend's referral counted, and why not. */
  referral: { counted: true } | { counted: false; reason: ReferralRejection } | null;
  /** The participant whose invite counted for this new entry (told live, so its phone shows the bonus). */
  referrerId?: string | null;
}

/** Result of drawRound: a second call returns the stored result with alreadyDrawn = true. */
export interface DrawRoundResult {
  round: RoundView;
  alreadyDrawn: boolean;
}

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
  /** Only while the round is committed; else ROUND_ALREADY_DRAWN. */
  setPublicEntropy(roundId: string, publicEntropy: string): Promise<RoundView>;
  /** Idempotent and race-safe: concurrent calls draw once. NOT_ENOUGH_ENTRIES if fewer eligible than k. */
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
  /** Host: checks the event's whole audit chain (first broken link). */
  verifyAudit(eventId: string): Promise<ChainVerdict>;
}
