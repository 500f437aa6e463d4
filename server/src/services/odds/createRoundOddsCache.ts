// Production wiring of the odds cache: exact odds on the event loop when cheap, in a worker thread when not.
import { oddsByWeight } from '@drawcast/shared';
import { OddsWorkerClient } from './oddsWorkerClient';
import { RoundOddsCache, type RoundOddsCacheOptions } from './roundOddsCache';

/** Limits of the production cache (see RoundOddsCacheOptions), plus the worker to use. */
export interface OddsCacheSetup extends Pick<
  RoundOddsCacheOptions,
  'throttleMs' | 'capacity' | 'expensiveCost'
> {
  worker?: OddsWorkerClient;
}

/** Why: one place decides the real compute functions, so the service and tests share the wiring. */
export function createRoundOddsCache(clock: { now(): number }, setup: OddsCacheSetup = {}): RoundOddsCache {
  const { worker = new OddsWorkerClient(), ...limits } = setup;
  return new RoundOddsCache({
    ...limits,
    clock,
    compute: oddsByWeight,
    computeInBackground: (counts, k) => worker.compute(counts, k),
    stopBackground: () => worker.close(),
  });
}
