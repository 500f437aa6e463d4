// Exact odds computed on the phone, in a Web Worker, only when the server's are not exact yet and cheap.
import { ODDS_COST_PER_CLASS, oddsCost } from '@drawcast/shared';
import type { OddsAggregateDto } from '@drawcast/shared';

/** Work units (shared's oddsCost) the phone takes on: up to 64 weight classes, tens of ms in a worker. */
export const PHONE_ODDS_BUDGET = 64 * ODDS_COST_PER_CLASS;

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
