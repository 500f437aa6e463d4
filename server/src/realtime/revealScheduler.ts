// Holds the audience's result back until the animation lead before the phones' reveal instant.

export { audienceReleaseAt } from '../commands/revealTiming';

/** Why: timers keyed by round, so a double draw or a restart's re-arm never sends a result twice. */
export class RevealScheduler {
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly done = new Set<string>();
  private closed = false;

  constructor(private readonly now: () => number) {}

  /** Runs `fn` at server time `at` (at once if past); a key already scheduled or run is ignored. */
  schedule(key: string, at: number, fn: () => void): void {
    if (this.closed || this.timers.has(key) || this.done.has(key)) return;
    const delay = Math.max(0, at - this.now());
    const timer = setTimeout(() => {
      this.timers.delete(key);
      this.done.add(key);
      fn();
    }, delay);
    this.timers.set(key, timer);
  }

  /** True once the key's function has run; reconnecting phones use it to know what was sent. */
  hasRun(key: string): boolean {
    return this.done.has(key);
  }

  /** Number of reveals still waiting, for logs and tests. */
  get pendingCount(): number {
    return this.timers.size;
  }

  /** Cancels every pending timer (shutdown); a restart re-arms them from the store. */
  close(): void {
    this.closed = true;
    for (const t of this.timers.values()) clearTimeout(t);
    this.timers.clear();
  }
}
