// Which odds ticks a node must act on: pure, so the rule that keeps odds exact and messages few is tested.

/**
 * Why: a node hears each tick twice (NOTIFY and poll) and hears its own; it must rebroadcast to its
 * phones once for every change made elsewhere, and never for its own alone (the hub already sent those).
 */
export class OddsTickFilter {
  private readonly seen = new Map<string, number>();

  constructor(private readonly self: string) {}

  /** Records versions without acting on them (the ticks that existed when the node started). */
  prime(ticks: Iterable<{ eventId: string; version: number }>): void {
    for (const t of ticks) this.seen.set(t.eventId, Math.max(t.version, this.seen.get(t.eventId) ?? 0));
  }

  /**
   * True when this tick means "odds changed on another node": newer than any seen, and either bumped
   * elsewhere or skipping versions (someone else bumped in between, heard of only through this one).
   */
  shouldRefresh(tick: { eventId: string; version: number; origin: string }): boolean {
    const before = this.seen.get(tick.eventId);
    if (before !== undefined && tick.version <= before) return false;
    this.seen.set(tick.eventId, tick.version);
    if (tick.origin !== this.self) return true;
    // An event first heard of now started at version 1 (every event existing at start was primed).
    return tick.version > (before ?? 0) + 1;
  }
}
