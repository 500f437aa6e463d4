// The winners-history panel: the latest rounds and their winners, beside the lobby and the results.
import { Container, Graphics, Text } from 'pixi.js';
import type { StageLayout } from '../landing/layout';
import type { Strings } from '../ui/strings';
import type { Theme } from '../ui/theme';
import { clip } from './scene';

/** One finished round in the panel. */
export interface HistoryEntry {
  roundId: string;
  prizeName: string;
  names: string[];
}

/** Why: a room that arrives late sees who already won; a handful of Text objects, rebuilt per round. */
export class HistoryPanel {
  readonly view = new Container();
  private readonly bg = new Graphics();
  private readonly header: Text;
  private readonly body: Text;
  private entries: HistoryEntry[] = [];
  private layout: StageLayout | null = null;

  constructor(theme: Theme, t: Strings) {
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
    const lines: string[] = [];
    for (const e of this.entries) {
      lines.push(`★ ${clip(e.prizeName, 18)}`);
      const shown = e.names.slice(0, 3).map((n) => `   ${clip(n, 16)}`);
      lines.push(...shown);
      if (e.names.length > 3) lines.push(`   +${e.names.length - 3}`);
    }
    this.body.text = lines.slice(0, maxLines).join('\n');
  }
}
