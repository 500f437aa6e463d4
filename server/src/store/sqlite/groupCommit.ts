// Group commit: many small writes that arrive in the same event-loop turn (or during one fsync) share one
// transaction and one fsync.
import type Database from 'better-sqlite3';

/** A queue that applies `apply` to every submitted item in one transaction per event-loop turn (or fsync). */
export interface GroupCommit<I, O> {
  /** Resolves only after the transaction holding this item has committed (and, with synchronous=FULL, synced). */
  submit(item: I): Promise<O>;
  /** Commits whatever is queued right now (used before close). */
  flush(): void;
}

interface Pending<I, O> {
  item: I;
  resolve: (value: O) => void;
  reject: (error: unknown) => void;
}

/**
 * Builds a group-commit queue. Items are applied in submission order inside one transaction, so each
 * sees the ones before it (a duplicate join in the same batch finds the first). If the batch fails, each
 * item is retried in its own transaction so one bad item cannot fail the others. Items arriving while
 * the previous commit is still being fsynced wait for that fsync and then share one transaction, so
 * under load a batch is as large as one disk flush is long.
 */
export function createGroupCommit<I, O>(
  db: Database.Database,
  apply: (item: I) => O,
  /** While this returns a promise (an fsync is running), items keep queueing and commit after it. */
  busy: () => Promise<void> | null = () => null,
): GroupCommit<I, O> {
  let queue: Pending<I, O>[] = [];
  let scheduled = false;
  const applyAll = db.transaction((batch: Pending<I, O>[]) => batch.map((p) => apply(p.item)));
  const applyOne = db.transaction((item: I) => apply(item));

  function flush(): void {
    scheduled = false;
    const batch = queue;
    queue = [];
    if (batch.length === 0) return;
    let results: O[] | null = null;
    try {
      results = applyAll(batch);
    } catch {
      results = null;
    }
    if (results) {
      batch.forEach((p, i) => p.resolve(results[i] as O));
      return;
    }
    for (const p of batch) {
      try {
        p.resolve(applyOne(p.item));
      } catch (error) {
        p.reject(error);
      }
    }
  }

  return {
    submit(item) {
      return new Promise<O>((resolve, reject) => {
        queue.push({ item, resolve, reject });
        if (!scheduled) {
          scheduled = true;
          const running = busy();
          if (running) void running.then(() => setImmediate(flush));
          else setImmediate(flush);
        }
      });
    },
    flush,
  };
}
