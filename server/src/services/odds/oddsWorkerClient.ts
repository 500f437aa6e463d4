// One long-lived, lazily started worker thread for expensive exact odds, so joins never wait seconds.
import { Worker } from 'node:worker_threads';
import type { OddsRecord } from './oddsCost';

/** A question sent to the worker (shared with oddsWorker.ts so both sides agree on the shape). */
export interface OddsRequest {
  id: number;
  counts: Record<number, number>;
  k: number;
}

/** The worker's answer: the odds, or the message of the error `oddsByWeight` threw. */
export type OddsReply = { id: number; odds: OddsRecord } | { id: number; error: string };

interface Waiter {
  resolve(odds: OddsRecord): void;
  reject(error: Error): void;
}

/**
 * Runs `oddsByWeight` in a worker thread. The thread is started on first use, `unref()`ed so it never keeps
 * the process alive, restarted after a crash, and stopped by close().
 */
export class OddsWorkerClient {
  private worker: Worker | null = null;
  private nextId = 0;
  private readonly waiting = new Map<number, Waiter>();

  /** Exact odds, computed in the worker thread. */
  compute(counts: Readonly<Record<number, number>>, k: number): Promise<OddsRecord> {
    const worker = this.worker ?? this.start();
    const id = ++this.nextId;
    return new Promise<OddsRecord>((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      const request: OddsRequest = { id, counts: { ...counts }, k };
      worker.postMessage(request);
    });
  }

  /** Stops the thread; computations still running are rejected. */
  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = null;
    if (worker) await worker.terminate();
    this.failAll(new Error('odds worker closed'));
  }

  private start(): Worker {
    // The bootstrap registers tsx inside the thread; the parent's own flags are not passed on.
    const worker = new Worker(new URL('./oddsWorkerBootstrap.mjs', import.meta.url), { execArgv: [] });
    worker.unref();
    worker.on('message', (reply: OddsReply) => {
      const waiter = this.waiting.get(reply.id);
      if (!waiter) return;
      this.waiting.delete(reply.id);
      if ('odds' in reply) waiter.resolve(reply.odds);
      else waiter.reject(new Error(reply.error));
    });
    // A crash fails only this thread's computations; a later compute() starts a fresh thread.
    const crashed = (error: Error) => {
      if (this.worker !== worker) return;
      this.worker = null;
      this.failAll(error);
    };
    worker.on('error', crashed);
    worker.on('exit', (code) => crashed(new Error(`odds worker exited with code ${code}`)));
    this.worker = worker;
    return worker;
  }

  private failAll(error: Error): void {
    const waiters = [...this.waiting.values()];
    this.waiting.clear();
    for (const waiter of waiters) waiter.reject(error);
  }
}
