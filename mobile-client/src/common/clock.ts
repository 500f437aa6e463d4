// Clock sync glue: clock:ping samples over the socket into shared/'s offset estimate.
import { ref } from 'vue';
import { syncClock } from '../../../shared/src/clock/sync';
import type { AppSocket } from './socket';

/** Why: phones with wrong clocks must reveal together; the offset is re-measured at every (re)connect. */
export function useServerClock(socket: AppSocket) {
  /** server time = Date.now() + offsetMs */
  const offsetMs = ref(0);
  const synced = ref(false);
  let running: Promise<void> | null = null;

  async function sync(): Promise<void> {
    if (running) return running;
    running = (async () => {
      try {
        const est = await syncClock({
          samples: 5,
          ping: async () => {
            const ack = await socket.timeout(5000).emitWithAck('clock:ping', {});
            if (!ack.ok) throw new Error(ack.code);
            return ack.data;
          },
        });
        offsetMs.value = est.offsetMs;
        synced.value = true;
      } catch {
        // keep the last estimate; the next connect tries again
      } finally {
        running = null;
      }
    })();
    return running;
  }

  return { offsetMs, synced, sync, serverNow: () => Date.now() + offsetMs.value };
}
