// Per-key serialisation inside one process: draws of one event run one after another.

/** Runs tasks with the same key one at a time, in arrival order; different keys run concurrently. */
export class KeyedMutex {
  private readonly tails = new Map<string, Promise<unknown>>();

  /** Queues `task` behind earlier tasks of `key`; its result or error is passed through. */
  run<T>(key: string, task: () => Promise<T>): Promise<T> {
    const previous = this.tails.get(key) ?? Promise.resolve();
    const result = previous.then(task, task);
    const tail = result.then(
      () => undefined,
      () => undefined,
    );
    this.tails.set(key, tail);
    void tail.then(() => {
      if (this.tails.get(key) === tail) this.tails.delete(key);
    });
    return result;
  }

  /** Keys with queued or running tasks (for tests: the map must not grow without bound). */
  get activeKeys(): number {
    return this.tails.size;
  }
}
