// Bad input gets a typed DrawInputError naming the field; canonical order is UTF-8 byte order.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalEntries, computeEntriesDigest, commitmentOf, draw, validateDrawInput } from './index';
import { DrawErrorCode, DrawInputError } from './errors';
import type { DrawInput } from './types';
import { compareUtf8 } from './validate';

const seed = '5f347ed51392b93cb6c5ca1b5af89afe6541865d42096a4b072d75562e222236';
const good: DrawInput = {
  roundId: 'r1',
  serverSeed: seed,
  publicEntropy: '',
  entries: [
    { id: 'a', weight: 1 },
    { id: 'b', weight: 2 },
    { id: 'c', weight: 3 },
  ],
  k: 2,
};

function rejection(input: unknown): { code: string; field: string; message: string } {
  try {
    validateDrawInput(input as DrawInput);
  } catch (error) {
    expect(error).toBeInstanceOf(DrawInputError);
    const e = error as DrawInputError;
    // draw() must reject the same input the same way, before doing anything else.
    expect(() => draw(input as DrawInput)).toThrow(e.message);
    return { code: e.code, field: e.field, message: e.message };
  }
  throw new Error('expected the input to be rejected');
}

const withEntry = (entry: unknown) => ({ ...good, entries: [good.entries[0], entry, good.entries[2]] });

describe('validateDrawInput', () => {
  it('accepts a good input', () => {
    expect(() => validateDrawInput(good)).not.toThrow();
  });

  it.each([
    [
      'duplicate id',
      { ...good, entries: [...good.entries, { id: 'b', weight: 1 }] },
      'DUPLICATE_ID',
      'entries[3].id',
    ],
    ['weight 0', withEntry({ id: 'b', weight: 0 }), 'INVALID_WEIGHT', 'entries[1].weight'],
    ['weight 1001', withEntry({ id: 'b', weight: 1001 }), 'INVALID_WEIGHT', 'entries[1].weight'],
    ['weight 1.5', withEntry({ id: 'b', weight: 1.5 }), 'INVALID_WEIGHT', 'entries[1].weight'],
    ['weight "2"', withEntry({ id: 'b', weight: '2' }), 'INVALID_WEIGHT', 'entries[1].weight'],
    ['weight NaN', withEntry({ id: 'b', weight: NaN }), 'INVALID_WEIGHT', 'entries[1].weight'],
    ['id with colon', withEntry({ id: 'b:x', weight: 1 }), 'INVALID_ID', 'entries[1].id'],
    ['id with newline', withEntry({ id: 'b\n', weight: 1 }), 'INVALID_ID', 'entries[1].id'],
    ['empty id', withEntry({ id: '', weight: 1 }), 'INVALID_ID', 'entries[1].id'],
    ['numeric id', withEntry({ id: 7, weight: 1 }), 'INVALID_ID', 'entries[1].id'],
    ['lone surrogate id', withEntry({ id: 'b\uD800', weight: 1 }), 'INVALID_ID', 'entries[1].id'],
    ['null entry', withEntry(null), 'INVALID_ID', 'entries[1]'],
    ['entries not an array', { ...good, entries: 'abc' }, 'INVALID_ID', 'entries'],
    ['k = 0', { ...good, k: 0 }, 'INVALID_K', 'k'],
    ['k > n', { ...good, k: 4 }, 'INVALID_K', 'k'],
    ['k = 1.5', { ...good, k: 1.5 }, 'INVALID_K', 'k'],
    ['k missing', { ...good, k: undefined }, 'INVALID_K', 'k'],
    ['no entries', { ...good, entries: [] }, 'INVALID_K', 'k'],
    ['short seed', { ...good, serverSeed: seed.slice(2) }, 'INVALID_SEED', 'serverSeed'],
    ['uppercase seed', { ...good, serverSeed: seed.toUpperCase() }, 'INVALID_SEED', 'serverSeed'],
    ['non-hex seed', { ...good, serverSeed: `${seed.slice(1)}g` }, 'INVALID_SEED', 'serverSeed'],
    ['seed not a string', { ...good, serverSeed: 42 }, 'INVALID_SEED', 'serverSeed'],
    ['roundId not a string', { ...good, roundId: 5 }, 'INVALID_ROUND_ID', 'roundId'],
    ['empty roundId', { ...good, roundId: '' }, 'INVALID_ROUND_ID', 'roundId'],
    ['entropy not a string', { ...good, publicEntropy: null }, 'INVALID_ENTROPY', 'publicEntropy'],
    ['entropy with lone surrogate', { ...good, publicEntropy: '\uDC00' }, 'INVALID_ENTROPY', 'publicEntropy'],
    ['input not an object', 'hello', 'INVALID_ROUND_ID', 'roundId'],
  ])('rejects %s', (_name, input, code, field) => {
    const e = rejection(input);
    expect(e.code).toBe(code);
    expect(e.field).toBe(field);
    expect(e.message).toContain(field === 'entries[1]' ? 'entries[1]' : field);
  });

  it('names the weight range in the message', () => {
    expect(rejection(withEntry({ id: 'b', weight: 0 })).message).toBe(
      'entries[1].weight must be an integer from 1 to 1000',
    );
  });

  it('throws only DrawInputError (never a bare TypeError) for arbitrary junk', () => {
    fc.assert(
      fc.property(
        fc.anything(),
        fc.anything(),
        fc.anything(),
        fc.anything(),
        fc.anything(),
        (a, b, c, d, e) => {
          for (const input of [
            a,
            { roundId: a, serverSeed: b, publicEntropy: c, entries: d, k: e },
            { ...good, entries: d },
          ]) {
            try {
              validateDrawInput(input as DrawInput);
            } catch (error) {
              expect(error).toBeInstanceOf(DrawInputError);
              expect(Object.values(DrawErrorCode)).toContain((error as DrawInputError).code);
            }
          }
        },
      ),
    );
  });
});

