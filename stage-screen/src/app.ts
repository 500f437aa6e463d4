// The stage controller: one Pixi Application, three scenes, the server link, caption, sound and keys.
import type { Application } from 'pixi.js';
import { Assets, Container, Graphics, Sprite, Text } from 'pixi.js';
import type { Texture } from 'pixi.js';
import type {
  AuditHeadDto,
  EventDto,
  PrizeDto,
  PublicEventInfoDto,
  RoundDrawnDto,
  RoundPublicDto,
  StageStateDto,
} from '@drawcast/shared';
import { computeLayout } from './landing/layout';
import type { StageLayout } from './landing/layout';
import { browserRng } from './landing/random';
import { lookChanged, stageLook } from './config';
import type { StageLook, StageOptions } from './config';
import { bindKeys, nextPrize } from './keyboard';
import type { StageConnection } from './net/connection';
import { DrawScene } from './scenes/draw';
import { HistoryPanel } from './scenes/history';
import { LobbyScene } from './scenes/lobby';
import { ResultsScene } from './scenes/results';
import type { Scene } from './scenes/scene';
import type { Sound } from './sound/sound';
import type { Caption } from './ui/caption';
import type { Strings } from './ui/strings';
import type { Theme } from './ui/theme';
import { exposeTestHooks } from './test-hooks';

/** A reveal as it happened on this screen (local and server ms), for the sync tests. */
export interface RevealRecord {
  roundId: string;
  /** Local ms the reveal was scheduled for (revealAt converted with the clock offset). */
  plannedAt: number;
  /** Local ms it actually happened (a starved main thread may run late). */
  localAt: number;
  serverAt: number;
  revealAt: number;
  winners: string[];
}

/** Why: wires protocol events to scenes so that the screen only ever shows the server's result. */
export class StageApp {
  readonly lobby: LobbyScene;
  readonly draw: DrawScene;
  readonly results: ResultsScene;
  readonly history: HistoryPanel;
  private readonly chrome = new Container();
  private readonly title: Text;
  /** A bar of the brand colour under the title. */
  private readonly titleBar = new Graphics();
  private current: Scene;
  private layout: StageLayout;
  private armed: RoundPublicDto | null = null;
  private prizes: PrizeDto[] = [];
  private readonly seen = new Set<string>();
  private mode: 'wheel' | 'slots' = 'wheel';
  private drawing: RoundDrawnDto | null = null;
  readonly reveals: RevealRecord[] = [];
  private toResultsAt = 0;
  private participants = 0;
  private logo: Sprite | null = null;
  private auditHead: AuditHeadDto | null = null;
  /** The host changed the branding or language: reload once back in the lobby (never mid-draw). */
  private reloadPending = false;

  constructor(
    readonly app: Application,
    readonly opts: StageOptions,
    private readonly look: StageLook,
    readonly conn: StageConnection,
    private readonly info: PublicEventInfoDto,
    private readonly sound: Sound,
    private readonly caption: Caption,
    private readonly theme: Theme,
    private readonly t: Strings,
  ) {
    this.lobby = new LobbyScene(theme, t, opts.overlay);
    this.draw = new DrawScene(theme, t, opts.reducedMotion, opts.overlay, opts.frameSavers, {
      tick: () => this.sound.tick(),
      reelStopped: () => this.sound.tick(),
      landed: (roundId) => this.onLanded(roundId),
    });
    this.results = new ResultsScene(theme, t);
    this.history = new HistoryPanel(theme, t);
    this.title = new Text({
      text: info.title,
      style: { fontFamily: theme.font, fontSize: 64, fill: theme.text, fontWeight: '700' },
    });
    this.chrome.addChild(this.titleBar, this.title, this.history.view);
    this.chrome.visible = !opts.overlay;
    app.stage.addChild(this.chrome, this.lobby.view, this.draw.view, this.results.view);
    this.current = this.lobby;
    this.layout = computeLayout(app.screen.width, app.screen.height);
    this.resize();
    app.renderer.on('resize', () => this.resize());
    app.ticker.add((ticker) => this.current.update(Date.now(), ticker.deltaMS));
    app.ticker.add(() => this.tick());
    bindKeys(window, this.keyActions(), conn.isHost);
    exposeTestHooks(this);
  }

