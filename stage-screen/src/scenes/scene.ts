// The scene contract (pixijs open-games style): each scene owns a container and is driven by the ticker.
import type { Container } from 'pixi.js';
import type { StageLayout } from '../landing/layout';

/** Why: the app switches lobby / draw / results the same way and forwards resize and ticks to the one shown. */
export interface Scene {
  readonly view: Container;
  show(): void;
  hide(): void;
  /** Called every frame while shown; `now` is performance-free wall time (Date.now(), local clock). */
  update(now: number, dtMs: number): void;
  resize(layout: StageLayout): void;
}

/** Text helpers shared by the scenes. */
export function clip(text: string, max: number): string {
  const chars = Array.from(text);
  return chars.length <= max ? text : chars.slice(0, max - 1).join('') + '…';
}
