// LSD radix sort for pure-ASCII ids: a million ids in a fraction of a second, where a comparison
// sort of strings takes seconds. For ASCII, code-unit order is UTF-8 byte order.

// Bucket 0 is "id already ended" (a prefix sorts first); bucket c + 1 is ASCII code c.
const BUCKETS = 129;
// Ids are copied once into one contiguous byte table (one cache miss per id, not one per character
// per pass) while it stays below this size; beyond it each pass reads the strings again.
const TABLE_LIMIT_BYTES = 64 * 1024 * 1024;

/** Returns the permutation that puts pure-ASCII `ids` in byte order (equal ids end up adjacent). */
export function sortAsciiIndices(ids: readonly string[]): Uint32Array {
  const n = ids.length;
  let order = new Uint32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  let next = new Uint32Array(n);
  const digit = new Uint8Array(n);
  const starts = new Int32Array(BUCKETS);
  let longest = 0;
  for (let i = 0; i < n; i++) longest = Math.max(longest, ids[i].length);
  const table = n * longest <= TABLE_LIMIT_BYTES ? bucketTable(ids, longest) : null;
  // Stable counting sort by each character position, last position first.
  for (let depth = longest - 1; depth >= 0; depth--) {
    starts.fill(0);
    for (let i = 0; i < n; i++) {
      const bucket = table ? table[i * longest + depth] : bucketOf(ids[i], depth);
      digit[i] = bucket;
      starts[bucket]++;
    }
    if (starts[digit[0]] === n) continue; // every id has the same character here: nothing moves
    let running = 0;
    for (let b = 0; b < BUCKETS; b++) {
      const size = starts[b];
      starts[b] = running;
      running += size;
    }
    for (let i = 0; i < n; i++) {
      const index = order[i];
      next[starts[digit[index]]++] = index;
    }
    [order, next] = [next, order];
  }
  return order;
}

function bucketOf(id: string, depth: number): number {
  return depth < id.length ? id.charCodeAt(depth) + 1 : 0;
}

// Row i holds the buckets of ids[i], padded with 0 ("ended").
function bucketTable(ids: readonly string[], width: number): Uint8Array {
  const table = new Uint8Array(ids.length * width);
  for (let i = 0; i < ids.length; i++) {
    const id = ids[i];
    const row = i * width;
    for (let d = 0; d < id.length; d++) table[row + d] = id.charCodeAt(d) + 1;
  }
  return table;
}
