// Who may win a round: event entries minus earlier winners (if the round says so) minus its blocklist.
import type { Entry } from '@drawcast/shared';

/** Removes blocklisted ids from the entries the store returned (which already honour the winner exclusion). */
export function filterEligible(entries: readonly Entry[], blocklist: readonly string[]): Entry[] {
  if (blocklist.length === 0) return [...entries];
  const blocked = new Set(blocklist);
  return entries.filter((entry) => !blocked.has(entry.id));
}

/** A blocklisted participant as far as counting goes. */
export interface BlockedEntry {
  weight: number;
  hasWon: boolean;
}

/**
 * Eligible entries per weight class without listing 50,000 entries: the store's per-weight counts
 * minus the blocklisted participants that those counts include.
 */
export function eligibleCounts(
  counts: Readonly<Record<number, number>>,
  blocked: readonly BlockedEntry[],
  excludeWinners: boolean,
): { counts: Record<number, number>; total: number } {
  const result: Record<number, number> = { ...counts };
  for (const entry of blocked) {
    if (excludeWinners && entry.hasWon) continue; // not counted in the first place
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
  participant: { id: string; hasWon: boolean },
  round: { excludePreviousWinners: boolean; blocklist: readonly string[] },
): boolean {
  if (round.excludePreviousWinners && participant.hasWon) return false;
  return !round.blocklist.includes(participant.id);
}
