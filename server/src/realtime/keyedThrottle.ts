// Trailing-edge throttle per key: the audience-count broadcast runs at most once per interval per event,
// and always after the latest change, so the last phone to come or go is never left out of one.

/** Injectable timers so the throttle is testable with fake time. */
export interface ThrottleTimers {
  now(): number;
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

/** Wall-clock timers (tests pass fake ones). */
export const realTimers: ThrottleTimers = {
  now: () => performance.now(),
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
};

/** Why: phones coming and going by the hundred must become ~4 count updates a second, not one each. */
export class KeyedThrottle {
  private readonly pending = new Map<string, unknown>();
  private readonly lastRun = new Map<string, number>();

  /** `intervalMs` may depend on the key (e.g. on how many listeners an event has); read at each notify. */
  constructor(
    private readonly intervalMs: number | ((key: string) => number),
    private readonly run: (key: string) => void,
    private readonly timers: ThrottleTimers = realTimers,
  ) {}

  /** Marks `key` as changed; the run happens once the interval since the previous run has passed. */
  notify(key: string): void {
    if (this.pending.has(key)) return;
    const last = this.lastRun.get(key);
    const interval = typeof this.intervalMs === 'function' ? this.intervalMs(key) : this.intervalMs;
    const wait = last === undefined ? 0 : Math.max(0, last + interval - this.timers.now());
    const handle = this.timers.setTimeout(() => {
      this.pending.delete(key);
      this.lastRun.set(key, this.timers.now());
      this.run(key);
    }, wait);
    this.pending.set(key, handle);
  }

  /** Drops pending runs (shutdown). */
  close(): void {
    for (const handle of this.pending.values()) this.timers.clearTimeout(handle);
    this.pending.clear();
  }
}
