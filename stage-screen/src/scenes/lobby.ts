// Lobby: title, big join QR, join URL and code, live count, new joiners flowing in, the armed round's
// prize (and image) with its commitment in short form. In overlay mode it shows nothing (the camera does).
import { Assets, Container, Graphics, Sprite, Text, Texture } from 'pixi.js';
import { JoinerFeed, shortHash } from '../landing/joiners';
import type { StageLayout } from '../landing/layout';
import type { Strings } from '../ui/strings';
import type { Theme } from '../ui/theme';
import { qrTexture } from './qr';
import type { Scene } from './scene';
import { clip } from './scene';

/** The armed round as the lobby shows it. */
export interface ArmedRound {
  prizeName: string;
  imageUrl: string | null;
  commitment: string;
  k: number;
}

const JOINER_ROWS = 7;

/** Why: the first thing a room sees; it must be readable from the back and invite people to scan. */
export class LobbyScene implements Scene {
  readonly view = new Container();
  private readonly card = new Graphics();
  /** The QR as one sprite: hundreds of squares would cost a software renderer dearly every frame. */
  private readonly qr = new Sprite();
  private readonly url: Text;
  private readonly code: Text;
  private readonly scan: Text;
  private readonly count: Text;
  private readonly prizeLabel: Text;
  private readonly prize: Text;
  private readonly commitment: Text;
  private readonly help: Text;
  private readonly joinerTexts: Text[] = [];
  private prizeImage: Sprite | null = null;
  private readonly feed = new JoinerFeed(4, 40);
  /** Nicknames shown so far (tests wait for them). */
  readonly shownJoiners: string[] = [];
  private layout: StageLayout | null = null;
  private joinUrl = '';
  private armed: ArmedRound | null = null;
  private imageUrlShown: string | null = null;

  constructor(
    theme: Theme,
    private readonly t: Strings,
    overlay: boolean,
  ) {
    const style = (size: number, color = theme.text, weight: '400' | '700' = '400') => ({
      fontFamily: theme.font,
      fontSize: size,
      fill: color,
      fontWeight: weight,
    });
    this.scan = new Text({ text: t.scanToJoin, style: style(44, theme.accent, '700') });
    this.url = new Text({ text: '', style: style(28, theme.muted) });
    this.code = new Text({ text: '', style: style(40, theme.text, '700') });
    this.count = new Text({ text: '', style: style(72, theme.text, '700') });
    this.prizeLabel = new Text({ text: t.nextPrize, style: style(30, theme.muted) });
    this.prize = new Text({
      text: t.noRound,
      style: { ...style(60, theme.accent, '700'), wordWrap: true, wordWrapWidth: 900 },
    });
    this.commitment = new Text({ text: '', style: style(26, theme.muted) });
    this.help = new Text({ text: '', style: style(22, theme.muted) });
    for (let i = 0; i < JOINER_ROWS; i++) {
      const row = new Text({ text: '', style: style(32, theme.text) });
      row.alpha = 0;
      this.joinerTexts.push(row);
    }
    this.view.addChild(
      this.card,
      this.qr,
      this.scan,
      this.url,
      this.code,
      this.count,
      this.prizeLabel,
      this.prize,
    );
    this.view.addChild(this.commitment, this.help, ...this.joinerTexts);
    this.view.visible = false;
    if (overlay) this.view.renderable = false;
  }

  /** The join URL encoded in the QR code (and printed beneath it). */
  setJoin(url: string, joinCode: string): void {
    this.joinUrl = url;
    this.url.text = url;
    this.code.text = `${this.t.code}: ${joinCode}`;
    if (this.layout) this.resize(this.layout);
  }

  /** Participants who joined (the count on screen) and phones online. */
  setCount(participants: number): void {
    this.count.text = this.t.participants(participants);
  }

  /** Host keyboard help, shown only to a stage opened with the host token. */
  setHelp(text: string): void {
    this.help.text = text;
  }

  /** The armed round, or null between rounds. */
  setArmed(round: ArmedRound | null): void {
    this.armed = round;
    this.prize.text = round
      ? clip(round.k > 1 ? `${round.prizeName} × ${round.k}` : round.prizeName, 40)
      : this.t.noRound;
    this.commitment.text = round ? `#${shortHash(round.commitment)}  ·  ${this.t.committed}` : '';
    void this.loadImage(round?.imageUrl ?? null);
    if (this.layout) this.resize(this.layout);
  }

  /** New nicknames (plain text); the feed caps how many appear per second. */
  addJoiners(names: readonly string[]): void {
    this.feed.push(names);
  }

