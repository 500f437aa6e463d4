// Wire shapes of the trust features: the frozen entry list of a closed round and the audit chain head,
// a zod schema each with the type inferred from it.
import { z } from 'zod';

/**
 * An event's audit chain head: the seq and hash of its last record at some moment (a draw, a backup).
 * Kept outside the database (in a proof, a backup, a screenshot), it reveals records cut off the end.
 */
export const auditHeadDtoSchema = z.object({
  seq: z.number(),
  /** 64 lowercase hex digits (a head typed from a screenshot may be a prefix of at least 8). */
  hash: z.string(),
});
/** Inferred from auditHeadDtoSchema. */
export type AuditHeadDto = z.infer<typeof auditHeadDtoSchema>;

/** `round:entriesClosed`: the frozen list's size and digest, published before any public entropy. */
export const roundEntriesClosedDtoSchema = z.object({
  eventId: z.string(),
  roundId: z.string(),
  prizeId: z.string(),
  commitment: z.string(),
  /** Entries in the frozen list (the draw uses exactly these). */
  entryCount: z.number(),
  /** drawcast-v1 entriesDigest of the frozen list: the proof's entriesDigest will be this value. */
  entriesDigest: z.string(),
  entriesClosedAt: z.number(),
  /** Public route with the frozen list, so a phone can check its own entry before the draw. */
  entriesUrl: z.string(),
});
/** Inferred from roundEntriesClosedDtoSchema. */
export type RoundEntriesClosedDto = z.infer<typeof roundEntriesClosedDtoSchema>;

/** `GET /api/rounds/:roundId/entries`: the frozen list of a closed round (opaque ids, tickets). */
export const frozenEntriesDtoSchema = z.object({
  algorithm: z.literal('drawcast-v1'),
  roundId: z.string(),
  commitment: z.string(),
  entriesClosedAt: z.number(),
  entryCount: z.number(),
  entriesDigest: z.string(),
  /** In drawcast-v1 canonical order (UTF-8 bytes of the id), exactly as the proof will list them. */
  entries: z.array(z.object({ id: z.string(), weight: z.number() })),
});
/** Inferred from frozenEntriesDtoSchema. */
export type FrozenEntriesDto = z.infer<typeof frozenEntriesDtoSchema>;
