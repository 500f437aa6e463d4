import { describe, expect, it } from 'vitest';
import { JoinerFeed, shortHash } from './joiners';
import type { Rect } from './layout';
import { computeLayout, layoutKind, pageCount, pageItems, pageSize } from './layout';

const inside = (r: Rect, w: number, h: number) =>
  r.x >= 0 && r.y >= 0 && r.x + r.w <= w + 0.5 && r.y + r.h <= h + 0.5;

describe('layout', () => {
  it.each([
    [1920, 1080, 'landscape', 1],
    [1280, 720, 'landscape', 2 / 3],
    [1080, 1920, 'portrait', 1],
    [540, 960, 'portrait', 0.5],
  ] as const)('%i×%i is %s at scale %f, every region on screen', (w, h, kind, scale) => {
    const l = computeLayout(w, h);
    expect(l.kind).toBe(kind);
    expect(l.scale).toBeCloseTo(scale, 5);
    for (const r of [l.header, l.qr, l.info, l.stage, l.history]) expect(inside(r, w, h)).toBe(true);
    expect(l.qr.w).toBe(l.qr.h);
    // A QR big enough to scan from the back of a room: at least a third of the short side.
    expect(l.qr.w).toBeGreaterThan(Math.min(w, h) / 3);
  });

  it('chooses from the shape: wider than 4:5 is landscape', () => {
    expect(layoutKind(800, 1000)).toBe('landscape');
    expect(layoutKind(700, 1000)).toBe('portrait');
    expect(layoutKind(1000, 0)).toBe('landscape');
  });

  it('pages 500 winners', () => {
    const l = computeLayout(1920, 1080);
    const per = pageSize(l);
    const winners = Array.from({ length: 500 }, (_, i) => i);
    expect(pageCount(500, per)).toBe(Math.ceil(500 / per));
    const all = Array.from({ length: pageCount(500, per) }, (_, p) => pageItems(winners, per, p)).flat();
    expect(all).toEqual(winners);
    expect(pageItems(winners, per, 999)).toEqual(pageItems(winners, per, pageCount(500, per) - 1));
    expect(pageCount(0, per)).toBe(1);
  });
});

describe('JoinerFeed', () => {
  it('lets at most perSecond names through in any second and keeps the newest', () => {
    const feed = new JoinerFeed(3, 10);
    feed.push(Array.from({ length: 25 }, (_, i) => `n${i}`));
    expect(feed.pending).toBe(10);
    expect(feed.take(0)).toEqual(['n15', 'n16', 'n17']);
    expect(feed.take(500)).toEqual([]);
    expect(feed.take(1000)).toEqual(['n18', 'n19', 'n20']);
  });

  it('shortens a commitment hash', () => {
    expect(shortHash('a'.repeat(64))).toBe('aaaaaaaa…aaaaaaaa');
    expect(shortHash('abc')).toBe('abc');
  });
});