  /** Loads the event's state (`initial` when main already watched) and subscribes to its broadcasts. */
  async start(initial?: StageStateDto): Promise<void> {
    const s = this.conn.socket;
    s.on('round:committed', (r) => {
      this.onArmed(r);
      void this.pollJoiners(); // the commit moved the audit head on
    });
    s.on('round:updated', (r) =>
      r.status === 'cancelled' && this.armed?.roundId === r.roundId ? this.onArmed(null) : undefined,
    );
    s.on('round:drawn', (d) => this.onDrawn(d));
    s.on('stage:forfeited', (f) => this.history.markForfeited(f.roundId, f.participantId));
    s.on('event:updated', (e) => {
      this.onEvent(e);
      void this.pollJoiners();
    });
    s.on('odds:aggregate', () => void this.pollJoiners());
    s.on('audience:count', () => void this.pollJoiners());
    s.on('connect', () => void this.load());
    await this.load(initial);
    if (this.look.logoUrl) void this.loadLogo(this.look.logoUrl);
    this.lobby.setJoin(`${window.location.origin}/j/${this.info.joinCode}`, this.info.joinCode);
    if (this.conn.isHost) this.lobby.setHelp(this.t.hostHelp);
    this.showScene(this.lobby);
    void this.pollJoiners();
  }

  private async load(initial?: StageStateDto): Promise<void> {
    const state = initial ?? (await this.conn.watch());
    this.prizes = state.prizes;
    this.onEvent(state.event);
    this.setAuditHead(state.auditHead ?? null);
    this.setParticipants(state.participants);
    for (const d of state.drawn) {
      if (this.conn.toLocal(d.revealAt) > Date.now()) this.onDrawn(d);
      else if (!this.seen.has(d.roundId)) {
        this.seen.add(d.roundId);
        this.history.add({
          roundId: d.roundId,
          prizeName: d.prizeName,
          names: d.winners.map((w) => w.nickname),
          ids: d.winners.map((w) => w.participantId),
        });
      }
    }
    for (const f of state.forfeited ?? []) this.history.markForfeited(f.roundId, f.participantId);
    if (!this.drawing) this.onArmed(state.round);
    void this.conn.refreshPool(state.participants);
  }

  private onEvent(e: EventDto): void {
    this.title.text = e.title;
    this.fitTitle();
    if (lookChanged(this.look, stageLook(this.opts, e))) {
      this.reloadPending = true;
      if (this.current === this.lobby && !this.drawing) window.location.reload();
    }
  }

  /** Keeps the newest head seen (a page read before a draw may arrive after it). */
  private setAuditHead(head: AuditHeadDto | null): void {
    if (!head || (this.auditHead && head.seq < this.auditHead.seq)) return;
    this.auditHead = head;
    this.lobby.setAuditHead(head);
  }

  private setParticipants(n: number): void {
    this.participants = Math.max(this.participants, n);
    this.lobby.setCount(this.participants);
  }

  private async pollJoiners(): Promise<void> {
    const page = await this.conn.newJoiners();
    if (page.total > 0) this.setParticipants(page.total);
    this.setAuditHead(page.auditHead);
    this.lobby.addJoiners(page.names);
    void this.conn.refreshPool(this.participants);
  }

  private onArmed(r: RoundPublicDto | null): void {
    this.armed = r && r.status === 'committed' ? r : null;
    const prize = this.armed ? this.prizes.find((p) => p.id === this.armed!.prizeId) : undefined;
    this.lobby.setArmed(
      this.armed
        ? {
            prizeName: this.armed.prizeName,
            imageUrl: prize?.imageUrl ?? null,
            commitment: this.armed.commitment,
            k: this.armed.k,
          }
        : null,
    );
    this.caption.say(this.armed ? `${this.t.nextPrize}: ${this.armed.prizeName}` : this.t.noRound);
    if (this.armed && !this.drawing) this.showScene(this.lobby);
  }

