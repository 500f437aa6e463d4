import { describe, expect, it } from 'vitest';
import { contrast, makeTheme, parseColor, readableOn, textOn } from './theme';

describe('theme from a primary colour', () => {
  it('parses #rrggbb and falls back on anything else', () => {
    expect(parseColor('#1e88e5', 1)).toBe(0x1e88e5);
    expect(parseColor('red', 1)).toBe(1);
    expect(parseColor(null, 2)).toBe(2);
  });

  it('contrast is 21 for black on white and 1 for a colour on itself', () => {
    expect(contrast(0x000000, 0xffffff)).toBeCloseTo(21, 5);
    expect(contrast(0x1e88e5, 0x1e88e5)).toBe(1);
  });

  it('every wheel label reads on its segment (≥ 3:1, large bold text) for any primary colour', () => {
    for (let i = 0; i < 2_000; i++) {
      const primary = Math.floor(Math.random() * 0x1000000);
      const theme = makeTheme(primary);
      theme.segments.forEach((seg, j) => {
        expect(contrast(theme.segmentText[j]!, seg), `#${primary.toString(16)}`).toBeGreaterThanOrEqual(3);
      });
      expect(contrast(theme.primaryOnBackground, theme.background)).toBeGreaterThanOrEqual(4.5);
      expect(contrast(0xffffff, theme.primaryUnderWhite)).toBeGreaterThanOrEqual(4.5);
    }
  });

  it('keeps a light brand colour as it is and lightens a dark one for the dark stage', () => {
    expect(readableOn(0xffc53d, 0x12101c)).toBe(0xffc53d);
    const navy = readableOn(0x0a1f5c, 0x12101c);
    expect(navy).not.toBe(0x0a1f5c);
    expect(contrast(navy, 0x12101c)).toBeGreaterThanOrEqual(4.5);
    expect(textOn(0xffffff)).not.toBe(0xffffff);
    expect(textOn(0x000000)).toBe(0xffffff);
  });
});
