// Before the draw: fetch a closed round's published entry list and check, with shared's digest code
// (loaded only now, in its own chunk), that it matches the announced digest and holds this phone's entry.
import type { FrozenCheck } from './entry';

/** Why: a phone should not have to trust the server that it is in the draw; it recomputes the digest. */
export async function checkMyEntryInFrozenList(
  roundId: string,
  expectedDigest: string,
  entryId: string,
): Promise<FrozenCheck['status']> {
  try {
    const res = await fetch(`/api/rounds/${encodeURIComponent(roundId)}/entries`);
    if (!res.ok) return 'failed';
    const list: unknown = await res.json();
    const { checkFrozenEntries } = await import('../../../../shared/src/fairness/frozenEntries');
    const check = checkFrozenEntries(list, { expectedDigest, entryId });
    if (!check.ok) return 'failed';
    return check.mine ? 'in' : 'out';
  } catch {
    return 'failed';
  }
}
