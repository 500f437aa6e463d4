// Lobby: title, big join QR, join URL and code, live count, new joiners flowing in, the armed round's
// prize (and image) with its commitment and the event's audit head in short form. In overlay mode it
// shows nothing (the camera does).
import { Assets, Container, Graphics, Sprite, Text, Texture } from 'pixi.js';
import { formatAuditHead } from '@drawcast/shared';
import type { AuditHeadDto } from '@drawcast/shared';
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
  /** The event's audit head in short form (`seq:8 hex`), kept live. */
  private readonly audit: Text;
  /** The prize's card (portrait: a panel of the brand colour). */
  private readonly prizeCard = new Graphics();
  private joinersY = 0;
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
    private readonly theme: Theme,
    private readonly t: Strings,
    overlay: boolean,
  ) {
    const style = (size: number, color = theme.text, weight: '400' | '700' = '400') => ({
      fontFamily: theme.font,
      fontSize: size,
      fill: color,
      fontWeight: weight,
    });
    this.scan = new Text({ text: t.scanToJoin, style: style(44, theme.primaryOnBackground, '700') });
    this.url = new Text({ text: '', style: style(28, theme.muted) });
    this.code = new Text({ text: '', style: style(40, theme.text, '700') });
    this.count = new Text({ text: '', style: style(72, theme.text, '700') });
    this.prizeLabel = new Text({ text: t.nextPrize, style: style(30, theme.muted) });
    this.prize = new Text({
      text: t.noRound,
      style: { ...style(60, theme.accent, '700'), wordWrap: true, wordWrapWidth: 900 },
    });
    this.commitment = new Text({ text: '', style: style(26, theme.muted) });
    this.audit = new Text({ text: '', style: style(26, theme.muted) });
    this.help = new Text({ text: '', style: style(22, theme.muted) });
    for (let i = 0; i < JOINER_ROWS; i++) {
      const row = new Text({ text: '', style: style(32, theme.text) });
      row.alpha = 0;
      this.joinerTexts.push(row);
    }
    this.view.addChild(
      this.card,
      this.prizeCard,
      this.qr,
      this.scan,
      this.url,
      this.code,
      this.count,
      this.prizeLabel,
      this.prize,
    );
    this.view.addChild(this.commitment, this.audit, this.help, ...this.joinerTexts);
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

  /** The event's audit head (short: seq and 8 hex digits, enough for `audit:verify --head`). */
  setAuditHead(head: AuditHeadDto | null): void {
    const text = head ? `${this.t.auditHead}  ${formatAuditHead(head, true)}` : '';
    if (text === this.audit.text) return;
    this.audit.text = text;
    if (this.layout) this.resize(this.layout);
  }

  /** For tests: the armed prize's image is loaded and on screen. */
  get prizeImageShown(): boolean {
    return this.prizeImage !== null;
  }

  /** For tests: the audit head as shown. */
  get shownAuditHead(): string {
    return this.audit.text;
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
    const rowH = 44 * l.scale * (l.kind === 'portrait' ? 1.35 : 1);
    const baseY = this.joinersTop();
    // Rows that would run into the help line at the foot stay hidden.
    const bottom = l.height - 48 * l.scale;
    this.joinerTexts.forEach((row, i) => {
      const targetY = baseY + i * rowH;
      row.y += (targetY - row.y) * Math.min(1, dtMs / 120);
      const fits = targetY + rowH <= bottom;
      const targetAlpha = row.text && fits ? Math.max(0, 1 - i / JOINER_ROWS) : 0;
      row.alpha += (targetAlpha - row.alpha) * Math.min(1, dtMs / 200);
    });
  }

  resize(l: StageLayout): void {
    this.layout = l;
    const s = l.scale;
    const portrait = l.kind === 'portrait';
    // A 9:16 stream is watched on a phone: its words are set larger against the screen's height.
    const k = portrait ? 1.35 : 1;
    const pad = 24 * s;
    this.card.clear();
    this.card
      .roundRect(l.qr.x - pad, l.qr.y - pad, l.qr.w + 2 * pad, l.qr.h + 2 * pad + 150 * s, 24 * s)
      .stroke({ width: 3 * s, color: this.theme.primaryOnBackground, alpha: 0.65 });
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
    if (portrait) this.layoutPortraitInfo(l, k);
    else this.layoutLandscapeInfo(l);
    this.help.style.fontSize = 22 * s;
    this.help.position.set(l.info.x, l.height - 40 * s);
    for (const row of this.joinerTexts) {
      row.style.fontSize = 32 * s * k;
      row.anchor.set(portrait ? 0.5 : 0, 0);
      row.x = portrait ? l.info.x + l.info.w / 2 : l.info.x;
    }
  }

  /** Beside the QR: count, prize (image on the right), commitment and audit head, then the joiners. */
  private layoutLandscapeInfo(l: StageLayout): void {
    const s = l.scale;
    const x = l.info.x;
    let y = l.info.y;
    this.prizeCard.clear();
    this.count.anchor.set(0, 0);
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
    y = this.placeProofLines(x, y, l.info.w, 24 * s);
    if (this.prizeImage) this.placeImage(l.info.x + l.info.w - 220 * s, l.info.y + 100 * s, 220 * s);
    this.joinersY = y + 32 * s;
  }

  /**
   * Portrait (9:16 phone streams): below the QR, the count centred, then the prize in a card of the brand
   * colour (image on the right, commitment and audit head at its foot), then the joiners flowing in.
   */
  private layoutPortraitInfo(l: StageLayout, k: number): void {
    const s = l.scale;
    const { x, w } = l.info;
    let y = l.info.y;
    this.count.anchor.set(0.5, 0);
    this.count.style.fontSize = 72 * s * k;
    this.count.position.set(x + w / 2, y);
    y += this.count.height + 16 * s;
    const inner = 28 * s;
    const cardTop = y;
    const imageSide = this.prizeImage ? 200 * s * k : 0;
    let cy = cardTop + inner;
    this.prizeLabel.style.fontSize = 30 * s * k;
    this.prizeLabel.position.set(x + inner, cy);
    cy += this.prizeLabel.height + 6 * s;
    this.prize.style.fontSize = 56 * s * k;
    this.prize.style.wordWrapWidth = w - 2 * inner - (imageSide ? imageSide + inner : 0);
    this.prize.position.set(x + inner, cy);
    cy = Math.max(cy + this.prize.height, cardTop + inner + imageSide) + 14 * s;
    if (this.prizeImage) this.placeImage(x + w - inner - imageSide, cardTop + inner, imageSide);
    cy = this.placeProofLines(x + inner, cy, w - 2 * inner, 22 * s * k);
    const cardH = cy - cardTop + inner * 0.6;
    this.prizeCard.clear();
    this.prizeCard
      .roundRect(x, cardTop, w, cardH, 22 * s)
      .fill({ color: this.theme.primary, alpha: 0.14 })
      .stroke({ width: 3 * s, color: this.theme.primaryOnBackground, alpha: 0.8 });
    this.joinersY = cardTop + cardH + 28 * s;
  }

  /** The commitment line, then the audit head line; returns the y below them. */
  private placeProofLines(x: number, y: number, width: number, size: number): number {
    for (const line of [this.commitment, this.audit]) {
      line.style.fontSize = size;
      line.style.wordWrap = true;
      line.style.wordWrapWidth = width;
      line.position.set(x, y);
      if (line.text) y += line.height + 6 * (this.layout?.scale ?? 1);
    }
    return y;
  }

  private placeImage(x: number, y: number, side: number): void {
    const image = this.prizeImage!;
    const k = side / Math.max(image.texture.width, image.texture.height);
    image.scale.set(k);
    image.position.set(x + (side - image.width) / 2, y + (side - image.height) / 2);
  }

  private joinersTop(): number {
    return this.joinersY;
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
