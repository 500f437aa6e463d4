// Wire shapes of the trust features: the frozen entry list of a closed round and the audit chain head.
import type { Entry } from '../fairness/types';

/**
 * An event's audit chain head: the seq and hash of its last record at some moment (a draw, a backup).
 * Kept outside the database (in a proof, a backup, a screenshot), it reveals records cut off the end.
 */
export interface AuditHeadDto {
  seq: number;
  /** 64 lowercase hex digits (a head typed from a screenshot may be a prefix of at least 8). */
  hash: string;
}

/** `round:entriesClosed`: the frozen list's size and digest, published before any public entropy. */
export interface RoundEntriesClosedDto {
  eventId: string;
  roundId: string;
  prizeId: string;
  commitment: string;
  /** Entries in the frozen list (the draw uses exactly these). */
  entryCount: number;
  /** drawcast-v1 entriesDigest of the frozen list: the proof's entriesDigest will be this value. */
  entriesDigest: string;
  entriesClosedAt: number;
  /** Public route with the frozen list, so a phone can check its own entry before the draw. */
  entriesUrl: string;
}

/** `GET /api/rounds/:roundId/entries`: the frozen list of a closed round (opaque ids, tickets). */
export interface FrozenEntriesDto {
  algorithm: 'drawcast-v1';
  roundId: string;
  commitment: string;
  entriesClosedAt: number;
  entryCount: number;
  entriesDigest: string;
  /** In drawcast-v1 canonical order (UTF-8 bytes of the id), exactly as the proof will list them. */
  entries: Entry[];
}