  /** Why: the animation starts on arrival and lands exactly at revealAt (server time → local clock). */
  onDrawn(d: RoundDrawnDto): void {
    if (this.seen.has(d.roundId)) return;
    this.seen.add(d.roundId);
    if (this.armed?.roundId === d.roundId) this.armed = null;
    this.drawing = d;
    this.setAuditHead(d.auditHead);
    const now = Date.now();
    const endAt = Math.max(now, this.conn.toLocal(d.revealAt));
    const winners = d.winners.map((w) => ({ id: w.participantId, name: w.nickname }));
    this.draw.start({
      roundId: d.roundId,
      prizeName: d.prizeName,
      mode: d.drawMode ?? 'wheel',
      winners,
      pool: this.conn.names(),
      startAt: now,
      endAt,
      rng: browserRng(),
    });
    this.caption.say(this.t.announceRound(d.prizeName, d.winners.length));
    // Refine the clock now (a few pings) and move the landing if the estimate changed.
    void this.conn.syncClock().then(() => {
      const refined = Math.max(Date.now(), this.conn.toLocal(d.revealAt));
      if (this.drawing?.roundId === d.roundId && Math.abs(refined - (this.draw.plan?.endAt ?? refined)) > 2) {
        this.draw.retime(refined);
      }
    });
    this.sound.lobby(false);
    if (d.drawMode === 'slots' || this.opts.reducedMotion) this.sound.drumroll(true);
    this.showScene(this.draw);
  }

  private onLanded(roundId: string): void {
    const d = this.drawing;
    if (!d || d.roundId !== roundId) return;
    const names = d.winners.map((w) => w.nickname);
    const localAt = Date.now();
    this.reveals.push({
      roundId,
      plannedAt: this.draw.plan?.endAt ?? localAt,
      localAt,
      serverAt: localAt + this.conn.offsetMs,
      revealAt: d.revealAt,
      winners: d.winners.map((w) => w.participantId),
    });
    this.caption.winners(
      roundId,
      this.t.announceWinners(d.prizeName, names),
      d.winners.map((w) => w.participantId),
    );
    this.sound.drumroll(false);
    this.sound.fanfare();
    this.history.add({ roundId, prizeName: d.prizeName, names, ids: d.winners.map((w) => w.participantId) });
    this.results.setResult(d.prizeName, names);
    this.toResultsAt = localAt + (d.winners.length > 1 ? 2500 : 5000);
  }

  private tick(): void {
    if (this.drawing && this.toResultsAt > 0 && Date.now() >= this.toResultsAt) {
      this.toResultsAt = 0;
      this.drawing = null;
      this.showScene(this.results);
    }
  }

  private showScene(scene: Scene): void {
    if (this.current !== scene) this.current.hide();
    this.current = scene;
    scene.show();
    // Portrait screens have no room for the history beside the lobby's QR and joiners.
    this.history.view.visible =
      scene === this.results || (scene === this.lobby && this.layout.kind === 'landscape');
    this.title.visible = scene === this.lobby;
    this.titleBar.visible = scene === this.lobby;
    this.placeLogo();
    if (scene === this.lobby) this.sound.lobby(true);
    if (scene === this.lobby && this.reloadPending) window.location.reload();
    if (window.__stage) {
      window.__stage.scene = scene === this.lobby ? 'lobby' : scene === this.draw ? 'draw' : 'results';
    }
  }

  private resize(): void {
    this.layout = computeLayout(this.app.screen.width, this.app.screen.height);
    const l = this.layout;
    this.title.position.set(l.header.x, l.header.y);
    this.placeLogo();
    this.fitTitle();
    this.history.resize(l);
    this.lobby.resize(l);
    this.draw.resize(l);
    this.results.resize(l);
  }

