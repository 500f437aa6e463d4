// Colours and type of the show; the primary colour may come from the event's branding.

/** Why: one palette so every scene looks like the same show. */
export interface Theme {
  primary: number;
  accent: number;
  background: number;
  text: number;
  muted: number;
  segments: number[];
  font: string;
}

/** The bundled font first (Latin + the UI's Chinese glyphs), then system CJK fonts for any nickname. */
export const FONT_STACK =
  '"Drawcast Sans", "Noto Sans CJK SC", "Noto Sans SC", "PingFang SC", "Microsoft YaHei", "Source Han Sans SC", sans-serif';

/** Parses '#rrggbb' (the event's branding) or returns the fallback. */
export function parseColor(value: string | null | undefined, fallback: number): number {
  if (!value || !/^#?[0-9a-fA-F]{6}$/.test(value)) return fallback;
  return parseInt(value.replace('#', ''), 16);
}

/** Why: segments alternate in tints of the primary colour so the brand shows on the wheel. */
export function makeTheme(primary = 0xe23d5a): Theme {
  const mix = (c: number, t: number, k: number) => {
    const ch = (s: number) => Math.round(((c >> s) & 255) * (1 - k) + ((t >> s) & 255) * k);
    return (ch(16) << 16) | (ch(8) << 8) | ch(0);
  };
  return {
    primary,
    accent: 0xffc53d,
    background: 0x12101c,
    text: 0xffffff,
    muted: 0xb9b4cc,
    segments: [
      primary,
      mix(primary, 0xffffff, 0.35),
      mix(primary, 0x000000, 0.35),
      0x2b2840,
      mix(primary, 0xffc53d, 0.5),
      0x3a3658,
    ],
    font: FONT_STACK,
  };
}
