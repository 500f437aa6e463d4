import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { looksLikeId, makeId } from './ids';

describe('makeId', () => {
  it('is URL-safe, free of ":" and newlines, and recognised by looksLikeId', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 12, maxLength: 12 }), (bytes) => {
        const id = makeId('p', bytes);
        expect(id).toMatch(/^p_[A-Za-z0-9_-]{16}$/);
        expect(encodeURIComponent(id)).toBe(id);
        expect(looksLikeId(id)).toBe(true);
      }),
    );
  });

  it('differs for different bytes and refuses too few bytes', () => {
    expect(makeId('rnd', new Uint8Array(12))).not.toBe(makeId('rnd', new Uint8Array(12).fill(1)));
    expect(() => makeId('evt', new Uint8Array(4))).toThrow(RangeError);
  });

  it('looksLikeId refuses junk', () => {
    for (const bad of ['', 'p_short', 'p_abc:defghijklmnop', 'p_abcdefghijklmno\n', 3, null]) {
      expect(looksLikeId(bad)).toBe(false);
    }
  });
});
