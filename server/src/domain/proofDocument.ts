// The public proof of a round: hidden seed before the phones' reveal, the full drawcast-v1 proof after it.
import { canonicalEntries } from '@drawcast/shared';
import type { Entry, Proof } from '@drawcast/shared';
import type { ChainHead } from './audit/auditChain';
import { isRevealed, publicRoundState } from './roundRules';
import type { Round } from './types';

/** Public proof before the reveal: state and commitment, never the seed. */
export interface PendingProofDocument {
  algorithm: 'drawcast-v1';
  roundId: string;
  state: 'committed' | 'drawn' | 'cancelled';
  revealed: false;
  commitment: string;
  publicEntropy: string;
  k: number;
  revealAt: number | null;
  phoneRevealAt: number | null;
  /** Set from the close on (before any entropy): the frozen list's time, size and digest. */
  entriesClosedAt: number | null;
  entryCount: number | null;
  entriesDigest: string | null;
}

/** Public proof after phoneRevealAt: the full drawcast-v1 proof (verifyProof accepts it) plus timing. */
export type RevealedProofDocument = Proof & {
  state: 'revealed';
  revealed: true;
  k: number;
  drawnAt: number;
  revealAt: number;
  phoneRevealAt: number;
  entriesClosedAt: number | null;
  entryCount: number;
  /**
   * Extra to drawcast-v1 (verifiers ignore it): the event's audit head right after the draw record, to
   * check the host's audit log against (`npm run audit:verify -- --head seq:hash`). Null for old rounds.
   */
  auditHead: ChainHead | null;
};

/** What GET /api/rounds/:roundId/proof returns. */
export type ProofDocument = PendingProofDocument | RevealedProofDocument;

/**
 * Builds the proof from what was stored at draw time (not a re-run), so the document shows exactly the
 * published result; the seed only appears once `now` has reached the phones' reveal time.
 */
export function assembleProofDocument(
  round: Round,
  entries: readonly Entry[] | null,
  now: number,
): ProofDocument {
  const state = publicRoundState(round, now);
  if (
    state !== 'revealed' ||
    !isRevealed(round, now) ||
    entries === null ||
    round.winners === null ||
    round.entriesDigest === null ||
    round.drawnAt === null ||
    round.revealAt === null ||
    round.phoneRevealAt === null
  ) {
    return {
      algorithm: 'drawcast-v1',
      roundId: round.id,
      state: state === 'revealed' ? 'drawn' : state,
      revealed: false,
      commitment: round.commitment,
      publicEntropy: round.publicEntropy,
      k: round.k,
      revealAt: round.revealAt,
      phoneRevealAt: round.phoneRevealAt,
      entriesClosedAt: round.entriesClosedAt,
      entryCount: round.entryCount,
      entriesDigest: round.entriesDigest,
    };
  }
  return {
    algorithm: 'drawcast-v1',
    roundId: round.id,
    state: 'revealed',
    revealed: true,
    commitment: round.commitment,
    serverSeed: round.serverSeed,
    publicEntropy: round.publicEntropy,
    entriesDigest: round.entriesDigest,
    entries: canonicalEntries(entries).map(({ id, weight }) => ({ id, weight })),
    winners: [...round.winners],
    k: round.k,
    drawnAt: round.drawnAt,
    revealAt: round.revealAt,
    phoneRevealAt: round.phoneRevealAt,
    entriesClosedAt: round.entriesClosedAt,
    entryCount: entries.length,
    auditHead: round.auditHead === null ? null : { ...round.auditHead },
  };
}
