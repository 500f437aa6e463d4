// The prize wheel: a fair sample of names as segments, rotated by the ticker; only the rotation changes
// per frame, so frame time does not depend on how many people entered.
import { Container, Graphics, Text } from 'pixi.js';
import type { Rect } from '../landing/layout';
import type { Rng } from '../landing/random';
import type { NameEntry } from '../landing/sample';
import type { Motion } from '../landing/timing';
import { turnsForDuration, valueAt } from '../landing/timing';
import { TAU, boundariesCrossed, segmentAtPointer, wheelFinalRotation } from '../landing/wheel';
import type { Theme } from '../ui/theme';
import { clip } from './scene';

/** Most segments on the wheel (names stay readable); larger crowds are sampled. */
export const WHEEL_SEGMENTS = 36;

/** What tests read from the page: the planned landing and the rotation now. */
export interface WheelState {
  segments: number;
  winnerSegment: number;
  winnerId: string;
  finalRotation: number;
  rotation: number;
  labels: string[];
}

/** Why: the show's centrepiece; it lands on the server's winner at revealAt and nowhere else. */
export class WheelView {
  readonly view = new Container();
  private readonly disc = new Container();
  private readonly wedges = new Graphics();
  private readonly rim = new Graphics();
  private readonly pointer = new Graphics();
  private labels: Text[] = [];
  private items: NameEntry[] = [];
  private motion: Motion | null = null;
  private radius = 300;
  state: WheelState | null = null;

  constructor(
    private readonly theme: Theme,
    private readonly onTick: (speed: number) => void,
    /**
     * Why: the wedges and up to 36 labels never move relative to each other, so they are drawn once into
     * a texture (antialiased) and each frame only rotates one quad: far fewer draw calls and triangles.
     */
    private readonly cache = true,
  ) {
    this.disc.addChild(this.wedges);
    this.view.addChild(this.disc, this.rim, this.pointer);
  }

  /** Lays the sample on the wheel (called once per round, not per frame). */
  setNames(items: NameEntry[]): void {
    this.items = items;
    for (const l of this.labels) l.destroy();
    this.labels = items.map(
      (e) =>
        new Text({
          text: clip(e.name, 14),
          style: { fontFamily: this.theme.font, fontSize: 24, fill: 0xffffff, fontWeight: '700' },
        }),
    );
    this.disc.addChild(...this.labels);
    this.redraw();
  }

  /** Plans the spin: from the current rotation to the winner's segment, ending exactly at endAt (local ms). */
  spin(winnerSegment: number, winnerId: string, startAt: number, endAt: number, rng: Rng): void {
    const from = this.disc.rotation % TAU;
    this.disc.rotation = from;
    const to = wheelFinalRotation({
      segments: this.items.length,
      winnerSegment,
      startRotation: from,
      minTurns: turnsForDuration(endAt - startAt),
      rng,
    });
    this.motion = { startAt, endAt, from, to };
    this.state = {
      segments: this.items.length,
      winnerSegment,
      winnerId,
      finalRotation: to,
      rotation: from,
      labels: this.items.map((e) => e.name),
    };
  }

  /** Moves the landing instant (a refined clock offset); the wheel still ends on the same angle. */
  retime(endAt: number): void {
    if (this.motion) this.motion = { ...this.motion, endAt };
  }

  update(now: number): void {
    if (!this.motion) return;
    const before = this.disc.rotation;
    const r = valueAt(this.motion, now);
    this.disc.rotation = r;
    if (this.state) this.state.rotation = r;
    const crossed = boundariesCrossed(before, r, Math.max(1, this.items.length));
    if (crossed > 0) this.onTick(crossed);
  }

  /** True once the wheel stands on its final rotation. */
  landed(now: number): boolean {
    return this.motion !== null && now >= this.motion.endAt;
  }

  /** The segment under the pointer now. */
  segmentNow(): number {
    return segmentAtPointer(this.disc.rotation, Math.max(1, this.items.length));
  }

  resize(area: Rect, scale: number): void {
    this.radius = Math.min(area.w, area.h) / 2 - 30 * scale;
    this.view.position.set(area.x + area.w / 2, area.y + area.h / 2 + 10 * scale);
    this.redraw();
  }

  private redraw(): void {
    const n = Math.max(1, this.items.length);
    const r = this.radius;
    const s = TAU / n;
    const colors = this.theme.segments;
    const labelFills: number[] = [];
    this.wedges.clear();
    for (let i = 0; i < n; i++) {
      // Avoid two neighbours (or the last and the first) sharing a colour.
      let ci = i % colors.length;
      if (i === n - 1 && n % colors.length === 1) ci = 2 % colors.length;
      const c = colors[ci]!;
      labelFills.push(this.theme.segmentText[ci]!);
      this.wedges
        .moveTo(0, 0)
        .arc(0, 0, r, i * s, (i + 1) * s)
        .lineTo(0, 0)
        .fill(c);
    }
    this.wedges.circle(0, 0, r).stroke({ width: Math.max(2, r * 0.012), color: 0xffffff, alpha: 0.25 });
    const fontSize = Math.max(10, Math.min(r * 0.075, ((r * s) / 1.6) * 0.9));
    this.labels.forEach((label, i) => {
      const a = (i + 0.5) * s;
      label.style.fontSize = fontSize;
      // White or near-black, whichever reads on this segment's tint of the brand colour.
      label.style.fill = labelFills[i] ?? 0xffffff;
      // Labels on the left half are turned over so no name is read upside down at rest.
      const flip = a > Math.PI / 2 && a < (3 * Math.PI) / 2;
      label.anchor.set(flip ? 0 : 1, 0.5);
      label.position.set(Math.cos(a) * r * 0.9, Math.sin(a) * r * 0.9);
      label.rotation = flip ? a + Math.PI : a;
    });
    this.rim.clear();
    this.rim.circle(0, 0, r + r * 0.035).stroke({ width: r * 0.05, color: this.theme.accent });
    this.rim
      .circle(0, 0, r * 0.12)
      .fill(this.theme.background)
      .stroke({ width: r * 0.02, color: this.theme.accent });
    this.pointer.clear();
    const pw = r * 0.09;
    this.pointer
      .poly([-pw, -r - pw * 1.6, pw, -r - pw * 1.6, 0, -r + pw * 0.9])
      .fill(0xffffff)
      .stroke({ width: Math.max(2, r * 0.01), color: this.theme.background });
    if (this.cache) {
      // Re-rendered only here (new names, new size), never per frame.
      if (!this.disc.isCachedAsTexture)
        this.disc.cacheAsTexture({ antialias: true, resolution: window.devicePixelRatio || 1 });
      else this.disc.updateCacheTexture();
    }
  }
}
