// Clock sync glue: clock:ping samples over the socket into shared/'s offset estimate.
import { ref } from 'vue';
import { syncClock } from '../../../shared/src/clock/sync';
import type { ClockSample } from '../../../shared/src/clock/offset';
import {
  RESYNC_DEFAULTS,
  estimateFromPool,
  mergeSamples,
  resyncDelays,
} from '../../../shared/src/clock/resync';
import type { AppSocket } from './socket';

/**
 * Why: phones with wrong clocks must reveal together. The offset is measured at every (re)connect, and
 * again at a quiet moment before a reveal (`resyncSoon`, e.g. when a round is committed), each phone at
 * its own random moment; the fastest samples are kept over time, so a busy sync cannot undo a good one.
 */
export function useServerClock(socket: AppSocket) {
  /** server time = Date.now() + offsetMs */
  const offsetMs = ref(0);
  const synced = ref(false);
  let running: Promise<void> | null = null;
  let pool: ClockSample[] = [];
  let pending = false;
  let lastResyncAt: number | null = null;

  async function takeSamples(samples: number): Promise<void> {
    try {
      const est = await syncClock({
        samples,
        ping: async () => {
          const ack = await socket.timeout(5000).emitWithAck('clock:ping', {});
          if (!ack.ok) throw new Error(ack.code);
          return ack.data;
        },
      });
      pool = mergeSamples(pool, est.samples, Date.now());
      offsetMs.value = estimateFromPool(pool).offsetMs;
      synced.value = true;
    } catch {
      // keep the last estimate; the next connect tries again
    }
  }

  async function sync(samples = 5): Promise<void> {
    if (running) return running;
    running = takeSamples(samples).finally(() => {
      running = null;
    });
    return running;
  }

  /** A few more samples, each at its own random moment of the next seconds (skipped if done lately). */
  function resyncSoon(): void {
    const delays = resyncDelays({
      now: Date.now(),
      lastResyncAt,
      pending,
      randoms: Array.from({ length: RESYNC_DEFAULTS.samples }, Math.random),
    });
    if (delays === null) return;
    pending = true;
    const pings = delays.map((d) => new Promise((r) => setTimeout(r, d)).then(() => takeSamples(1)));
    void Promise.all(pings).finally(() => {
      pending = false;
      lastResyncAt = Date.now();
    });
  }

  return { offsetMs, synced, sync, resyncSoon, serverNow: () => Date.now() + offsetMs.value };
}
