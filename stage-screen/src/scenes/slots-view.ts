// The slot machine: up to five reels of names that spin and stop one by one on the winners in draw
// order. Each frame only the few rows in each reel's window are placed.
import { Container, Graphics, Text } from 'pixi.js';
import type { Rect } from '../landing/layout';
import type { Rng } from '../landing/random';
import type { ReelStrip } from '../landing/reels';
import { buildReelStrip, itemAtOffset, reelCount, reelFinalOffset } from '../landing/reels';
import type { NameEntry } from '../landing/sample';
import type { Motion } from '../landing/timing';
import { reelStopTimes, turnsForDuration, valueAt } from '../landing/timing';
import type { Theme } from '../ui/theme';
import { clip } from './scene';

/** Names per reel strip. */
const STRIP = 24;
/** Rows visible above and below the centre line. */
const HALF_WINDOW = 1;
/** Rows (in row heights from the centre) start fading here and are gone here, before the window's edge. */
const FADE_START = HALF_WINDOW - 0.4;
const FADE_END = HALF_WINDOW + 0.2;

interface Reel {
  strip: ReelStrip<NameEntry>;
  texts: Text[];
  shown: Set<number>;
  motion: Motion;
  box: Container;
  frame: Graphics;
  stopped: boolean;
}

/** What tests read: each reel's winner and the name at its centre line now. */
export interface SlotsState {
  winners: string[];
  centre: string[];
}

/** Why: the second show mode; many names blur past, then each reel settles on a real winner. */
export class SlotsView {
  readonly view = new Container();
  private reels: Reel[] = [];
  private area: Rect = { x: 0, y: 0, w: 800, h: 600 };
  private scale = 1;
  state: SlotsState | null = null;

  constructor(
    private readonly theme: Theme,
    private readonly onStop: (reel: number) => void,
    /** The older way (bench comparison only): a stencil mask per reel instead of the edge fade. */
    private readonly masked = false,
  ) {}

  /** Builds the reels for these winners from the pool and plans each stop (last one exactly at endAt). */
  spin(
    pool: readonly NameEntry[],
    winners: readonly NameEntry[],
    startAt: number,
    endAt: number,
    rng: Rng,
  ): void {
    for (const r of this.reels) r.box.destroy({ children: true });
    this.reels = [];
    const count = reelCount(winners.length);
    const stops = reelStopTimes(startAt, endAt, count);
    const loops = Math.max(2, turnsForDuration(endAt - startAt));
    for (let i = 0; i < count; i++) {
      const strip = buildReelStrip(pool, winners[i]!, STRIP, rng, (a, b) => a.id === b.id);
      const start = rng() * strip.items.length;
      const box = new Container();
      const frame = new Graphics();
      const texts = strip.items.map(
        (e) =>
          new Text({
            text: clip(e.name, 16),
            style: { fontFamily: this.theme.font, fontSize: 40, fill: 0xffffff, fontWeight: '700' },
          }),
      );
      for (const t of texts) {
        t.anchor.set(0.5);
        t.visible = false;
      }
      // No stencil mask (two extra passes per reel per frame on a software renderer): rows fade out before
      // the window's edge instead, and names too wide for the reel are narrowed once in layoutReels.
      box.addChild(frame, ...texts);
      if (this.masked) {
        const mask = new Graphics();
        box.addChild(mask);
        box.mask = mask;
      }
      this.view.addChild(box);
      this.reels.push({
        strip,
        texts,
        shown: new Set(),
        motion: {
          startAt,
          endAt: stops[i]!,
          from: start,
          to: reelFinalOffset(strip.items.length, strip.winnerIndex, start, loops),
        },
        box,
        frame,
        stopped: false,
      });
    }
    this.state = { winners: winners.slice(0, count).map((w) => w.name), centre: [] };
    this.layoutReels();
  }

  /** Shifts every reel's stop by the same amount (a refined clock offset). */
  retime(delta: number): void {
    for (const r of this.reels) r.motion = { ...r.motion, endAt: r.motion.endAt + delta };
  }

  update(now: number): void {
    const rowH = this.rowHeight();
    const centre: string[] = [];
    this.reels.forEach((reel, r) => {
      const offset = valueAt(reel.motion, now);
      const n = reel.strip.items.length;
      const base = Math.round(offset);
      const next = new Set<number>();
      for (let d = -HALF_WINDOW - 1; d <= HALF_WINDOW + 1; d++) {
        const idx = itemAtOffset(base + d, n);
        next.add(idx);
        const t = reel.texts[idx]!;
        const dist = Math.abs(base + d - offset);
        t.visible = dist <= FADE_END;
        t.y = (base + d - offset) * rowH;
        t.alpha = d === 0 ? 1 : 0.55 * Math.min(1, Math.max(0, (FADE_END - dist) / (FADE_END - FADE_START)));
      }
      for (const idx of reel.shown) if (!next.has(idx)) reel.texts[idx]!.visible = false;
      reel.shown = next;
      centre.push(reel.strip.items[itemAtOffset(offset, n)]!.name);
      if (!reel.stopped && now >= reel.motion.endAt) {
        reel.stopped = true;
        this.onStop(r);
      }
    });
    if (this.state) this.state.centre = centre;
  }

  resize(area: Rect, scale: number): void {
    this.area = area;
    this.scale = scale;
    this.layoutReels();
  }

  private rowHeight(): number {
    return 84 * this.scale;
  }

  private layoutReels(): void {
    const n = Math.max(1, this.reels.length);
    const gap = 18 * this.scale;
    const w = Math.min(520 * this.scale, (this.area.w - gap * (n - 1)) / n);
    const h = this.rowHeight() * (HALF_WINDOW * 2 + 1);
    const total = n * w + (n - 1) * gap;
    const x0 = this.area.x + (this.area.w - total) / 2;
    const cy = this.area.y + this.area.h / 2;
    this.reels.forEach((reel, i) => {
      reel.box.position.set(x0 + i * (w + gap) + w / 2, cy);
      reel.frame.clear();
      reel.frame.roundRect(-w / 2, -h / 2, w, h, 16 * this.scale).fill({ color: 0x000000, alpha: 0.55 });
      reel.frame
        .roundRect(-w / 2, -this.rowHeight() / 2, w, this.rowHeight(), 8 * this.scale)
        .fill({ color: this.theme.primaryUnderWhite, alpha: 0.9 });
      reel.frame
        .roundRect(-w / 2, -h / 2, w, h, 16 * this.scale)
        .stroke({ width: 4 * this.scale, color: this.theme.accent });
      if (reel.box.mask instanceof Graphics)
        reel.box.mask
          .clear()
          .rect(-w / 2, -h / 2, w, h)
          .fill(0xffffff);
      const fontSize = Math.min(44 * this.scale, w / 8);
      for (const t of reel.texts) {
        t.style.fontSize = fontSize;
        t.scale.set(1);
        t.scale.x = Math.min(1, (w * 0.92) / Math.max(1, t.width));
      }
    });
  }
}
