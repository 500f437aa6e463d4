import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { visibleLength } from './textRules';

/** The reference count: every grapheme the segmenter finds, with no shortcut. */
function segmenterLength(text: string): number {
  return [...new Intl.Segmenter(undefined, { granularity: 'grapheme' }).segment(text)].length;
}

describe('visibleLength', () => {
  it('agrees with the grapheme segmenter on ASCII, mixed and emoji text', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ unit: 'binary-ascii', maxLength: 40 }),
          fc.string({ unit: 'grapheme', maxLength: 40 }),
          fc.string({ unit: fc.constantFrom('a', ' ', 'e\u0301', '👍🏽', '🇯🇵', '\r\n', '~'), maxLength: 30 }),
        ),
        (text) => {
          expect(visibleLength(text)).toBe(segmenterLength(text));
        },
      ),
    );
  });

  it('counts a combining accent or a flag as one, and plain ASCII by its characters', () => {
    expect(visibleLength('Fan 42')).toBe(6);
    expect(visibleLength('e\u0301')).toBe(1);
    expect(visibleLength('🇯🇵 x')).toBe(3);
  });
});
