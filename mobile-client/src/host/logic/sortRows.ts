// Sorting for result tables (500 winners): stable, by one column, either direction.

/** A column a table can be sorted by. */
export interface SortState<K extends string> {
  key: K;
  dir: 'asc' | 'desc';
}

/** Why: clicking the same header flips the direction; another header starts ascending. */
export function nextSort<K extends string>(current: SortState<K>, key: K): SortState<K> {
  if (current.key === key) return { key, dir: current.dir === 'asc' ? 'desc' : 'asc' };
  return { key, dir: 'asc' };
}

/** Returns a new, stably sorted array; numbers numerically, text with the locale's collation. */
export function sortRows<T, K extends string & keyof T>(
  rows: readonly T[],
  sort: SortState<K>,
  locale = 'en',
): T[] {
  const collator = new Intl.Collator(locale, { numeric: true, sensitivity: 'base' });
  const sign = sort.dir === 'asc' ? 1 : -1;
  return rows
    .map((row, index) => ({ row, index }))
    .sort((a, b) => {
      const x = a.row[sort.key];
      const y = b.row[sort.key];
      let c: number;
      if (x === y) c = 0;
      else if (x === null || x === undefined) c = 1;
      else if (y === null || y === undefined) c = -1;
      else if (typeof x === 'number' && typeof y === 'number') c = x - y;
      else c = collator.compare(String(x), String(y));
      return c !== 0 ? c * sign : a.index - b.index;
    })
    .map((e) => e.row);
}
