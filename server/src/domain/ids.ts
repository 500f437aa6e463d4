// Opaque ids for events, prizes, rounds, participants and imports.

/** Random bytes per id: 96 bits, so ids cannot be guessed or collide in practice. */
export const ID_BYTES = 12;

/** What an id names; claim ids ("clm") are derived, not random (see claimIdOf). */
export type IdPrefix = 'evt' | 'prz' | 'rnd' | 'p' | 'imp';

/**
 * URL-safe id (base64url, no ':' or newline, so it is a valid drawcast-v1 entry id and a URL path segment);
 * the prefix tells ids apart in logs.
 */
export function makeId(prefix: IdPrefix, bytes: Uint8Array): string {
  if (bytes.length < ID_BYTES) throw new RangeError(`an id needs ${ID_BYTES} random bytes`);
  return `${prefix}_${Buffer.from(bytes.subarray(0, ID_BYTES)).toString('base64url')}`;
}

/** Shape check for ids coming from outside, so a bad id gets NOT_FOUND without touching the store with junk. */
export function looksLikeId(value: unknown): value is string {
  return typeof value === 'string' && /^[a-z]{1,3}_[A-Za-z0-9_-]{16}$/.test(value);
}
