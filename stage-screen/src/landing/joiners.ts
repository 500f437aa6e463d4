// New joiners flowing into the lobby: a rush must not flood the screen, so names are let through at
// most `perSecond` a second and the queue keeps only the newest.

/** Why: 5,000 phones joining in a minute would otherwise bury the lobby in names. */
export class JoinerFeed {
  private queue: string[] = [];
  private windowStart = -Infinity;
  private shownInWindow = 0;

  constructor(
    private readonly perSecond: number,
    private readonly maxQueue = 50,
  ) {}

  /** Queues new nicknames (oldest first); older ones fall out when the queue is full. */
  push(names: readonly string[]): void {
    this.queue.push(...names);
    if (this.queue.length > this.maxQueue) this.queue.splice(0, this.queue.length - this.maxQueue);
  }

  /** Names to show now (at most perSecond in any one-second window). */
  take(now: number): string[] {
    if (now - this.windowStart >= 1000) {
      this.windowStart = now;
      this.shownInWindow = 0;
    }
    const n = Math.min(this.queue.length, this.perSecond - this.shownInWindow);
    if (n <= 0) return [];
    this.shownInWindow += n;
    return this.queue.splice(0, n);
  }

  /** Names still waiting. */
  get pending(): number {
    return this.queue.length;
  }
}

/** The commitment's short form shown on screen: first and last 8 hex digits. */
export function shortHash(hex: string): string {
  return hex.length <= 20 ? hex : `${hex.slice(0, 8)}…${hex.slice(-8)}`;
}
