// The in-process index of a closed round's frozen entry list (its own module, so the service context
// can name it without importing the close logic that uses the context).
import type { Entry } from '@drawcast/shared';

/** A closed round's frozen list, indexed for joins (own weight) and odds (per-class counts). */
export interface FrozenIndex {
  entries: Entry[];
  weights: Map<string, number>;
  counts: Record<number, number>;
  total: number;
}
