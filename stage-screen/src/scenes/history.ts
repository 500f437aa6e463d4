// The winners-history panel: the latest rounds and their winners, beside the lobby and the results.
import { Container, Graphics, Text } from 'pixi.js';
import type { StageLayout } from '../landing/layout';
import type { Strings } from '../ui/strings';
import type { Theme } from '../ui/theme';
import { forfeitKey, historyLines } from './historyLines';
import type { HistoryEntry } from './historyLines';

export type { HistoryEntry } from './historyLines';

/** Why: a room that arrives late sees who already won; a handful of Text objects, rebuilt per round. */
export class HistoryPanel {
  readonly view = new Container();
  private readonly bg = new Graphics();
  private readonly header: Text;
  private readonly body: Text;
  private entries: HistoryEntry[] = [];
  private readonly forfeited = new Set<string>();
  private layout: StageLayout | null = null;

  constructor(
    theme: Theme,
    private readonly t: Strings,
  ) {
    this.header = new Text({
      text: t.history,
      style: { fontFamily: theme.font, fontSize: 32, fill: theme.accent, fontWeight: '700' },
    });
    this.body = new Text({
      text: '',
      style: {
        fontFamily: theme.font,
        fontSize: 24,
        fill: theme.text,
        lineHeight: 34,
        wordWrap: true,
        wordWrapWidth: 300,
      },
    });
    this.view.addChild(this.bg, this.header, this.body);
  }

  /** Adds (or replaces) a round, newest first. */
  add(entry: HistoryEntry): void {
    this.entries = [entry, ...this.entries.filter((e) => e.roundId !== entry.roundId)].slice(0, 12);
    this.render();
  }

  /** A winner forfeited (stage:forfeited): their line is labelled, not dropped, so the room sees why. */
  markForfeited(roundId: string, participantId: string): void {
    this.forfeited.add(forfeitKey(roundId, participantId));
    this.render();
  }

  /** The panel's text as drawn (tests read it; the canvas does not expose it). */
  get text(): string {
    return this.body.text;
  }

  resize(l: StageLayout): void {
    this.layout = l;
    this.render();
  }

  private render(): void {
    const l = this.layout;
    if (!l) return;
    const s = l.scale;
    const r = l.history;
    this.bg.clear();
    this.bg.roundRect(r.x, r.y, r.w, r.h, 18 * s).stroke({ width: 2 * s, color: 0xffffff, alpha: 0.18 });
    this.header.style.fontSize = 32 * s;
    this.header.position.set(r.x + 20 * s, r.y + 16 * s);
    this.body.style.fontSize = 24 * s;
    this.body.style.lineHeight = 34 * s;
    this.body.style.wordWrapWidth = r.w - 40 * s;
    this.body.position.set(r.x + 20 * s, r.y + 64 * s);
    const maxLines = Math.max(1, Math.floor((r.h - 80 * s) / (34 * s)));
    const lines = historyLines(this.entries, this.forfeited, this.t.forfeited);
    this.body.text = lines.slice(0, maxLines).join('\n');
  }
}
