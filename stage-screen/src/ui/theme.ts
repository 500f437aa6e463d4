// Colours and type of the show; the primary colour comes from the event's branding (or ?color=), and every
// colour derived from it keeps text readable (WCAG contrast ratios, computed, not hoped for).

/** Why: one palette so every scene looks like the same show. */
export interface Theme {
  primary: number;
  /** The primary colour lightened until it reads on the background (titles, accents, lines). */
  primaryOnBackground: number;
  /** The primary colour darkened until white text reads on it (the slot machine's winning row, badges). */
  primaryUnderWhite: number;
  accent: number;
  background: number;
  text: number;
  muted: number;
  /** Wheel segments: tints and shades of the primary colour. */
  segments: number[];
  /** Label colour for each of `segments` (white or near-black, whichever reads better). */
  segmentText: number[];
  font: string;
}

/** The bundled font first (Latin + the UI's Chinese glyphs), then system CJK fonts for any nickname. */
export const FONT_STACK =
  '"Drawcast Sans", "Noto Sans CJK SC", "Noto Sans SC", "PingFang SC", "Microsoft YaHei", "Source Han Sans SC", sans-serif';

/** The stage's own colour when the event has no branding. */
export const DEFAULT_PRIMARY = 0xe23d5a;
const BACKGROUND = 0x12101c;
const DARK_TEXT = 0x12101c;
const WHITE = 0xffffff;

/** Parses '#rrggbb' (the event's branding) or returns the fallback. */
export function parseColor(value: string | null | undefined, fallback: number): number {
  if (!value || !/^#?[0-9a-fA-F]{6}$/.test(value)) return fallback;
  return parseInt(value.replace('#', ''), 16);
}

/** Mixes colour `c` towards `t` by k (0 = c, 1 = t), per channel. */
export function mix(c: number, t: number, k: number): number {
  const ch = (s: number) => Math.round(((c >> s) & 255) * (1 - k) + ((t >> s) & 255) * k);
  return (ch(16) << 16) | (ch(8) << 8) | ch(0);
}

/** WCAG relative luminance of a 0xrrggbb colour (0 black .. 1 white). */
export function luminance(c: number): number {
  const lin = (s: number) => {
    const v = ((c >> s) & 255) / 255;
    return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * lin(16) + 0.7152 * lin(8) + 0.0722 * lin(0);
}

/** WCAG contrast ratio between two colours (1 .. 21). */
export function contrast(a: number, b: number): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/** White or near-black text, whichever reads better on `background`. */
export function textOn(background: number): number {
  return contrast(WHITE, background) >= contrast(DARK_TEXT, background) ? WHITE : DARK_TEXT;
}

/**
 * Why: a brand colour (say navy) may vanish on the dark stage; lighten it step by step until it reaches
 * `ratio` against `background` (white always does for the stage's dark background).
 */
export function readableOn(color: number, background: number, ratio = 4.5): number {
  for (let k = 0; k <= 1.0001; k += 0.05) {
    const c = mix(color, WHITE, k);
    if (contrast(c, background) >= ratio) return c;
  }
  return WHITE;
}

/** Darkens `color` step by step until white text reaches `ratio` on it. */
export function darkForWhite(color: number, ratio = 4.5): number {
  for (let k = 0; k <= 1.0001; k += 0.05) {
    const c = mix(color, 0x000000, k);
    if (contrast(WHITE, c) >= ratio) return c;
  }
  return 0x000000;
}

/** Why: segments alternate in tints and shades of the primary colour so the brand shows on the wheel. */
export function makeTheme(primary = DEFAULT_PRIMARY): Theme {
  const segments = [
    primary,
    mix(primary, WHITE, 0.35),
    mix(primary, 0x000000, 0.35),
    0x2b2840,
    mix(primary, 0xffc53d, 0.5),
    0x3a3658,
  ];
  return {
    primary,
    primaryOnBackground: readableOn(primary, BACKGROUND),
    primaryUnderWhite: darkForWhite(primary),
    accent: 0xffc53d,
    background: BACKGROUND,
    text: WHITE,
    muted: 0xb9b4cc,
    segments,
    segmentText: segments.map(textOn),
    font: FONT_STACK,
  };
}