describe('canonical order and digest', () => {
  const utf8 = (s: string) => Buffer.from(s, 'utf8');
  // Characters on both sides of every place where UTF-16 order and UTF-8 byte order part ways.
  const boundary = [
    'a',
    'Z',
    '\u00E9',
    '\uD7FF',
    '\uE000',
    '\uFF01',
    '\uFFFF',
    '\u{10000}',
    '\u{1F600}',
    '\u{10FFFF}',
  ];
  const char = fc.oneof(
    fc.constantFrom(...boundary),
    fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }),
  );
  const text = (minLength = 0) => fc.string({ unit: char, minLength, maxLength: 6 });

  it('compareUtf8 agrees with comparing the UTF-8 bytes, for any well-formed strings', () => {
    fc.assert(
      fc.property(text(), text(), (a, b) => {
        expect(Math.sign(compareUtf8(a, b))).toBe(Math.sign(Buffer.compare(utf8(a), utf8(b))));
      }),
    );
  });

  it('orders astral characters after U+E000..U+FFFF, unlike JS string comparison', () => {
    const ids = ['\uFF01b', '\u{1F600}a', 'Z', 'zz', '\u00E9', '\uE000'];
    expect('\u{1F600}a' < '\uFF01b').toBe(true);
    expect(canonicalEntries(ids.map((id) => ({ id, weight: 1 }))).map((e) => e.id)).toEqual([
      'Z',
      'zz',
      '\u00E9',
      '\uE000',
      '\uFF01b',
      '\u{1F600}a',
    ]);
  });

  it('the digest is SHA-256 of `${id}:${weight}\\n` in canonical order, for ASCII and non-ASCII ids', async () => {
    const { createHash } = await import('node:crypto');
    fc.assert(
      fc.property(
        fc.uniqueArray(
          text(1).filter((s) => !/[:\n]/.test(s)),
          {
            minLength: 1,
            maxLength: 30,
          },
        ),
        fc.integer({ min: 1, max: 1000 }),
        (ids, weight) => {
          const entries = ids.map((id, i) => ({ id, weight: 1 + ((weight + i * 37) % 1000) }));
          const sorted = [...entries].sort((a, b) => Buffer.compare(utf8(a.id), utf8(b.id)));
          const expected = createHash('sha256')
            .update(sorted.map((e) => `${e.id}:${e.weight}\n`).join(''), 'utf8')
            .digest('hex');
          expect(computeEntriesDigest(entries)).toBe(expected);
        },
      ),
    );
  });

  it('canonicalEntries returns copies with only id and weight, and leaves the input untouched', () => {
    const input = [
      { id: 'b', weight: 2, extra: true },
      { id: 'a', weight: 1 },
    ];
    const out = canonicalEntries(input);
    expect(out).toEqual([
      { id: 'a', weight: 1 },
      { id: 'b', weight: 2 },
    ]);
    expect(input[0].id).toBe('b');
  });

  it('commitmentOf is SHA-256 of the 32 seed bytes, and rejects a bad seed with INVALID_SEED', async () => {
    const { createHash } = await import('node:crypto');
    expect(commitmentOf(seed)).toBe(createHash('sha256').update(Buffer.from(seed, 'hex')).digest('hex'));
    expect(() => commitmentOf('abc')).toThrow(DrawInputError);
  });
});
