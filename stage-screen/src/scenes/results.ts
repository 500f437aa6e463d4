// Results: every winner of the round (up to 500) in a paged grid; pages turn by themselves or with the
// arrow keys. Only the current page's names exist as Text objects.
import { Container, Text } from 'pixi.js';
import type { StageLayout } from '../landing/layout';
import { pageCount, pageItems, pageSize } from '../landing/layout';
import type { Strings } from '../ui/strings';
import type { Theme } from '../ui/theme';
import type { Scene } from './scene';
import { clip } from './scene';

const AUTO_PAGE_MS = 6000;
const MANUAL_HOLD_MS = 20_000;

/** Why: 500 winners do not fit one screen, and each deserves to be read. */
export class ResultsScene implements Scene {
  readonly view = new Container();
  private readonly title: Text;
  private readonly pager: Text;
  private readonly grid = new Container();
  private names: string[] = [];
  private prizeName = '';
  page = 0;
  private nextAutoAt = 0;
  private layout: StageLayout | null = null;

  constructor(
    private readonly theme: Theme,
    private readonly t: Strings,
  ) {
    const style = (size: number, color: number) => ({
      fontFamily: theme.font,
      fontSize: size,
      fill: color,
      fontWeight: '700' as const,
      stroke: { color: 0x000000, width: 4 },
    });
    this.title = new Text({ text: '', style: style(60, theme.accent) });
    this.pager = new Text({ text: '', style: style(28, theme.muted) });
    this.title.anchor.set(0.5, 0);
    this.pager.anchor.set(0.5, 1);
    this.view.addChild(this.title, this.grid, this.pager);
    this.view.visible = false;
  }

  /** The round's winners in draw order. */
  setResult(prizeName: string, names: string[]): void {
    this.prizeName = prizeName;
    this.names = names;
    this.page = 0;
    this.nextAutoAt = Date.now() + AUTO_PAGE_MS;
    this.render();
  }

  /** Arrow keys: next (+1) or previous (−1) page; holds the automatic paging for a while. */
  turn(delta: number): void {
    const pages = this.pages();
    this.page = (this.page + delta + pages) % pages;
    this.nextAutoAt = Date.now() + MANUAL_HOLD_MS;
    this.render();
  }

  /** Number of pages for the current layout. */
  pages(): number {
    return this.layout ? pageCount(this.names.length, pageSize(this.layout)) : 1;
  }

  show(): void {
    this.view.visible = true;
  }

  hide(): void {
    this.view.visible = false;
  }

  update(now: number): void {
    if (this.pages() > 1 && now >= this.nextAutoAt) {
      this.page = (this.page + 1) % this.pages();
      this.nextAutoAt = now + AUTO_PAGE_MS;
      this.render();
    }
  }

  resize(l: StageLayout): void {
    this.layout = l;
    this.page = Math.min(this.page, this.pages() - 1);
    this.render();
  }

  private render(): void {
    const l = this.layout;
    if (!l) return;
    const s = l.scale;
    this.title.text = this.t.winners(this.prizeName, this.names.length);
    this.title.style.fontSize = 60 * s;
    this.title.position.set(l.width / 2, l.header.y);
    const per = pageSize(l);
    const items = pageItems(this.names, per, this.page);
    for (const child of this.grid.removeChildren()) child.destroy();
    const { columns, rows } = l.grid;
    const top = l.header.y + l.header.h + 20 * s;
    const bottom = l.kind === 'portrait' ? l.history.y - 20 * s : l.height - 70 * s;
    const left = l.kind === 'portrait' ? l.header.x : l.header.x;
    const width = l.kind === 'portrait' ? l.header.w : l.history.x - left - 30 * s;
    const cellW = width / columns;
    const cellH = (bottom - top) / rows;
    const fontSize = Math.min(cellH * 0.5, 44 * s);
    if (this.names.length <= 5) {
      // A few winners: big, centred, one per line.
      const big = new Text({
        text: this.names
          .map((n, i) => `${this.names.length > 1 ? `${i + 1}. ` : ''}${clip(n, 24)}`)
          .join('\n'),
        style: {
          fontFamily: this.theme.font,
          fontSize: 96 * s,
          fill: this.theme.text,
          fontWeight: '700',
          align: 'center',
          lineHeight: 130 * s,
        },
      });
      big.anchor.set(0.5);
      big.position.set(left + width / 2, (top + bottom) / 2);
      this.grid.addChild(big);
      this.pager.text = '';
      return;
    }
    items.forEach((name, i) => {
      const place = this.page * per + i + 1;
      const text = new Text({
        text: `${place}. ${clip(name, 16)}`,
        style: { fontFamily: this.theme.font, fontSize, fill: this.theme.text, fontWeight: '700' },
      });
      // Column-major: read down each column, as on a printed list.
      const col = Math.floor(i / rows);
      const row = i % rows;
      text.position.set(left + col * cellW + 10 * s, top + row * cellH);
      this.grid.addChild(text);
    });
    const pages = this.pages();
    this.pager.text = pages > 1 ? this.t.page(this.page + 1, pages) : '';
    this.pager.style.fontSize = 28 * s;
    this.pager.position.set(l.width / 2, l.height - 20 * s);
  }
}
