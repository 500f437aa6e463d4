// Runs a few clock:ping exchanges over any emitWithAck-like function and estimates the offset.
import { estimateOffset } from './offset';
import type { ClockEstimate, ClockSample } from './offset';

/** What the server acks to clock:ping: its time when it handled the ping. */
export interface ClockPong {
  serverTime: number;
}

/** Transport-agnostic ping, so the helper works with socket.io, a test double, or a worker. */
export type ClockPing = () => Promise<ClockPong>;

/** Options for syncClock; `now` is injectable so tests can give a client a skewed clock. */
export interface SyncClockOptions {
  ping: ClockPing;
  now?: () => number;
  samples?: number;
  best?: number;
}

/** Why it exists: phones with wrong clocks must still reveal together, so each measures its offset. */
export async function syncClock(
  options: SyncClockOptions,
): Promise<ClockEstimate & { samples: ClockSample[] }> {
  const now = options.now ?? (() => Date.now());
  const count = Math.max(1, Math.floor(options.samples ?? 5));
  const samples: ClockSample[] = [];
  for (let i = 0; i < count; i++) {
    const t0 = now();
    const pong = await options.ping();
    const t3 = now();
    samples.push({ t0, t1: pong.serverTime, t2: pong.serverTime, t3 });
  }
  return { ...estimateOffset(samples, options.best ?? 3), samples };
}
