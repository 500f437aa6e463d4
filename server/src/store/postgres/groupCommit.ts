// Group commit for PostgreSQL: joins arriving while a batch commits share the next transaction, so the
// commit (and its WAL flush) is paid per batch, not per phone; each is acknowledged only after COMMIT.
import type pg from 'pg';
import { inTransaction, isUnavailable, unavailableError, type Queryable } from './db';

/** A queue of items applied in submission order, one transaction per batch. */
export interface PgGroupCommit<I, O> {
  submit(item: I): Promise<O>;
  /** Resolves once everything submitted so far has committed (or failed). */
  drain(): Promise<void>;
}

interface Pending<I, O> {
  item: I;
  resolve: (value: O) => void;
  reject: (error: unknown) => void;
}

/**
 * Builds the queue. A batch locks what `locks` names (sorted, so batches on several nodes never deadlock),
 * then `applyBatch` decides its items in order (set-based: a few statements per batch); if the batch fails, each item is retried alone so one bad item cannot
 * fail the others. If the database is unreachable every item of the batch is refused at once, typed.
 */
export function createPgGroupCommit<I, O>(
  pool: pg.Pool,
  applyBatch: (tx: Queryable, items: I[]) => Promise<O[]>,
  /** SQL taking the batch's locks (sent with BEGIN). */
  locks: (escapeLiteral: (text: string) => string, items: I[]) => string,
  maxBatch = 200,
): PgGroupCommit<I, O> {
  let queue: Pending<I, O>[] = [];
  let running: Promise<void> | null = null;

  async function runBatch(batch: Pending<I, O>[]): Promise<void> {
    const items = batch.map((p) => p.item);
    try {
      const results = await inTransaction(
        pool,
        (tx) => applyBatch(tx, items),
        (escape) => locks(escape, items),
      );
      batch.forEach((p, i) => p.resolve(results[i] as O));
      return;
    } catch (err) {
      if (isUnavailable(err) || (err as { code?: unknown }).code === 'STORE_UNAVAILABLE') {
        const typed = unavailableError();
        for (const p of batch) p.reject(typed);
        return;
      }
      if (batch.length === 1) {
        batch[0]?.reject(err);
        return;
      }
    }
    for (const p of batch) {
      try {
        p.resolve(
          await inTransaction(
            pool,
            async (tx) => (await applyBatch(tx, [p.item]))[0] as O,
            (escape) => locks(escape, [p.item]),
          ),
        );
      } catch (error) {
        p.reject(error);
      }
    }
  }

  function pump(): void {
    if (running || queue.length === 0) return;
    const batch = queue.slice(0, maxBatch);
    queue = queue.slice(batch.length);
    running = runBatch(batch).finally(() => {
      running = null;
      pump();
    });
  }

  return {
    submit(item) {
      return new Promise<O>((resolve, reject) => {
        queue.push({ item, resolve, reject });
        // Items of this event-loop turn join the batch; later ones wait for the running commit.
        if (!running && queue.length === 1) setImmediate(pump);
      });
    },
    async drain() {
      while (running || queue.length > 0) await (running ?? new Promise((r) => setImmediate(r)));
    },
  };
}
