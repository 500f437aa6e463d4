// A fair sample of the entry list for the wheel or the reels, which can show only so many names:
// every non-winner has the same chance to appear, and the real winners are always in it.
import type { Rng } from './random';
import { randomInt } from './random';

/** A name on screen: the opaque participant id (matches the proof) and the nickname. */
export interface NameEntry {
  id: string;
  name: string;
}

/** The sample, in display order, and where each winner (in draw order) sits in it. */
export interface NameSample {
  items: NameEntry[];
  winnerPositions: number[];
}

/** Floyd's algorithm: `count` distinct integers of [0, n), uniformly, in O(count) whatever n is. */
export function sampleIndices(n: number, count: number, rng: Rng): number[] {
  const c = Math.max(0, Math.min(n, count));
  const chosen = new Set<number>();
  const order: number[] = [];
  for (let j = n - c; j < n; j++) {
    const t = randomInt(rng, j + 1);
    const pick = chosen.has(t) ? j : t;
    chosen.add(pick);
    order.push(pick);
  }
  return order;
}

/**
 * Why: with 100,000 entries the screen shows `size` names; it must never miss a winner, nor favour
 * anyone else. Winners not found in `entries` are still placed (the server's result is the truth).
 * Work is O(size + winners), not O(entries), apart from skipping winners met while sampling.
 */
export function fairSample(
  entries: readonly NameEntry[],
  winners: readonly NameEntry[],
  size: number,
  rng: Rng,
): NameSample {
  const winnerIds = new Set(winners.map((w) => w.id));
  const uniqueWinners = winners.filter((w, i) => winners.findIndex((x) => x.id === w.id) === i);
  const want = Math.max(0, size - uniqueWinners.length);
  // A uniform subset of want + winners indices; the non-winners in it are a uniform subset of non-winners
  // (symmetry), trimmed at random to `want`, then shuffled for display.
  const picked = sampleIndices(entries.length, want + uniqueWinners.length, rng);
  const others = picked.map((i) => entries[i]!).filter((e) => !winnerIds.has(e.id));
  for (let a = others.length - 1; a > 0; a--) {
    const b = randomInt(rng, a + 1);
    [others[a], others[b]] = [others[b]!, others[a]!];
  }
  others.length = Math.min(others.length, want);
  const items = others.slice();
  // Insert the winners at random places; remember where they end up.
  for (const w of uniqueWinners) {
    items.splice(randomInt(rng, items.length + 1), 0, w);
  }
  const pos = new Map<string, number>();
  items.forEach((e, i) => {
    if (winnerIds.has(e.id) && !pos.has(e.id)) pos.set(e.id, i);
  });
  return { items, winnerPositions: winners.map((w) => pos.get(w.id)!) };
}
