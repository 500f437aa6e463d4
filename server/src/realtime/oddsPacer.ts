// Paces the odds broadcasts of every event against one message budget for the whole server: each
// broadcast is charged what it really sent, so a join rush into a big room cannot flood the sockets.
import type { ThrottleTimers } from './keyedThrottle';
import { realTimers } from './keyedThrottle';

/** Longest wait between two aggregate broadcasts of a busy event, however large its audience. */
export const MAX_ODDS_INTERVAL_MS = 5000;

/** How often broadcasts may go out. */
export interface OddsPacing {
  /** Shortest time between two broadcasts of one event (~4 a second). */
  oddsIntervalMs: number;
  /** Odds messages per second for the whole server, all events together. */
  oddsMessagesPerSecond: number;
}

/**
 * When the next broadcast of an event may run: not before its own interval has passed, nor before the
 * server's budget has paid for what was already sent; never later than MAX_ODDS_INTERVAL_MS after the
 * event's previous broadcast, or after its first waiting change if it never had one (a huge audience
 * elsewhere cannot starve it).
 */
export function nextBroadcastAt(
  now: number,
  lastRun: number | undefined,
  budgetFreeAt: number,
  pacing: OddsPacing,
  waitingSince: number = now,
): number {
  const earliest = Math.max(lastRun === undefined ? now : lastRun + pacing.oddsIntervalMs, budgetFreeAt);
  const latest = (lastRun ?? waitingSince) + MAX_ODDS_INTERVAL_MS;
  return Math.max(now, Math.min(earliest, latest));
}

/** Why: hundreds of joins a second must become a few broadcasts a second, within one message budget. */
export class OddsPacer {
  private readonly pending = new Map<string, unknown>();
  private readonly lastRun = new Map<string, number>();
  /** When each pending broadcast's first change came. */
  private readonly waitingSince = new Map<string, number>();
  private budgetFreeAt = 0;

  /** `run` broadcasts the event's aggregate and returns how many messages it sent. */
  constructor(
    private readonly pacing: OddsPacing,
    private readonly run: (key: string) => number,
    private readonly timers: ThrottleTimers = realTimers,
  ) {}

  /** Marks the event's aggregate as changed; a broadcast follows, always after the latest change. */
  notify(key: string): void {
    if (this.pending.has(key)) return;
    this.waitingSince.set(key, this.timers.now());
    this.arm(key);
  }

  private nextAt(key: string, now: number): number {
    const since = this.waitingSince.get(key) ?? now;
    return nextBroadcastAt(now, this.lastRun.get(key), this.budgetFreeAt, this.pacing, since);
  }

  private arm(key: string): void {
    const now = this.timers.now();
    const at = this.nextAt(key, now);
    this.pending.set(
      key,
      this.timers.setTimeout(() => this.fire(key), at - now),
    );
  }

  private fire(key: string): void {
    const now = this.timers.now();
    // Another event may have spent the budget since this one was armed: wait for it to refill.
    if (this.nextAt(key, now) > now) {
      this.arm(key);
      return;
    }
    this.pending.delete(key);
    this.waitingSince.delete(key);
    this.lastRun.set(key, now);
    const sent = this.run(key);
    const cost = (1000 * sent) / Math.max(1, this.pacing.oddsMessagesPerSecond);
    this.budgetFreeAt = Math.max(now, this.budgetFreeAt) + cost;
  }

  /** Drops pending broadcasts (shutdown). */
  close(): void {
    for (const handle of this.pending.values()) this.timers.clearTimeout(handle);
    this.pending.clear();
  }
}
