// A Fenwick (binary indexed) tree over entry weights: O(log n) weighted pick and removal.

/** Lets a draw pick k winners from a million entries in O(n + k log n) instead of k full walks. */
export class FenwickTree {
  private readonly tree: Float64Array;
  private readonly size: number;
  private readonly topStep: number;
  private sum = 0;

  constructor(weights: ArrayLike<number>) {
    const n = weights.length;
    this.size = n;
    const tree = new Float64Array(n + 1);
    for (let i = 1; i <= n; i++) {
      tree[i] += weights[i - 1];
      this.sum += weights[i - 1];
      const parent = i + (i & -i);
      if (parent <= n) tree[parent] += tree[i];
    }
    this.tree = tree;
    let step = 1;
    while (step * 2 <= n) step *= 2;
    this.topStep = n === 0 ? 0 : step;
  }

  /** Sum of all remaining weights: the T of uniform(T). */
  total(): number {
    return this.sum;
  }

  /** Index of the first entry whose running weight sum exceeds r, exactly as the spec's walk finds it. */
  find(r: number): number {
    let pos = 0;
    let rest = r;
    for (let step = this.topStep; step > 0; step >>= 1) {
      const next = pos + step;
      if (next <= this.size && this.tree[next] <= rest) {
        pos = next;
        rest -= this.tree[next];
      }
    }
    return pos;
  }

  /** Changes one entry's weight (removal is a change to 0). */
  add(index: number, delta: number): void {
    this.sum += delta;
    for (let i = index + 1; i <= this.size; i += i & -i) this.tree[i] += delta;
  }
}
