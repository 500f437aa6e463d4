// Bulk work in slices of a few milliseconds, with the event loop free in between (imports of 100,000 rows).

const ITEMS_PER_CLOCK_CHECK = 64;
const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * items.map(map), run in slices of about `budgetMs` each, yielding to the event loop (timers, sockets,
 * I/O callbacks) between slices, so a long map never delays a join or a clock ping by more than one slice.
 */
export async function mapInSlices<T, R>(
  items: readonly T[],
  map: (item: T) => R,
  budgetMs = 8,
): Promise<R[]> {
  const out: R[] = new Array<R>(items.length);
  let started = performance.now();
  for (let i = 0; i < items.length; i++) {
    if (i % ITEMS_PER_CLOCK_CHECK === 0 && i > 0 && performance.now() - started > budgetMs) {
      await nextTurn();
      started = performance.now();
    }
    out[i] = map(items[i] as T);
  }
  return out;
}
