import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { appendRecord, GENESIS_HASH, hashRecord, verifyChain } from './auditChain';
import type { AuditFields, AuditRecord } from './auditChain';
import type { JsonValue } from './canonicalJson';

const fieldsArb: fc.Arbitrary<AuditFields> = fc.record({
  at: fc.nat(),
  actor: fc.string({ minLength: 1, maxLength: 20 }),
  action: fc.constantFrom('event.create', 'round.draw', 'claim.redeem', 'claim.forfeit', 'import.rows'),
  subject: fc.string({ minLength: 1, maxLength: 20 }),
  data: fc.jsonValue({ maxDepth: 3 }) as fc.Arbitrary<JsonValue>,
});

function chain(fields: AuditFields[]): AuditRecord[] {
  const records: AuditRecord[] = [];
  for (const f of fields) records.push(appendRecord(records.at(-1) ?? null, f));
  return records;
}

const sample = chain([
  { at: 1, actor: 'host', action: 'event.create', subject: 'event:e1', data: { title: '年会' } },
  { at: 2, actor: 'host', action: 'round.commit', subject: 'round:r1', data: { k: 3 } },
  { at: 3, actor: 'system', action: 'round.draw', subject: 'round:r1', data: { winners: ['a', 'b', 'c'] } },
  { at: 4, actor: 'staff:desk-1', action: 'claim.redeem', subject: 'claim:ABCDE', data: null },
]);

const KEYS = ['seq', 'at', 'actor', 'action', 'subject', 'data', 'prevHash', 'hash'] as const;

/** A value of the same kind that is certainly different, so the edit is a real one. */
function edited(record: AuditRecord, key: (typeof KEYS)[number], salt: number): AuditRecord {
  const copy = structuredClone(record);
  switch (key) {
    case 'seq':
    case 'at':
      copy[key] = record[key] + 1 + salt;
      break;
    case 'actor':
    case 'action':
    case 'subject':
      copy[key] = `${record[key]}~${salt}`;
      break;
    case 'data':
      copy.data = { edited: salt, was: record.data };
      break;
    case 'prevHash':
    case 'hash':
      copy[key] = (record[key][0] === 'a' ? 'b' : 'a') + record[key].slice(1);
      break;
  }
  return copy;
}

describe('audit chain', () => {
  it('links each record to the previous hash, starting from the genesis hash', () => {
    expect(sample.map((r) => r.seq)).toEqual([1, 2, 3, 4]);
    expect(sample[0]!.prevHash).toBe(GENESIS_HASH);
    for (let i = 1; i < sample.length; i++) expect(sample[i]!.prevHash).toBe(sample[i - 1]!.hash);
    for (const r of sample) expect(r.hash).toBe(hashRecord(r));
    expect(verifyChain(sample)).toEqual({ ok: true, count: 4, head: { seq: 4, hash: sample[3]!.hash } });
    expect(verifyChain([])).toEqual({ ok: true, count: 0, head: null });
  });

  it('appends with one serialisation of data whose hash is exactly hashRecord of the record', () => {
    fc.assert(
      fc.property(fc.array(fieldsArb, { minLength: 1, maxLength: 5 }), (fields) => {
        for (const record of chain(fields)) {
          const { hash, ...body } = record;
          expect(hash).toBe(hashRecord(body));
        }
      }),
    );
  });

  it('verifies after a round trip through JSON text, as when stored in the database', () => {
    expect(verifyChain(JSON.parse(JSON.stringify(sample)) as AuditRecord[]).ok).toBe(true);
  });

  it('detects any single-field edit anywhere, at that record', () => {
    fc.assert(
      fc.property(
        fc.array(fieldsArb, { minLength: 1, maxLength: 12 }),
        fc.nat(),
        fc.constantFrom(...KEYS),
        fc.nat(1000),
        (fields, pick, key, salt) => {
          const records = chain(fields);
          const i = pick % records.length;
          records[i] = edited(records[i]!, key, salt);
          const verdict = verifyChain(records);
          expect(verdict).toMatchObject({ ok: false, brokenAt: i + 1 });
        },
      ),
    );
  });

  it('detects a deleted row and names the missing seq', () => {
    const verdict = verifyChain([sample[0]!, sample[2]!, sample[3]!]);
    expect(verdict).toEqual({ ok: false, brokenAt: 2, reason: expect.stringMatching(/record 2 is missing/) });
  });

  it('detects reordered rows', () => {
    expect(verifyChain([sample[0]!, sample[2]!, sample[1]!, sample[3]!])).toMatchObject({
      ok: false,
      brokenAt: 2,
    });
  });

  it('detects a row deleted and the following ones renumbered and rehashed', () => {
    // An attacker who rewrites the tail still cannot hide it from the kept head hash.
    const rest = chain([sample[0]!, sample[2]!, sample[3]!]);
    const head = { seq: 4, hash: sample[3]!.hash };
    expect(verifyChain(rest).ok).toBe(true);
    expect(verifyChain(rest, { expectedHead: head })).toMatchObject({ ok: false });
  });

  it('detects a truncated log against the kept head', () => {
    const head = { seq: 4, hash: sample[3]!.hash };
    expect(verifyChain(sample, { expectedHead: head }).ok).toBe(true);
    expect(verifyChain(sample.slice(0, 3), { expectedHead: head })).toEqual({
      ok: false,
      brokenAt: 4,
      reason: expect.stringMatching(/ends at record 3 but record 4 existed/),
      truncated: true,
    });
  });

  it('takes a head read off a screen (8+ hex digits) and refuses a shorter or wrong one', () => {
    const full = sample[3]!.hash;
    expect(verifyChain(sample, { expectedHead: { seq: 4, hash: full.slice(0, 8) } })).toMatchObject({
      ok: true,
      anchoredAt: { seq: 4, hash: full.slice(0, 8) },
    });
    expect(verifyChain(sample, { expectedHead: { seq: 4, hash: full.slice(0, 7) } }).ok).toBe(false);
    const wrong = (full[0] === '0' ? '1' : '0') + full.slice(1, 8);
    expect(verifyChain(sample, { expectedHead: { seq: 4, hash: wrong } })).toMatchObject({
      ok: false,
      brokenAt: 4,
    });
    expect(
      verifyChain(sample.slice(0, 2), { expectedHead: { seq: 4, hash: full.slice(0, 8) } }),
    ).toMatchObject({
      ok: false,
      truncated: true,
    });
  });

  it('reports malformed rows instead of throwing', () => {
    const broken = [sample[0]!, { ...sample[1]!, hash: 'xyz' }];
    expect(verifyChain(broken)).toMatchObject({
      ok: false,
      brokenAt: 2,
      reason: expect.stringMatching(/malformed/),
    });
    expect(verifyChain([null as unknown as AuditRecord])).toMatchObject({ ok: false, brokenAt: 1 });
  });

  it.each([
    [{ at: -1 }, 'at'],
    [{ actor: '' }, 'actor'],
    [{ action: 'x'.repeat(201) }, 'action'],
    [{ subject: 5 }, 'subject'],
    [{ data: { when: new Date() } }, 'data.when'],
  ])('refuses bad fields when appending (%#)', (patch, field) => {
    const fields = { at: 1, actor: 'host', action: 'a', subject: 's', data: null, ...patch } as AuditFields;
    expect(() => appendRecord(null, fields)).toThrow(
      expect.objectContaining({ code: 'VALIDATION_FAILED', field }),
    );
  });
});
