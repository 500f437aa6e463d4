import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { commitmentOf, draw, verifyProof } from '@drawcast/shared';
import { assembleProofDocument } from './proofDocument';
import type { Round } from './types';

const seed = '5f347ed51392b93cb6c5ca1b5af89afe6541865d42096a4b072d75562e222236';
const entries = [
  { id: 'p_c', weight: 2 },
  { id: 'p_a', weight: 1 },
  { id: 'p_b', weight: 3 },
];

function drawnRound(publicEntropy = 'beacon'): Round {
  const result = draw({ roundId: 'rnd_x', serverSeed: seed, publicEntropy, entries, k: 2 });
  return {
    id: 'rnd_x',
    eventId: 'evt_x',
    prizeId: 'prz_x',
    k: 2,
    excludePreviousWinners: true,
    checkedInOnly: false,
    blocklist: [],
    serverSeed: seed,
    commitment: commitmentOf(seed),
    publicEntropy,
    status: 'drawn',
    createdAt: 0,
    drawnAt: 1_000,
    revealAt: 6_000,
    phoneRevealAt: 16_000,
    entriesClosedAt: 500,
    entryCount: entries.length,
    entriesDigest: result.entriesDigest,
    winners: result.winners,
    redrawOf: null,
    auditHead: { seq: 7, hash: 'a'.repeat(64) },
  };
}

describe('assembleProofDocument', () => {
  it('never contains the seed before phoneRevealAt, whatever the time', () => {
    const round = drawnRound();
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 15_999 }), (now) => {
        const doc = assembleProofDocument(round, entries, now);
        expect(JSON.stringify(doc)).not.toContain(seed);
        expect(doc).toMatchObject({ state: 'drawn', revealed: false, commitment: round.commitment });
      }),
    );
  });

  it('shows the committed state of an undrawn round', () => {
    const round: Round = {
      ...drawnRound(),
      status: 'committed',
      winners: null,
      entriesDigest: null,
      entriesClosedAt: null,
      entryCount: null,
      auditHead: null,
      drawnAt: null,
    };
    const doc = assembleProofDocument(round, null, 1e15);
    expect(doc).toEqual({
      algorithm: 'drawcast-v1',
      roundId: 'rnd_x',
      state: 'committed',
      revealed: false,
      commitment: round.commitment,
      publicEntropy: 'beacon',
      k: 2,
      revealAt: 6_000,
      phoneRevealAt: 16_000,
      entriesClosedAt: null,
      entryCount: null,
      entriesDigest: null,
    });
  });

  it('publishes the frozen list digest and count from the close on, never the seed', () => {
    const round: Round = {
      ...drawnRound(),
      status: 'committed',
      winners: null,
      drawnAt: null,
      auditHead: null,
    };
    const doc = assembleProofDocument(round, null, 1e15);
    expect(doc).toMatchObject({ state: 'committed', entriesClosedAt: 500, entryCount: 3 });
    expect(doc).toMatchObject({ entriesDigest: drawnRound().entriesDigest });
    expect(JSON.stringify(doc)).not.toContain(seed);
  });

  it('from phoneRevealAt on is a complete proof the shared verifier accepts, entries in canonical order', () => {
    const doc = assembleProofDocument(drawnRound(), entries, 16_000);
    expect(doc.revealed).toBe(true);
    expect(verifyProof(doc)).toMatchObject({ ok: true, failed: null });
    expect(doc).toMatchObject({ auditHead: { seq: 7, hash: 'a'.repeat(64) }, entryCount: 3 });
    if (doc.revealed) expect(doc.entries.map((e) => e.id)).toEqual(['p_a', 'p_b', 'p_c']);
  });

  it('a tampered stored result fails verification (the document does not silently re-draw)', () => {
    const round = drawnRound();
    const doc = assembleProofDocument(
      { ...round, winners: [...(round.winners ?? [])].reverse() },
      entries,
      20_000,
    );
    expect(verifyProof(doc).failed).toBe('winners');
  });
});
