// The draw scene: the wheel or the slot machine (or, with reduced motion, a fade with the same timing),
// started when round:drawn arrives and landing exactly at revealAt.
import { Container, Graphics, Text } from 'pixi.js';
import type { StageLayout } from '../landing/layout';
import type { Rng } from '../landing/random';
import type { NameEntry } from '../landing/sample';
import { fairSample } from '../landing/sample';
import { progressAt } from '../landing/timing';
import type { Strings } from '../ui/strings';
import type { Theme } from '../ui/theme';
import type { Scene } from './scene';
import { clip } from './scene';
import { SlotsView } from './slots-view';
import { WHEEL_SEGMENTS, WheelView } from './wheel-view';

/** One draw to animate. Times are local ms (revealAt already converted with the clock offset). */
export interface DrawPlan {
  roundId: string;
  prizeName: string;
  mode: 'wheel' | 'slots';
  winners: NameEntry[];
  pool: readonly NameEntry[];
  startAt: number;
  endAt: number;
  rng: Rng;
}

/** Hooks for sound and the app's flow. */
export interface DrawHooks {
  tick(speed: number): void;
  reelStopped(reel: number): void;
  landed(roundId: string): void;
}

/** Why: the reveal itself; shows nothing but the true result, at the same instant as the phones. */
export class DrawScene implements Scene {
  readonly view = new Container();
  private readonly backdrop = new Graphics();
  private readonly title: Text;
  private readonly banner: Text;
  private readonly fadeNames: Text;
  /** Reduced motion: the prize, still, until the names fade in. */
  private readonly waiting: Text;
  readonly wheel: WheelView;
  readonly slots: SlotsView;
  plan: DrawPlan | null = null;
  private landedFired = false;
  private landTimer: ReturnType<typeof setTimeout> | undefined;
  private layout: StageLayout | null = null;

  constructor(
    private readonly theme: Theme,
    private readonly t: Strings,
    private readonly reducedMotion: boolean,
    private readonly overlay: boolean,
    frameSavers: boolean,
    private readonly hooks: DrawHooks,
  ) {
    const style = (size: number, color: number) => ({
      fontFamily: theme.font,
      fontSize: size,
      fill: color,
      fontWeight: '700' as const,
      align: 'center' as const,
      stroke: { color: 0x000000, width: 6 },
    });
    this.title = new Text({ text: '', style: style(56, theme.text) });
    this.banner = new Text({
      text: '',
      style: { ...style(72, theme.accent), wordWrap: true, wordWrapWidth: 1600 },
    });
    this.fadeNames = new Text({
      text: '',
      style: { ...style(80, theme.accent), wordWrap: true, wordWrapWidth: 1600 },
    });
    this.waiting = new Text({
      text: '',
      style: { ...style(90, theme.text), wordWrap: true, wordWrapWidth: 1600 },
    });
    this.wheel = new WheelView(theme, (n) => this.hooks.tick(n), frameSavers);
    this.slots = new SlotsView(theme, (r) => this.hooks.reelStopped(r), !frameSavers);
    for (const t of [this.title, this.banner, this.fadeNames, this.waiting]) t.anchor.set(0.5);
    this.view.addChild(
      this.backdrop,
      this.wheel.view,
      this.slots.view,
      this.title,
      this.waiting,
      this.fadeNames,
      this.banner,
    );
    this.view.visible = false;
  }

