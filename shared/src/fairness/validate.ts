// Input validation for drawcast-v1: one pass over the entries that also yields their canonical order.
import { sortAsciiIndices } from './asciiRadixSort';
import { DrawErrorCode, DrawInputError } from './errors';
import type { Entry } from './types';

/** Largest weight the spec allows; also keeps every total far below 2^48. */
export const MAX_WEIGHT = 1000;

// In `u` mode this class matches only unpaired surrogates, which UTF-8 cannot encode faithfully.
const LONE_SURROGATE = /[\uD800-\uDFFF]/u;
const SEED_HEX = /^[0-9a-f]{64}$/;

/** Lets the draw accept only strings that have exactly one UTF-8 encoding (no lone surrogates). */
export function isWellFormedText(value: string): boolean {
  return !LONE_SURROGATE.test(value);
}

/** Rejects anything but the spec's seed spelling: 64 lowercase hex characters (32 bytes). */
export function assertSeed(value: unknown, field = 'serverSeed'): asserts value is string {
  if (typeof value !== 'string' || !SEED_HEX.test(value)) {
    throw new DrawInputError(
      DrawErrorCode.INVALID_SEED,
      field,
      `${field} must be exactly 64 lowercase hex characters (32 bytes)`,
    );
  }
}

/** The round id goes into every HMAC message, so it must be a real, well-formed string. */
export function assertRoundId(value: unknown): asserts value is string {
  if (typeof value !== 'string' || value.length === 0 || !isWellFormedText(value)) {
    throw new DrawInputError(
      DrawErrorCode.INVALID_ROUND_ID,
      'roundId',
      'roundId must be a non-empty string without unpaired surrogates',
    );
  }
}

/** Public entropy may be empty (the host supplied none) but must be a well-formed string. */
export function assertEntropy(value: unknown): asserts value is string {
  if (typeof value !== 'string' || !isWellFormedText(value)) {
    throw new DrawInputError(
      DrawErrorCode.INVALID_ENTROPY,
      'publicEntropy',
      'publicEntropy must be a string (possibly empty) without unpaired surrogates',
    );
  }
}

/** Spec bound on k: at least one winner and never more winners than entries. */
export function assertK(value: unknown, entryCount: number): asserts value is number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > entryCount) {
    throw new DrawInputError(
      DrawErrorCode.INVALID_K,
      'k',
      `k must be an integer from 1 to the number of entries (${entryCount})`,
    );
  }
}

/** Shared weight rule for entries and odds classes, so both reject the same values. */
export function isValidWeight(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= MAX_WEIGHT;
}

/** Entries after validation, in canonical order, plus whether the fast ASCII paths apply. */
export interface PreparedEntries {
  canonical: Entry[];
  allAscii: boolean;
}

// Returns 0 for a valid pure-ASCII id, 1 for a valid id with non-ASCII text, -1 when invalid.
function classifyId(id: string): number {
  if (id.length === 0) return -1;
  let nonAscii = 0;
  for (let i = 0; i < id.length; i++) {
    const c = id.charCodeAt(i);
    if (c < 0x80) {
      if (c === 0x3a || c === 0x0a) return -1;
      continue;
    }
    nonAscii = 1;
    if (c >= 0xd800 && c <= 0xdbff) {
      const next = i + 1 < id.length ? id.charCodeAt(i + 1) : 0;
      if (next < 0xdc00 || next > 0xdfff) return -1;
      i++;
    } else if (c >= 0xdc00 && c <= 0xdfff) {
      return -1;
    }
  }
  return nonAscii;
}

// Maps a UTF-16 code unit so that comparing mapped units orders well-formed strings by code point,
// which is the same as ordering by UTF-8 bytes: surrogates (code points above U+FFFF) go last.
function codePointRank(unit: number): number {
  if (unit < 0xd800) return unit;
  return unit < 0xe000 ? unit + 0x2000 : unit - 0x800;
}

/** Orders ids by their UTF-8 bytes without encoding them (JS `<` compares UTF-16 units instead). */
export function compareUtf8(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x !== y) return codePointRank(x) - codePointRank(y);
  }
  return a.length - b.length;
}

// For pure-ASCII ids UTF-16 order already is byte order, and the built-in comparison is faster.
function compareAscii(a: Entry, b: Entry): number {
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

function compareEntriesUtf8(a: Entry, b: Entry): number {
  return compareUtf8(a.id, b.id);
}

/** Validates every entry and returns them in canonical order; duplicates surface as neighbours. */
export function prepareEntries(entries: unknown): PreparedEntries {
  if (!Array.isArray(entries)) {
    throw new DrawInputError(DrawErrorCode.INVALID_ID, 'entries', 'entries must be an array of {id, weight}');
  }
  let allAscii = true;
  // Collected in the validation pass: at 10^6 entries every extra pass over the objects costs.
  const ids = new Array<string>(entries.length);
  for (let i = 0; i < entries.length; i++) {
    const entry: unknown = entries[i];
    if (typeof entry !== 'object' || entry === null) {
      throw new DrawInputError(
        DrawErrorCode.INVALID_ID,
        `entries[${i}]`,
        `entries[${i}] must be an {id, weight} object`,
      );
    }
    const { id, weight } = entry as { id?: unknown; weight?: unknown };
    const kind = typeof id === 'string' ? classifyId(id) : -1;
    if (kind < 0) {
      throw new DrawInputError(
        DrawErrorCode.INVALID_ID,
        `entries[${i}].id`,
        `entries[${i}].id must be a non-empty string without ':', newline or unpaired surrogates`,
      );
    }
    if (kind === 1) allAscii = false;
    ids[i] = id as string;
    if (!isValidWeight(weight)) {
      throw new DrawInputError(
        DrawErrorCode.INVALID_WEIGHT,
        `entries[${i}].weight`,
        `entries[${i}].weight must be an integer from 1 to ${MAX_WEIGHT}`,
      );
    }
  }
  const list = entries as Entry[];
  const compare = allAscii ? compareAscii : compareEntriesUtf8;
  const canonical = isSorted(list, compare)
    ? list.slice()
    : allAscii
      ? radixSorted(list, ids)
      : list.slice().sort(compare);
  for (let i = 1; i < canonical.length; i++) {
    if (canonical[i - 1].id === canonical[i].id) {
      const duplicate = canonical[i].id;
      const first = list.findIndex((e) => e.id === duplicate);
      const index = list.findIndex((e, j) => j > first && e.id === duplicate);
      throw new DrawInputError(
        DrawErrorCode.DUPLICATE_ID,
        `entries[${index}].id`,
        `entries[${index}].id duplicates an earlier entry id`,
      );
    }
  }
  return { canonical, allAscii };
}

// Pure-ASCII ids (the usual opaque ids) are radix sorted: seconds faster than a string comparison sort at 10^6.
function radixSorted(list: readonly Entry[], ids: readonly string[]): Entry[] {
  const order = sortAsciiIndices(ids);
  const sorted = new Array<Entry>(list.length);
  for (let i = 0; i < order.length; i++) sorted[i] = list[order[i]];
  return sorted;
}

function isSorted(list: readonly Entry[], compare: (a: Entry, b: Entry) => number): boolean {
  for (let i = 1; i < list.length; i++) {
    if (compare(list[i - 1], list[i]) >= 0) return false;
  }
  return true;
}
