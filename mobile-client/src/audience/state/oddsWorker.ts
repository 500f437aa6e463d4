// Web Worker: shared/'s exact odds function, so the page never freezes while it runs.
import { oddsByWeight } from '../../../../shared/src/fairness/odds';

self.onmessage = (e: MessageEvent<{ id: number; counts: Record<number, number>; k: number }>) => {
  let odds: Record<number, number> | null = null;
  try {
    odds = oddsByWeight(e.data.counts, e.data.k);
  } catch {
    odds = null;
  }
  self.postMessage({ id: e.data.id, odds });
};
