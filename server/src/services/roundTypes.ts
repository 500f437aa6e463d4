// Service shapes for rounds: inputs, the host/stage view, the odds aggregate, draw results.
import type { Entry } from '@drawcast/shared';
import type { DrawMode, Round } from '../domain/types';

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
  /** Stage animation: 'wheel' (default) or 'slots'. */
  drawMode?: DrawMode;
}

/** A winner as shown on screens: the opaque id (matches the proof) plus the nickname. */
export interface WinnerView {
  participantId: string;
  nickname: string;
}

/**
 * A round as the host and stage see it: the stored round without its seed (derived from the domain type,
 * so a new round field reaches the view without an edit here), plus the prize name and the winners with
 * nicknames. `winners` is filled as soon as the round is drawn: transports must not send it to the
 * audience before phoneRevealAt.
 */
export type RoundView = Omit<Round, 'serverSeed' | 'winners' | 'drawMode'> & {
  prizeName: string;
  /** Stage animation of this round ('wheel' for rounds stored without one). */
  drawMode: DrawMode;
  /** clock.now() ≥ phoneRevealAt at the time the view was built. */
  revealed: boolean;
  winners: WinnerView[] | null;
};

/** Result of closeEntries: a second call returns the frozen state with alreadyClosed = true. */
export interface CloseEntriesView {
  round: RoundView;
  alreadyClosed: boolean;
}

/** The frozen entry list of a closed round, as the public route serves it. */
export interface FrozenEntriesView {
  algorithm: 'drawcast-v1';
  roundId: string;
  commitment: string;
  entriesClosedAt: number;
  entryCount: number;
  entriesDigest: string;
  /** Canonical order, exactly as the proof will list them. */
  entries: Entry[];
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

/** Odds per weight class for one aggregate; `exact` is false while they belong to an older one (or none yet). */
export interface AggregateOdds {
  byWeight: Readonly<Record<number, number>> | null;
  exact: boolean;
}

/** Result of drawRound: a second call returns the stored result with alreadyDrawn = true. */
export interface DrawRoundResult {
  round: RoundView;
  alreadyDrawn: boolean;
  /** The round was never closed: this draw froze its entries in the same step (announce the close too). */
  closedByDraw: boolean;
}
