// Randomness for visuals only (where the wheel stops inside a segment, which names fill the reels):
// an injectable source so the landing maths is reproducible in tests.

/** A source of uniform numbers in [0, 1). */
export type Rng = () => number;

/** Why: tests need the same "random" landing every run; mulberry32 is tiny and good enough for visuals. */
export function seededRng(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Why: the browser's crypto source, so no two shows look alike. */
export function browserRng(): Rng {
  const buf = new Uint32Array(64);
  let i = buf.length;
  return () => {
    if (i >= buf.length) {
      globalThis.crypto.getRandomValues(buf);
      i = 0;
    }
    return buf[i++]! / 4294967296;
  };
}

/** An integer in [0, n) from rng. */
export function randomInt(rng: Rng, n: number): number {
  return Math.min(n - 1, Math.floor(rng() * n));
}
