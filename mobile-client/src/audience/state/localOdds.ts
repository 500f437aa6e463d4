// Exact odds computed on the phone, in a Web Worker, only when the server's are not exact yet and cheap.
import type { OddsAggregateDto } from '@drawcast/shared';

/** Work units (classes × min(k, n−k)²) the phone takes on; about 0.2 s in a worker on a laptop. */
export const PHONE_ODDS_BUDGET = 2_000_000;

/** The server's cost model of oddsByWeight: a big round is left to the server's worker. */
export function oddsCost(counts: Readonly<Record<number, number>>, k: number): number {
  const sizes = Object.values(counts).filter((c) => c > 0);
  const n = sizes.reduce((s, c) => s + c, 0);
  if (sizes.length <= 1 || k >= n) return 0;
  const side = Math.min(k, n - k);
  return sizes.length * side * side;
}

/** Whether this phone should compute the aggregate's odds itself. */
export function worthComputingOnPhone(a: OddsAggregateDto): boolean {
  return a.total > 0 && oddsCost(a.counts, a.k) <= PHONE_ODDS_BUDGET;
}

let worker: Worker | null = null;
let seq = 0;
const waiting = new Map<number, (odds: Record<number, number> | null) => void>();

/** The odds of `tickets` for this aggregate, off the main thread (null when the worker failed). */
export function computeOddsInWorker(a: OddsAggregateDto, tickets: number): Promise<number | null> {
  if (typeof Worker === 'undefined') return Promise.resolve(null);
  if (!worker) {
    worker = new Worker(new URL('./oddsWorker.ts', import.meta.url), { type: 'module' });
    worker.onmessage = (e: MessageEvent<{ id: number; odds: Record<number, number> | null }>) => {
      waiting.get(e.data.id)?.(e.data.odds);
      waiting.delete(e.data.id);
    };
  }
  const id = ++seq;
  return new Promise((resolve) => {
    waiting.set(id, (odds) => resolve(odds ? (odds[tickets] ?? 0) : null));
    worker!.postMessage({ id, counts: a.counts, k: a.k });
  });
}