  show(): void {
    this.view.visible = true;
  }

  hide(): void {
    this.view.visible = false;
  }

  update(now: number, dtMs: number): void {
    const fresh = this.feed.take(now);
    for (const name of fresh) {
      this.shownJoiners.push(name);
      // Scroll: the oldest row takes the newest name and moves to the top.
      const row = this.joinerTexts.pop()!;
      row.text = `${clip(name, 20)}  ${this.t.joined}`;
      row.alpha = 0;
      this.joinerTexts.unshift(row);
    }
    const l = this.layout;
    if (!l) return;
    const rowH = 44 * l.scale;
    const baseY = this.joinersTop();
    this.joinerTexts.forEach((row, i) => {
      const targetY = baseY + i * rowH;
      row.y += (targetY - row.y) * Math.min(1, dtMs / 120);
      const targetAlpha = row.text ? Math.max(0, 1 - i / JOINER_ROWS) : 0;
      row.alpha += (targetAlpha - row.alpha) * Math.min(1, dtMs / 200);
    });
  }

  resize(l: StageLayout): void {
    this.layout = l;
    const s = l.scale;
    const pad = 24 * s;
    this.card.clear();
    this.card
      .roundRect(l.qr.x - pad, l.qr.y - pad, l.qr.w + 2 * pad, l.qr.h + 2 * pad + 150 * s, 24 * s)
      .stroke({ width: 2 * s, color: 0xffffff, alpha: 0.18 });
    if (this.joinUrl) {
      const old = this.qr.texture;
      this.qr.texture = qrTexture(this.joinUrl, l.qr.w, window.devicePixelRatio || 1);
      if (old !== Texture.EMPTY) old.destroy(true);
      this.qr.width = l.qr.w;
      this.qr.height = l.qr.w;
    }
    this.qr.position.set(l.qr.x, l.qr.y);
    const below = l.qr.y + l.qr.h + 16 * s;
    for (const [text, size, dy] of [
      [this.scan, 44, 0],
      [this.code, 40, 56],
      [this.url, 26, 108],
    ] as const) {
      text.style.fontSize = size * s;
      text.anchor.set(0.5, 0);
      text.position.set(l.qr.x + l.qr.w / 2, below + dy * s);
    }
    const x = l.info.x;
    let y = l.info.y;
    if (l.kind === 'portrait') y = l.info.y;
    this.count.style.fontSize = 72 * s;
    this.count.position.set(x, y);
    y += 100 * s;
    this.prizeLabel.style.fontSize = 30 * s;
    this.prizeLabel.position.set(x, y);
    y += 44 * s;
    this.prize.style.fontSize = 60 * s;
    this.prize.style.wordWrapWidth = l.info.w - (this.prizeImage ? 260 * s : 0);
    this.prize.position.set(x, y);
    y += this.prize.height + 12 * s;
    this.commitment.style.fontSize = 26 * s;
    this.commitment.style.wordWrap = true;
    this.commitment.style.wordWrapWidth = l.info.w;
    this.commitment.position.set(x, y);
    if (this.prizeImage) {
      const side = 220 * s;
      const k = side / Math.max(this.prizeImage.texture.width, this.prizeImage.texture.height);
      this.prizeImage.scale.set(k);
      this.prizeImage.position.set(l.info.x + l.info.w - side, l.info.y + 100 * s);
    }
    this.help.style.fontSize = 22 * s;
    this.help.position.set(l.info.x, l.height - 40 * s);
    for (const row of this.joinerTexts) {
      row.style.fontSize = 32 * s;
      row.x = x;
    }
  }

  private joinersTop(): number {
    const l = this.layout!;
    return this.commitment.y + this.commitment.height + 40 * l.scale;
  }

  private async loadImage(url: string | null): Promise<void> {
    if (url === this.imageUrlShown) return;
    this.imageUrlShown = url;
    this.prizeImage?.destroy();
    this.prizeImage = null;
    if (!url || !(url.startsWith('/') || url.startsWith(window.location.origin))) return;
    try {
      const texture = await Assets.load<Texture>(url);
      if (this.imageUrlShown !== url) return;
      this.prizeImage = new Sprite(texture);
      this.view.addChild(this.prizeImage);
      if (this.layout) this.resize(this.layout);
    } catch {
      // A broken prize image must not break the lobby.
    }
  }

  /** For tests: the armed round on screen. */
  get shownRound(): ArmedRound | null {
    return this.armed;
  }
}
