// Successive weighted sampling without replacement, with the sampler parts injectable for testing.
import { FenwickTree } from './fenwick';

/** Returns an integer in [0, total); the fair one is DrawStream.uniform. */
export type UniformFn = (total: number) => number;

/** A set of remaining weighted entries that can pick the entry hit by r and drop it. */
export interface WeightedPicker {
  total(): number;
  pick(r: number): number;
  remove(index: number): void;
}

/** Production picker: Fenwick prefix-sum descent, same answers as the walk in O(log n). */
export function fenwickPicker(weights: ArrayLike<number>): WeightedPicker {
  const tree = new FenwickTree(weights);
  return {
    total: () => tree.total(),
    pick: (r) => tree.find(r),
    remove: (index) => tree.add(index, -weights[index]),
  };
}

/** The spec's walk taken literally; the reference the Fenwick picker is tested against. */
export function naiveWalkPicker(weights: ArrayLike<number>, exceeds = naiveExceeds): WeightedPicker {
  const remaining: number[] = Array.from({ length: weights.length }, (_, i) => i);
  return {
    total: () => remaining.reduce((sum, i) => sum + weights[i], 0),
    pick: (r) => {
      let running = 0;
      for (const i of remaining) {
        running += weights[i];
        if (exceeds(running, r)) return i;
      }
      return remaining[remaining.length - 1];
    },
    remove: (index) => {
      remaining.splice(remaining.indexOf(index), 1);
    },
  };
}

// The spec: the first entry whose running sum exceeds r wins. Tests swap in `>=` to plant a bias.
function naiveExceeds(running: number, r: number): boolean {
  return running > r;
}

/** The selection loop of the spec, over canonical indices; draw() passes the fair parts. */
export function selectIndices(picker: WeightedPicker, k: number, uniform: UniformFn): number[] {
  const winners: number[] = [];
  for (let s = 0; s < k; s++) {
    const r = uniform(picker.total());
    const index = picker.pick(r);
    winners.push(index);
    picker.remove(index);
  }
  return winners;
}
