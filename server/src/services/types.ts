// The application service's public face: what the transports (REST, Socket.IO) call and get back.
import type { Store } from '../store/store';
import type { DrawEvent, EventSettings, EventStatus, Prize, RoundStatus } from '../domain/types';
import type { ProofDocument } from '../domain/proofDocument';

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
}

/** Input of createEvent; settings default to DEFAULT_EVENT_SETTINGS. */
export interface CreateEventInput {
  title: string;
  settings?: Partial<EventSettings>;
}

/** Input of updateEvent; settings are merged into the current ones. */
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
}

/** Input of createRound; excludePreviousWinners defaults to the event's setting. */
export interface CreateRoundInput {
  prizeId: string;
  winners: number;
  excludePreviousWinners?: boolean;
  /** Participant ids of this event that may not win this round. */
  blocklist?: string[];
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
  blocklist: string[];
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
  /** This participant's exact probability of winning the round (0 when not eligible). */
  odds: number;
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
  /** 1 = first drawn. */
  place: number;
}

/** Everything a phone needs to rebuild its screen after (re)connecting. */
export interface ParticipantStateView {
  event: DrawEvent;
  participant: ParticipantView;
  tickets: number;
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
}

/** Result of drawRound: a second call returns the stored result with alreadyDrawn = true. */
export interface DrawRoundResult {
  round: RoundView;
  alreadyDrawn: boolean;
}

/** The operations transports call; every failure is a DrawcastError with a shared ErrorCode. */
export interface DrawcastService {
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

  /** Public; hides the seed until phoneRevealAt. Throws ROUND_NOT_FOUND. */
  getProof(roundId: string): Promise<ProofDocument>;
  /** Throws PARTICIPANT_NOT_FOUND if this device has not joined the event. */
  participantState(eventId: string, deviceToken: string): Promise<ParticipantStateView>;
}
