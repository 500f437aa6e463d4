// buildProof / verifyProof: a genuine proof passes, each kind of tampering fails the right check.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ProofSchema, buildProof, verifyProof } from './index';
import type { Proof } from './index';

const input = {
  roundId: 'round-42',
  serverSeed: '7971089fabf914db4a53a339a1a04b1a68583f8bc92089a7f491da6764b15efd',
  publicEntropy: 'beacon:12345',
  entries: Array.from({ length: 40 }, (_, i) => ({
    id: `p${String(i).padStart(3, '0')}`,
    weight: 1 + (i % 4),
  })),
  k: 5,
};
const genuine = buildProof(input);
const tampered = (change: (p: Proof) => void): Proof => {
  const copy = structuredClone(genuine);
  change(copy);
  return copy;
};
const otherSeed = '5f347ed51392b93cb6c5ca1b5af89afe6541865d42096a4b072d75562e222236';

describe('verifyProof', () => {
  it('passes a genuine proof on all four checks, in order', () => {
    const verdict = verifyProof(genuine);
    expect(verdict.ok).toBe(true);
    expect(verdict.failed).toBeNull();
    expect(verdict.checks.map((c) => [c.check, c.ok])).toEqual([
      ['format', true],
      ['commitment', true],
      ['digest', true],
      ['winners', true],
    ]);
  });

  it('ProofSchema types a whole proof, entries included', () => {
    expect(ProofSchema.safeParse(genuine).success).toBe(true);
    expect(ProofSchema.safeParse({ ...genuine, entries: [{ id: 1, weight: 1 }] }).success).toBe(false);
    expect(ProofSchema.safeParse({ ...genuine, winners: 'p001' }).success).toBe(false);
  });

  it('survives a JSON round trip and ignores extra fields', () => {
    const json = JSON.parse(JSON.stringify({ ...genuine, state: 'revealed', revealedAt: 123 })) as unknown;
    expect(verifyProof(json).ok).toBe(true);
    expect(ProofSchema.safeParse(json).success).toBe(true);
  });

  it.each<[string, (p: Proof) => void, string, RegExp]>([
    [
      'a swapped winner',
      (p) => (p.winners[0] = p.winners[0] === 'p000' ? 'p001' : 'p000'),
      'winners',
      /place 1/,
    ],
    ['winners reordered', (p) => p.winners.reverse(), 'winners', /place 1/],
    [
      'a changed seed (commitment no longer matches)',
      (p) => (p.serverSeed = otherSeed),
      'commitment',
      /commitment/,
    ],
    [
      'a seed and commitment both replaced (redraw with another seed)',
      (p) => {
        p.serverSeed = otherSeed;
        p.commitment = buildProof({ ...input, serverSeed: otherSeed }).commitment;
      },
      'winners',
      /place/,
    ],
    ['an entry removed', (p) => p.entries.splice(3, 1), 'digest', /entriesDigest/],
    ['a weight raised', (p) => (p.entries[7].weight = 1000), 'digest', /entriesDigest/],
    ['a changed publicEntropy', (p) => (p.publicEntropy = 'beacon:12346'), 'winners', /place/],
    ['a changed roundId', (p) => (p.roundId = 'round-43'), 'winners', /place/],
    [
      'a wrong algorithm',
      (p) => ((p as { algorithm: string }).algorithm = 'drawcast-v2'),
      'format',
      /algorithm/,
    ],
    ['an uppercase seed', (p) => (p.serverSeed = p.serverSeed.toUpperCase()), 'format', /serverSeed/],
    ['a duplicate entry id', (p) => p.entries.push({ ...p.entries[0] }), 'format', /entries\[40\]\.id/],
    [
      'a bad weight',
      (p) => (p.entries[2].weight = 0),
      'format',
      /entries\[2\]\.weight must be an integer from 1 to 1000/,
    ],
    ['no winners', (p) => (p.winners = []), 'format', /winners/],
    [
      'more winners than entries',
      (p) => (p.winners = [...p.winners, ...p.entries.map((e) => e.id)]),
      'format',
      /winners/,
    ],
  ])('fails %s on the right check', (_name, change, check, message) => {
    const verdict = verifyProof(tampered(change));
    expect(verdict.ok).toBe(false);
    expect(verdict.failed).toBe(check);
    const failing = verdict.checks.find((c) => !c.ok);
    expect(failing?.check).toBe(check);
    expect(failing?.message).toMatch(message);
  });

  it('fails the digest check but still replays the winners from the real entries', () => {
    const verdict = verifyProof(tampered((p) => (p.entriesDigest = otherSeed)));
    expect(verdict.failed).toBe('digest');
    expect(verdict.checks.find((c) => c.check === 'winners')?.ok).toBe(true);
  });

  it('explains a proof requested before the reveal', () => {
    const verdict = verifyProof({
      algorithm: 'drawcast-v1',
      roundId: 'r',
      commitment: genuine.commitment,
      state: 'open',
    });
    expect(verdict.failed).toBe('format');
    expect(verdict.checks[0].message).toMatch(/not be revealed yet/);
  });

  it('never throws and never passes, whatever junk it is given', () => {
    fc.assert(
      fc.property(fc.anything(), (junk) => {
        const verdict = verifyProof(junk);
        expect(verdict.ok).toBe(false);
        expect(verdict.failed).toBe('format');
      }),
    );
  });

  it('never throws on a genuine proof with one field replaced by junk', () => {
    const keys = Object.keys(genuine) as (keyof Proof)[];
    fc.assert(
      fc.property(fc.constantFrom(...keys), fc.anything(), (key, junk) => {
        const verdict = verifyProof({ ...genuine, [key]: junk });
        expect(typeof verdict.ok).toBe('boolean');
        if (!verdict.ok) expect(verdict.checks.some((c) => !c.ok && c.message.length > 0)).toBe(true);
      }),
    );
  });
});

describe('buildProof', () => {
  it('publishes the draw inputs, the digest, the commitment and the winners in order drawn', () => {
    expect(genuine.algorithm).toBe('drawcast-v1');
    expect(genuine.entries).toEqual(input.entries);
    expect(genuine.winners).toHaveLength(5);
    expect(new Set(genuine.winners).size).toBe(5);
  });
});
