import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sortAsciiIndices } from './asciiRadixSort';

const byBytes = (a: string, b: string) => Buffer.compare(Buffer.from(a), Buffer.from(b));

describe('sortAsciiIndices', () => {
  it('orders any ASCII strings (prefixes, duplicates, control characters) exactly as their bytes compare', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.string({
            unit: fc.integer({ min: 0, max: 127 }).map((c) => String.fromCharCode(c)),
            maxLength: 6,
          }),
          { maxLength: 200 },
        ),
        (ids) => {
          const order = sortAsciiIndices(ids);
          expect(Array.from(order, (i) => ids[i])).toEqual([...ids].sort(byBytes));
          expect([...order].sort((a, b) => a - b)).toEqual(ids.map((_, i) => i));
        },
      ),
    );
  });

  it('puts a prefix before its extensions and "Z" before "a"', () => {
    const ids = ['ab', 'a', 'Z', 'abc', 'a'];
    expect(Array.from(sortAsciiIndices(ids), (i) => ids[i])).toEqual(['Z', 'a', 'a', 'ab', 'abc']);
  });
});
