// Layout from the window's shape and size: 1920×1080, 1280×720 (landscape) and 9:16 portrait, all
// resolution independent (sizes in CSS pixels, Pixi's autoDensity handles the device pixel ratio).

/** Which arrangement the screen uses. */
export type LayoutKind = 'landscape' | 'portrait';

/** A rectangle in CSS pixels. */
export interface Rect {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** Everything the scenes place: regions and a type scale. */
export interface StageLayout {
  kind: LayoutKind;
  width: number;
  height: number;
  /** 1 at 1920×1080 (or 1080×1920); every font and line width scales with it. */
  scale: number;
  /** Header: event title, logo. */
  header: Rect;
  /** The join QR code (square), URL and code beneath it. */
  qr: Rect;
  /** Lobby info: count, prize, commitment, joiners. */
  info: Rect;
  /** The draw (wheel or reels). */
  stage: Rect;
  /** Winners history panel. */
  history: Rect;
  /** Results grid columns × rows per page. */
  grid: { columns: number; rows: number };
}

/** Why: a 9:16 phone stream needs a stacked screen; anything wider than 4:5 is laid out side by side. */
export function layoutKind(width: number, height: number): LayoutKind {
  return width / Math.max(1, height) < 0.8 ? 'portrait' : 'landscape';
}

/** Why: the scenes never compute positions themselves, so all three layouts are tested in one place. */
export function computeLayout(width: number, height: number): StageLayout {
  const w = Math.max(320, width);
  const h = Math.max(320, height);
  const kind = layoutKind(w, h);
  const m = Math.round(Math.min(w, h) * 0.03);
  if (kind === 'portrait') {
    const scale = Math.min(w / 1080, h / 1920);
    const header: Rect = { x: m, y: m, w: w - 2 * m, h: h * 0.08 };
    // A little smaller than the width allows, so the prize and the joiners fit below it.
    const qrSide = Math.min(w * 0.6, h * 0.31);
    const qr: Rect = { x: (w - qrSide) / 2, y: header.y + header.h + m, w: qrSide, h: qrSide };
    // Below the QR come its caption lines (scan / code / URL, ~170 design px).
    const infoY = qr.y + qr.h + 190 * scale + m;
    const info: Rect = { x: m, y: infoY, w: w - 2 * m, h: h - infoY - m };
    const stageSide = Math.min(w - 2 * m, h * 0.55);
    const stage: Rect = { x: (w - stageSide) / 2, y: header.y + header.h + m, w: stageSide, h: stageSide };
    // The foot keeps ~80 design px free for the event's logo during draws (the centred titles fill the top).
    const history: Rect = {
      x: m,
      y: stage.y + stage.h + m,
      w: w - 2 * m,
      h: h - (stage.y + stage.h + 2 * m) - 80 * scale,
    };
    return {
      kind,
      width: w,
      height: h,
      scale,
      header,
      qr,
      info,
      stage,
      history,
      grid: { columns: 2, rows: 8 },
    };
  }
  const scale = Math.min(w / 1920, h / 1080);
  const header: Rect = { x: m, y: m, w: w - 2 * m, h: h * 0.11 };
  const bodyY = header.y + header.h + m;
  const bodyH = h - bodyY - m;
  const qrSide = Math.min(bodyH * 0.78, w * 0.36);
  const qr: Rect = { x: m * 2, y: bodyY, w: qrSide, h: qrSide };
  const historyW = w * 0.2;
  const infoX = qr.x + qr.w + m * 2;
  const info: Rect = { x: infoX, y: bodyY, w: w - historyW - m * 2 - infoX, h: bodyH };
  const stageSide = Math.min(bodyH, w - historyW - 3 * m);
  const stage: Rect = { x: (w - historyW - stageSide) / 2, y: bodyY, w: stageSide, h: stageSide };
  const history: Rect = { x: w - historyW - m, y: bodyY, w: historyW, h: bodyH };
  const columns = w >= 1600 ? 5 : 4;
  return { kind, width: w, height: h, scale, header, qr, info, stage, history, grid: { columns, rows: 6 } };
}

/** Winners on one page of the results grid. */
export function pageSize(layout: StageLayout): number {
  return layout.grid.columns * layout.grid.rows;
}

/** Why: 500 winners do not fit one screen; pages are numbered 0..pageCount−1. */
export function pageCount(winners: number, perPage: number): number {
  return Math.max(1, Math.ceil(winners / Math.max(1, perPage)));
}

/** The slice of items on `page` (clamped into range). */
export function pageItems<T>(items: readonly T[], perPage: number, page: number): T[] {
  const last = pageCount(items.length, perPage) - 1;
  const p = Math.max(0, Math.min(last, page));
  return items.slice(p * perPage, (p + 1) * perPage);
}
