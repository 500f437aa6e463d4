// Who may win a round: event entries minus earlier winners (if the round says so), minus people not
// checked in (for check-in-only rounds), minus its blocklist.
import type { Entry } from '@drawcast/shared';

/** Removes blocklisted ids from the entries the store returned (which already honour the other filters). */
export function filterEligible(entries: readonly Entry[], blocklist: readonly string[]): Entry[] {
  if (blocklist.length === 0) return [...entries];
  const blocked = new Set(blocklist);
  return entries.filter((entry) => !blocked.has(entry.id));
}

/** The filters the store applies itself (by index and counters), before the blocklist. */
export interface EntryFilter {
  excludeWinners: boolean;
  /** Only participants with a check-in time. */
  checkedInOnly?: boolean;
}

/** The store-side filters of a round. */
export function entryFilterOf(round: {
  excludePreviousWinners: boolean;
  checkedInOnly: boolean;
}): EntryFilter {
  return { excludeWinners: round.excludePreviousWinners, checkedInOnly: round.checkedInOnly };
}

/** A blocklisted participant as far as counting goes. */
export interface BlockedEntry {
  weight: number;
  hasWon: boolean;
  checkedInAt?: number | null;
}

/** Whether the store's filters let this participant in (so the counters include it). */
export function passesFilter(
  p: { hasWon: boolean; checkedInAt?: number | null },
  filter: EntryFilter,
): boolean {
  if (filter.excludeWinners && p.hasWon) return false;
  return !(filter.checkedInOnly === true && (p.checkedInAt ?? null) === null);
}

/**
 * Eligible entries per weight class without listing 50,000 entries: the store's per-weight counts
 * (already filtered) minus the blocklisted participants that those counts include.
 */
export function eligibleCounts(
  counts: Readonly<Record<number, number>>,
  blocked: readonly BlockedEntry[],
  filter: EntryFilter,
): { counts: Record<number, number>; total: number } {
  const result: Record<number, number> = { ...counts };
  for (const entry of blocked) {
    if (!passesFilter(entry, filter)) continue; // not counted in the first place
    const left = (result[entry.weight] ?? 0) - 1;
    if (left > 0) result[entry.weight] = left;
    else delete result[entry.weight];
  }
  let total = 0;
  for (const [weight, count] of Object.entries(result)) {
    if (count > 0) total += count;
    else delete result[Number(weight)];
  }
  return { counts: result, total };
}

/** Whether one participant may win the round, for its personal odds. */
export function isEligible(
  participant: { id: string; hasWon: boolean; checkedInAt?: number | null },
  round: { excludePreviousWinners: boolean; checkedInOnly?: boolean; blocklist: readonly string[] },
): boolean {
  const filter = {
    excludeWinners: round.excludePreviousWinners,
    checkedInOnly: round.checkedInOnly ?? false,
  };
  if (!passesFilter(participant, filter)) return false;
  return !round.blocklist.includes(participant.id);
}