  /** Starts a draw; the sample always contains the winners. */
  start(plan: DrawPlan): void {
    this.plan = plan;
    this.landedFired = false;
    this.title.text = this.t.drawing(plan.prizeName);
    this.banner.text = '';
    this.banner.alpha = 0;
    this.wheel.view.visible = !this.reducedMotion && plan.mode === 'wheel';
    this.slots.view.visible = !this.reducedMotion && plan.mode === 'slots';
    this.fadeNames.visible = this.reducedMotion;
    this.fadeNames.text = plan.winners
      .slice(0, 5)
      .map((w) => clip(w.name, 20))
      .join('\n');
    this.fadeNames.alpha = 0;
    this.waiting.visible = this.reducedMotion;
    this.waiting.alpha = 1;
    this.waiting.text =
      plan.winners.length > 1 ? `${plan.prizeName} × ${plan.winners.length}` : plan.prizeName;
    if (plan.mode === 'wheel') {
      // The wheel lands on the first winner; every winner is in the caption and the results.
      const sample = fairSample(plan.pool, plan.winners.slice(0, 1), WHEEL_SEGMENTS, plan.rng);
      this.wheel.setNames(sample.items);
      this.wheel.spin(sample.winnerPositions[0]!, plan.winners[0]!.id, plan.startAt, plan.endAt, plan.rng);
    } else {
      const sample = fairSample(plan.pool, plan.winners.slice(0, 5), 60, plan.rng);
      const others = sample.items.filter((e) => !plan.winners.some((w) => w.id === e.id));
      this.slots.spin(others, plan.winners, plan.startAt, plan.endAt, plan.rng);
    }
    if (this.layout) this.resize(this.layout);
    // The reveal is announced by a timer at endAt, not on the next frame, so a slow renderer cannot delay it.
    clearTimeout(this.landTimer);
    this.landTimer = setTimeout(() => this.land(), Math.max(0, plan.endAt - Date.now()));
  }

  /** Why: the first clock estimate may be rough; a better one arriving mid-draw moves the landing to the true revealAt. */
  retime(endAt: number): void {
    const plan = this.plan;
    if (!plan || this.landedFired) return;
    const delta = endAt - plan.endAt;
    plan.endAt = endAt;
    this.wheel.retime(endAt);
    this.slots.retime(delta);
    clearTimeout(this.landTimer);
    this.landTimer = setTimeout(() => this.land(), Math.max(0, endAt - Date.now()));
  }

  private land(): void {
    const plan = this.plan;
    if (!plan || this.landedFired) return;
    this.landedFired = true;
    const k = plan.winners.length;
    this.banner.text =
      k === 1 ? `${this.t.winner}: ${clip(plan.winners[0]!.name, 24)}` : this.t.winners(plan.prizeName, k);
    this.hooks.landed(plan.roundId);
  }

  show(): void {
    this.view.visible = true;
  }

  hide(): void {
    this.view.visible = false;
  }

  update(now: number, dtMs: number): void {
    const plan = this.plan;
    if (!plan) return;
    if (this.reducedMotion) {
      // Same timing, no motion: the names fade in over the last 800 ms and are fully shown at revealAt.
      const p = progressAt({ startAt: plan.endAt - 800, endAt: plan.endAt, from: 0, to: 1 }, now);
      this.fadeNames.alpha = p;
      this.waiting.alpha = 1 - p;
    } else if (plan.mode === 'wheel') {
      this.wheel.update(now);
    } else {
      this.slots.update(now);
    }
    if (now >= plan.endAt) {
      this.land();
      if (!this.reducedMotion) this.banner.alpha = Math.min(1, this.banner.alpha + dtMs / 300);
      else this.banner.alpha = 1;
    }
  }

  resize(l: StageLayout): void {
    this.layout = l;
    const s = l.scale;
    this.backdrop.clear();
    if (!this.overlay)
      this.backdrop.rect(0, 0, l.width, l.height).fill({ color: this.theme.background, alpha: 0 });
    const area = {
      x: 0,
      y: l.header.y + l.header.h,
      w: l.width,
      h: l.height - (l.header.y + l.header.h) - 120 * s,
    };
    this.wheel.resize(area, s);
    this.slots.resize(area, s);
    this.title.style.fontSize = 56 * s;
    this.title.position.set(l.width / 2, l.header.y + l.header.h / 2);
    this.banner.style.fontSize = 72 * s;
    this.banner.style.wordWrapWidth = l.width * 0.9;
    this.banner.position.set(l.width / 2, l.height - 80 * s);
    this.fadeNames.style.fontSize = 80 * s;
    this.fadeNames.style.wordWrapWidth = l.width * 0.9;
    this.fadeNames.position.set(l.width / 2, l.height / 2);
    this.waiting.style.fontSize = 90 * s;
    this.waiting.style.wordWrapWidth = l.width * 0.9;
    this.waiting.position.set(l.width / 2, l.height / 2);
  }
}
