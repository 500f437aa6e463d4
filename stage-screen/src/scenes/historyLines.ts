// The winners-history panel's text, pure: newest round first, at most three names each, forfeits labelled.
import { clip } from './scene';

/** One finished round in the panel; `ids` (parallel to `names`) lets a forfeit find its winner. */
export interface HistoryEntry {
  roundId: string;
  prizeName: string;
  names: string[];
  ids?: string[];
}

/** The key under which a forfeited winner of a round is remembered. */
export const forfeitKey = (roundId: string, participantId: string): string => `${roundId}:${participantId}`;

/** Why: a forfeited winner no longer holds the prize; the room sees "✕ name (forfeited)", not a winner. */
export function historyLines(
  entries: readonly HistoryEntry[],
  forfeited: ReadonlySet<string>,
  forfeitedLabel: string,
): string[] {
  const lines: string[] = [];
  for (const e of entries) {
    lines.push(`★ ${clip(e.prizeName, 18)}`);
    e.names.slice(0, 3).forEach((n, i) => {
      const id = e.ids?.[i];
      const gone = id !== undefined && forfeited.has(forfeitKey(e.roundId, id));
      lines.push(gone ? `   ✕ ${clip(n, 12)} (${forfeitedLabel})` : `   ${clip(n, 16)}`);
    });
    if (e.names.length > 3) lines.push(`   +${e.names.length - 3}`);
  }
  return lines;
}
