// The audit head as people pass it around: `seq:hash`, in full from a proof or backup, short from a screen.
import { z } from 'zod';
import type { AuditHeadDto } from './trustDto';

/** Shortest hash prefix accepted from a screenshot (32 bits: a quick check, the full hash is the proof). */
export const MIN_HEAD_HASH_CHARS = 8;

/** A full head, as proofs and backups carry it. */
export const auditHeadSchema = z.strictObject({
  seq: z.number().int().min(1),
  hash: z.string().regex(/^[0-9a-f]{64}$/, 'must be 64 lowercase hex digits'),
});

const HEAD_TEXT = new RegExp(`^([1-9][0-9]{0,15}):([0-9a-f]{${MIN_HEAD_HASH_CHARS},64})$`);

/**
 * Reads `seq:hash` (hash in full or a prefix of at least 8 hex digits, any case); null when it is not one.
 * Why: the CLI, the verify route and a phone all accept the same spelling.
 */
export function parseAuditHead(text: unknown): AuditHeadDto | null {
  if (typeof text !== 'string') return null;
  const match = HEAD_TEXT.exec(text.trim().toLowerCase());
  if (!match) return null;
  const seq = Number(match[1]);
  return Number.isSafeInteger(seq) ? { seq, hash: match[2] as string } : null;
}

/** `seq:hash`, or the short form a stage shows (`seq:` and the first 8 hex digits). */
export function formatAuditHead(head: AuditHeadDto, short = false): string {
  return `${head.seq}:${short ? head.hash.slice(0, MIN_HEAD_HASH_CHARS) : head.hash}`;
}
