// The storage boundary: SQLite now, Redis for several nodes later; both must pass conformance.ts.
import type { Entry } from '@drawcast/shared';
import type {
  DrawEvent,
  DrawOutcome,
  EventSettings,
  EventStatus,
  Participant,
  Prize,
  Round,
} from '../domain/types';

/** Result of inserting an event: join codes are unique, so the caller retries with a fresh code. */
export type InsertEventResult = { ok: true } | { ok: false; reason: 'JOIN_CODE_TAKEN' };

/** Result of a join: the same (event, device) always maps to the same entry; a phone joins once per event. */
export type InsertParticipantResult =
  | { status: 'created'; participant: Participant }
  | { status: 'existing'; participant: Participant }
  | { status: 'phone_taken' };

/** Result of creating a round: prize capacity (quantity − awarded − undrawn reservations) is checked atomically. */
export type InsertRoundResult =
  | { ok: true }
  | { ok: false; reason: 'PRIZE_NOT_FOUND' }
  | { ok: false; reason: 'PRIZE_EXHAUSTED'; available: number };

/** Compare-and-set outcome of a state change on a round that must still be 'committed'. */
export type RoundUpdateResult =
  | { ok: true; round: Round }
  | { ok: false; reason: 'ROUND_NOT_FOUND' }
  | { ok: false; reason: 'NOT_COMMITTED'; round: Round };

/** Outcome of recording a draw: exactly one caller stores it, every later caller gets the stored result. */
export type CommitDrawResult =
  | { outcome: 'drawn'; round: Round }
  | { outcome: 'already_drawn'; round: Round }
  | { outcome: 'not_found' }
  | { outcome: 'cancelled'; round: Round }
  | { outcome: 'prize_exhausted'; round: Round; available: number }
  /** The round's publicEntropy changed after the draw was computed: recompute and try again. */
  | { outcome: 'stale_entropy'; round: Round };

/** Fields of an event the host may change; settings are replaced whole (the service merges). */
export interface EventPatch {
  title?: string;
  status?: EventStatus;
  settings?: EventSettings;
}

/** Every method is async even on synchronous SQLite, so a networked store fits the same shape. */
export interface Store {
  insertEvent(event: DrawEvent): Promise<InsertEventResult>;
  getEvent(eventId: string): Promise<DrawEvent | null>;
  getEventByJoinCode(joinCode: string): Promise<DrawEvent | null>;
  listEvents(): Promise<DrawEvent[]>;
  updateEvent(eventId: string, patch: EventPatch): Promise<DrawEvent | null>;

  insertPrize(prize: Prize): Promise<void>;
  getPrize(prizeId: string): Promise<Prize | null>;
  listPrizes(eventId: string): Promise<Prize[]>;

  /** Atomic get-or-create keyed by (eventId, deviceTokenHash); a phoneHash already used in the event is refused. */
  insertParticipantIfAbsent(participant: Participant): Promise<InsertParticipantResult>;
  getParticipant(participantId: string): Promise<Participant | null>;
  getParticipantByDevice(eventId: string, deviceTokenHash: string): Promise<Participant | null>;
  /** Only participants of that event; unknown ids are left out; order not guaranteed. */
  getParticipantsByIds(eventId: string, participantIds: readonly string[]): Promise<Participant[]>;
  countParticipants(eventId: string): Promise<number>;
  /** A page of the event's participants in join order, for the host's list and exports. */
  listParticipants(eventId: string, page: { offset: number; limit: number }): Promise<Participant[]>;
  /** Changes tickets (issue #4 bonus); returns null for an unknown participant. */
  setParticipantWeight(participantId: string, weight: number): Promise<Participant | null>;
  /** Entries of the event, optionally without anyone who has won in it; any order. */
  listEntries(eventId: string, options: { excludeWinners: boolean }): Promise<Entry[]>;
  /** Entries per weight class (weight → count); must stay cheap at 50,000 participants. */
  weightCounts(eventId: string, options: { excludeWinners: boolean }): Promise<Record<number, number>>;

  /** Stores a committed round (seed included) only if its prize still has room for k more winners. */
  insertRound(round: Round): Promise<InsertRoundResult>;
  getRound(roundId: string): Promise<Round | null>;
  /** Rounds of an event, oldest first. */
  listRounds(eventId: string): Promise<Round[]>;
  /** The oldest committed round of the event (the one joins' odds refer to), or null; cheap, called per join. */
  getCurrentRound(eventId: string): Promise<Round | null>;
  /** The frozen entry list of a drawn round (for its proof), or null if not drawn. */
  getRoundEntries(roundId: string): Promise<Entry[] | null>;
  setPublicEntropy(roundId: string, publicEntropy: string): Promise<RoundUpdateResult>;
  cancelRound(roundId: string): Promise<RoundUpdateResult>;
  /**
   * In one transaction: if the round is 'committed' and its publicEntropy still equals the one the draw used,
   * store the outcome, bump the prize's awarded count and mark the winners as having won; if it is already
   * drawn, return the stored result unchanged.
   */
  commitDrawResult(roundId: string, outcome: DrawOutcome): Promise<CommitDrawResult>;

  close(): Promise<void>;
}
