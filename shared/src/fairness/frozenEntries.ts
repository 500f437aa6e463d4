// Checks a closed round's frozen entry list on any device: its digest, its count and one's own entry.
import { computeEntriesDigest } from './digest';
import type { Entry } from './types';

/** What a phone (or anyone) learns from a frozen list, without trusting the server's digest. */
export interface FrozenListCheck {
  /** True when the list is well-formed and hashes to the expected digest with the stated count. */
  ok: boolean;
  /** The digest recomputed from the entries themselves (null when the list is malformed). */
  entriesDigest: string | null;
  entryCount: number;
  /** The entry with `entryId`, when one was asked for and is in the list. */
  mine: Entry | null;
  message: string;
}

function listOf(document: unknown): { entries: unknown[]; digest: unknown; count: unknown } | null {
  if (typeof document !== 'object' || document === null) return null;
  const d = document as Record<string, unknown>;
  return Array.isArray(d.entries)
    ? { entries: d.entries, digest: d.entriesDigest, count: d.entryCount }
    : null;
}

/**
 * Recomputes the drawcast-v1 entriesDigest of a frozen list (`GET /api/rounds/:id/entries`) and compares
 * it with the one published at the close (`expectedDigest`, else the document's own); finds `entryId`.
 * Never throws, whatever it is given.
 */
export function checkFrozenEntries(
  document: unknown,
  options: { expectedDigest?: string; entryId?: string } = {},
): FrozenListCheck {
  const list = listOf(document);
  if (!list)
    return { ok: false, entriesDigest: null, entryCount: 0, mine: null, message: 'not an entry list' };
  let digest: string;
  try {
    digest = computeEntriesDigest(list.entries as Entry[]);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { ok: false, entriesDigest: null, entryCount: list.entries.length, mine: null, message };
  }
  const entries = list.entries as Entry[];
  const found = options.entryId === undefined ? undefined : entries.find((e) => e.id === options.entryId);
  const mine = found ? { id: found.id, weight: found.weight } : null;
  const expected = options.expectedDigest ?? list.digest;
  const base = { entriesDigest: digest, entryCount: entries.length, mine };
  if (digest !== expected) {
    return { ok: false, ...base, message: `the entries hash to ${digest}, not to ${String(expected)}` };
  }
  if (list.count !== undefined && list.count !== entries.length) {
    return {
      ok: false,
      ...base,
      message: `the list has ${entries.length} entries, not ${String(list.count)}`,
    };
  }
  const own =
    options.entryId === undefined
      ? ''
      : mine
        ? `; ${mine.id} is in it with ${mine.weight} ticket(s)`
        : `; ${options.entryId} is NOT in it`;
  return { ok: true, ...base, message: `${entries.length} entries hash to the published digest${own}` };
}
