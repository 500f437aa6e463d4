import { describe, expect, it } from 'vitest';
import { computeEntriesDigest } from './digest';
import { checkFrozenEntries } from './frozenEntries';
import { verifyProof, buildProof } from './proof';

const entries = [
  { id: 'a0', weight: 2 },
  { id: 'a', weight: 1 },
  { id: '小明', weight: 3 },
];
const digest = computeEntriesDigest(entries);

describe('checkFrozenEntries', () => {
  it('recomputes the digest, finds one entry and says whether it is in', () => {
    const list = { entries, entriesDigest: digest, entryCount: 3 };
    expect(checkFrozenEntries(list, { entryId: '小明' })).toMatchObject({
      ok: true,
      entriesDigest: digest,
      entryCount: 3,
      mine: { id: '小明', weight: 3 },
    });
    const absent = checkFrozenEntries(list, { expectedDigest: digest, entryId: 'zed' });
    expect(absent).toMatchObject({ ok: true, mine: null });
    expect(absent.message).toMatch(/zed is NOT in it/);
  });

  it('fails on a digest other than the published one, a wrong count, or a malformed list; never throws', () => {
    const list = { entries, entriesDigest: digest, entryCount: 3 };
    expect(checkFrozenEntries(list, { expectedDigest: 'f'.repeat(64) }).ok).toBe(false);
    expect(checkFrozenEntries({ ...list, entries: entries.slice(1) }).ok).toBe(false);
    expect(checkFrozenEntries({ ...list, entryCount: 4 }).ok).toBe(false);
    for (const junk of [null, 7, 'x', {}, { entries: [{ id: 'a:b', weight: 1 }] }, { entries: [1] }]) {
      expect(checkFrozenEntries(junk).ok).toBe(false);
    }
  });

  it('is the proof digest: a proof with extra fields (the audit head) still verifies', () => {
    const proof = buildProof({ roundId: 'r', serverSeed: '1'.repeat(64), publicEntropy: '', entries, k: 1 });
    expect(proof.entriesDigest).toBe(digest);
    const withHead = { ...proof, auditHead: { seq: 12, hash: 'a'.repeat(64) }, entriesClosedAt: 5 };
    expect(verifyProof(withHead)).toMatchObject({ ok: true, failed: null });
  });
});
