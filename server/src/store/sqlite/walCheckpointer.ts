// Runs SQLite checkpoints on a worker thread (walCheckpointWorker.mjs) once a store writes enough to
// need them, so copying the WAL into the database file never blocks the event loop.
import { Worker } from 'node:worker_threads';

/** WAL size from which a store starts its checkpoint thread (a store that writes little never needs one). */
export const CHECKPOINT_THREAD_FROM_BYTES = 2 * 1024 * 1024;

/**
 * Pages the server's own connection lets the WAL reach before checkpointing itself (SQLite's default is
 * 1,000): a safety net should the thread fall behind, or before it starts.
 */
export const FALLBACK_AUTOCHECKPOINT_PAGES = 20_000;

/** A running checkpoint thread. */
export interface WalCheckpointer {
  /** Stops the thread after its current checkpoint; resolves once its connection is closed. */
  stop(): Promise<void>;
}

/** Starts the thread; `onError` hears about failed checkpoints (the next one retries). */
export function startWalCheckpointer(
  file: string,
  options: { intervalMs?: number; onError?: (message: string) => void } = {},
): WalCheckpointer {
  const worker = new Worker(new URL('./walCheckpointWorker.mjs', import.meta.url), {
    workerData: { file, intervalMs: options.intervalMs ?? 100 },
    execArgv: [],
  });
  worker.unref();
  const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
  worker.on('message', (msg: { type: string; message?: string }) => {
    if (msg.type === 'error') options.onError?.(msg.message ?? 'checkpoint failed');
  });
  worker.on('error', (err) => options.onError?.(err.message));
  return {
    async stop() {
      const stopped = new Promise<void>((resolve) =>
        worker.on('message', (msg: { type: string }) => msg.type === 'stopped' && resolve()),
      );
      worker.postMessage({ type: 'stop' });
      await Promise.race([stopped, exited]);
      await worker.terminate();
    },
  };
}