  private keyActions() {
    return {
      draw: () => {
        if (!this.armed) return this.caption.say(this.t.noRound);
        this.conn.draw(this.armed.roundId).catch((e: Error) => this.caption.say(this.t.error(e.message)));
      },
      armNext: () => void this.armNext().catch((e: Error) => this.caption.say(this.t.error(e.message))),
      toggleMode: () => {
        this.mode = this.mode === 'wheel' ? 'slots' : 'wheel';
        this.caption.say(this.t.nextMode(this.t.mode[this.mode]));
      },
      mute: () => this.caption.say(this.sound.toggleMute() ? this.t.muted : ''),
      fullscreen: () => {
        if (document.fullscreenElement) void document.exitFullscreen();
        else void document.documentElement.requestFullscreen().catch(() => undefined);
      },
      page: (delta: number) => this.results.turn(delta),
    };
  }

  private async armNext(): Promise<void> {
    const [prizes, rounds] = await Promise.all([this.conn.prizes(), this.conn.rounds()]);
    this.prizes = prizes;
    const reserved = new Map<string, number>();
    for (const r of rounds)
      if (r.status === 'committed') reserved.set(r.prizeId, (reserved.get(r.prizeId) ?? 0) + r.k);
    const last = rounds.filter((r) => r.status !== 'cancelled').at(-1)?.prizeId ?? null;
    const prize = nextPrize(prizes, reserved, last);
    if (!prize) throw new Error('no prize has units left');
    const round = await this.conn.arm(prize.id, 1, this.mode);
    this.caption.say(this.t.newRound(round.prizeName, this.t.mode[this.mode]));
  }

  /** The logo: large at the header's right end in the lobby, small in the top-right corner during draws. */
  private placeLogo(): void {
    const logo = this.logo;
    if (!logo) return;
    const l = this.layout;
    const inLobby = this.current === this.lobby;
    const h = inLobby ? l.header.h * 0.9 : Math.max(28, (l.kind === 'portrait' ? 60 : 72) * l.scale);
    const maxW = inLobby ? l.header.w * 0.3 : h * 3;
    const k = Math.min(h / logo.texture.height, maxW / logo.texture.width);
    logo.scale.set(k);
    logo.alpha = inLobby ? 1 : 0.85;
    if (inLobby) logo.position.set(l.header.x + l.header.w - logo.width, l.header.y);
    // Portrait draws have centred titles across the top: the logo goes to the free strip at the foot.
    else if (l.kind === 'portrait')
      logo.position.set((l.width - logo.width) / 2, l.height - l.header.y - logo.height);
    else logo.position.set(l.header.x + l.header.w - logo.width, l.header.y * 0.6);
  }

  /** Shrinks the title to fit beside the logo; draws the brand-colour bar under it. */
  private fitTitle(): void {
    const l = this.layout;
    const room = l.header.w - (this.logo ? this.logo.width + 24 * l.scale : 0);
    const size = (l.kind === 'portrait' ? 80 : 64) * l.scale;
    this.title.style.fontSize = size;
    if (this.title.width > room) this.title.style.fontSize = Math.max(16, (size * room) / this.title.width);
    this.titleBar.clear();
    this.titleBar
      .roundRect(
        l.header.x,
        l.header.y + this.title.height + 6 * l.scale,
        160 * l.scale,
        8 * l.scale,
        4 * l.scale,
      )
      .fill(this.theme.primaryOnBackground);
  }

  /** The event's logo at the header's right end (same-origin images only: everything works offline). */
  private async loadLogo(url: string): Promise<void> {
    try {
      const texture = await Assets.load<Texture>(url);
      this.logo = new Sprite(texture);
      this.chrome.addChild(this.logo);
      this.resize();
    } catch {
      // A missing logo must not break the show.
    }
  }

  /** The look in use (tests read it). */
  get lookInUse(): StageLook {
    return this.look;
  }

  /** True once the logo is loaded and on screen (tests read it). */
  get logoShown(): boolean {
    return this.logo !== null && this.logo.visible && this.chrome.visible;
  }

  /** The current layout (tests and the bench read it). */
  get currentLayout(): StageLayout {
    return this.layout;
  }
}
