// Slot machine reels: a cyclic strip of names per reel, and the offset that stops it on its winner.
import type { Rng } from './random';
import { randomInt } from './random';

/** One reel: its names (cyclic) and where its winner sits in them. */
export interface ReelStrip<T> {
  items: T[];
  winnerIndex: number;
}

/**
 * Why: each reel shows a different order of the sample and contains its own winner once at a random
 * place. `pool` may contain the winner already (it is then moved, not duplicated).
 */
export function buildReelStrip<T>(
  pool: readonly T[],
  winner: T,
  length: number,
  rng: Rng,
  same: (a: T, b: T) => boolean,
): ReelStrip<T> {
  const others = pool.filter((x) => !same(x, winner));
  const items: T[] = [];
  const n = Math.max(1, length - 1);
  if (others.length > 0) {
    // Partial Fisher–Yates over a copy: a random order, repeating the pool when it is short.
    const copy = others.slice();
    for (let i = 0; i < n; i++) {
      const j = i % copy.length;
      if (j === 0) {
        for (let a = copy.length - 1; a > 0; a--) {
          const b = randomInt(rng, a + 1);
          [copy[a], copy[b]] = [copy[b]!, copy[a]!];
        }
      }
      items.push(copy[j]!);
    }
  }
  const winnerIndex = randomInt(rng, items.length + 1);
  items.splice(winnerIndex, 0, winner);
  return { items, winnerIndex };
}

/** Item shown at the reel's centre line when it has scrolled `offset` items (offset grows while spinning). */
export function itemAtOffset(offset: number, length: number): number {
  return ((Math.round(offset) % length) + length) % length;
}

/**
 * Why: a reel must stop exactly centred on its winner after at least `minLoops` whole passes of the
 * strip. Returns an integer offset ≡ winnerIndex (mod length), ≥ start + minLoops × length.
 */
export function reelFinalOffset(
  length: number,
  winnerIndex: number,
  startOffset: number,
  minLoops: number,
): number {
  if (!Number.isInteger(length) || length < 1) throw new RangeError('length must be a positive integer');
  if (!Number.isInteger(winnerIndex) || winnerIndex < 0 || winnerIndex >= length)
    throw new RangeError('winnerIndex out of range');
  const least = startOffset + Math.max(0, minLoops) * length;
  const k = Math.ceil((least - winnerIndex) / length);
  return winnerIndex + k * length;
}

/** Reels on screen for k winners: up to `max` (the rest appear in the results grid). */
export function reelCount(winners: number, max = 5): number {
  return Math.max(1, Math.min(max, winners));
}
