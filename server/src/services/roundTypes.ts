// Service shapes for rounds: inputs, the host/stage view, the odds aggregate, draw results.
import type { RedrawLink, RoundStatus } from '../domain/types';

export type { PendingProofDocument, ProofDocument, RevealedProofDocument } from '../domain/proofDocument';

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

/** Entries per weight class among the currently eligible entries of a round: the odds broadcast payload. */
export interface RoundAggregate {
  roundId: string;
  k: number;
  /** weight → number of eligible entries with that weight. */
  counts: Record<number, number>;
  /** Number of eligible entries. */
  total: number;
}

/** Result of drawRound: a second call returns the stored result with alreadyDrawn = true. */
export interface DrawRoundResult {
  round: RoundView;
  alreadyDrawn: boolean;
}
