// fast-check arbitraries for hostile input: wrong types, odd numbers and Unicode, prototype keys, deep nesting, binary.
import fc from 'fast-check';

/** Numbers a careless parser or a SQLite bind mishandles. */
export const hostileNumber = fc.oneof(
  fc.constantFrom(
    NaN,
    -0,
    0,
    1e308,
    -1e308,
    Infinity,
    -Infinity,
    2 ** 53 + 1,
    -(2 ** 53 + 1),
    2 ** 31,
    -1,
    0.5,
  ),
  fc.double(),
  fc.integer(),
);

/** Strings that break naive rendering, storage or comparison (kept under the socket's 64 kB frame). */
export const hostileString = fc.oneof(
  {
    weight: 40,
    arbitrary: fc.constantFrom(
      '',
      ' ',
      '\u0000',
      '\uD800', // lone high surrogate
      '\uDC00x', // lone low surrogate
      'abc\u202Eexe.txt', // RTL override
      '\u200D\u200D\u200D', // zero-width joiners alone
      '👩‍👩‍👧‍👦🏳️‍🌈🇨🇳', // ZWJ and flag sequences
      '<script>alert(1)</script>',
      '<img src=x onerror=alert(1)>',
      '=HYPERLINK("http://x","y")',
      "+cmd|' /C calc'!A0",
      '@SUM(1+1)',
      '../../etc/passwd',
      "'; DROP TABLE events; --",
      '__proto__',
      'constructor',
      '%00%2e%2e',
      'rnd_' + 'a'.repeat(40),
      '\r\n\t',
    ),
  },
  { weight: 20, arbitrary: fc.string({ unit: 'binary', maxLength: 64 }) },
  { weight: 20, arbitrary: fc.string({ unit: 'grapheme', maxLength: 32 }) },
  // Huge strings stay, but rare: every case pays for its bytes on both sides of the socket.
  { weight: 1, arbitrary: fc.nat({ max: 20_000 }).map((n) => 'x'.repeat(n)) }, // for paths and queries
);

/** Object keys aimed at prototype pollution and at strict-object checks. */
export const hostileKey = fc.oneof(
  fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'admin', ''),
  fc.string({ maxLength: 12 }),
);

/** An object built with own `__proto__`/`constructor` keys, as JSON.parse would (not via the prototype). */
export function ownKeys(entries: Array<[string, unknown]>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of entries)
    Object.defineProperty(out, k, { value: v, enumerable: true, writable: true, configurable: true });
  return out;
}

/** A value nested `depth` levels deep in arrays or objects. */
export const deeplyNested = fc
  .tuple(fc.integer({ min: 50, max: 1500 }), fc.boolean())
  .map(([depth, asArray]) => {
    let v: unknown = 'bottom';
    for (let i = 0; i < depth; i += 1) v = asArray ? [v] : { a: v };
    return v;
  });

/** `n` pseudo-random bytes from a seed: fast-check drawing thousands of bytes one by one costs more than sending them. */
export function seededBytes(n: number, seed: number): Buffer {
  const out = Buffer.allocUnsafe(n);
  let x = seed | 1;
  for (let i = 0; i < n; i += 1) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    out[i] = x & 0xff;
  }
  return out;
}

/** Binary attachments (socket.io sends them as separate frames); the big ones are in `heavyValue`. */
export const binary = fc.uint8Array({ maxLength: 32 }).map((a) => Buffer.from(a));

/** A big array of integers (1000 to 5000), built in one go rather than drawn element by element. */
export const bigIntArray = fc
  .tuple(fc.integer({ min: 1000, max: 5000 }), fc.integer())
  .map(([n, s]) => Array.from(seededBytes(n, s), (b, i) => (b - 128) * (i + 1)));

/** The big and the deep: kBs each on the wire, where every byte costs on both sides of the socket. */
export const heavyValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.nat({ max: 20_000 }).map((n) => 'x'.repeat(n)),
  fc.tuple(fc.nat({ max: 4096 }), fc.integer()).map(([n, s]) => seededBytes(n, s)),
  bigIntArray,
  deeplyNested,
);

/** Any hostile leaf or shallow structure; about 1 in 160 is a heavy one (huge, big binary or deeply nested). */
export const hostileValue: fc.Arbitrary<unknown> = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    { weight: 40, arbitrary: hostileNumber },
    { weight: 40, arbitrary: hostileString },
    { weight: 30, arbitrary: fc.constantFrom(null, undefined, true, false) },
    { weight: 10, arbitrary: binary },
    { weight: 20, arbitrary: fc.array(tie('value'), { maxLength: 4 }) },
    { weight: 20, arbitrary: fc.array(fc.tuple(hostileKey, tie('value')), { maxLength: 4 }).map(ownKeys) },
    { weight: 1, arbitrary: heavyValue },
  ),
})).value;

/**
 * Payloads for one entry point: either anything at all, or an object shaped like real commands (known key
 * names, sometimes the live ids) with hostile values, missing keys and extra keys, so validation is passed
 * often enough to reach the services.
 */
export function hostilePayload(realValues: Record<string, unknown[]>): fc.Arbitrary<unknown> {
  const keys = Object.keys(realValues);
  // One arbitrary per key rather than a chain on the key: same cases, a fraction of the generation cost.
  const field = fc.oneof(
    ...keys.map((key) =>
      fc.tuple(fc.constant(key), fc.oneof(fc.constantFrom(...realValues[key]!), hostileValue)),
    ),
  );
  const shaped = fc
    .tuple(
      fc.uniqueArray(field, { maxLength: 5, selector: ([k]) => k }),
      fc.array(fc.tuple(hostileKey, hostileValue), { maxLength: 2 }),
    )
    .map(([known, extra]) => ownKeys([...known, ...extra]));
  return fc.oneof({ weight: 1, arbitrary: hostileValue }, { weight: 3, arbitrary: shaped });
}
