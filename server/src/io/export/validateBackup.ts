// Checks a backup before anything is restored: structure first, then every cross-reference, every
// commitment and entries digest, the winners (with an injected drawcast-v1 engine) and the audit chain.
import { createHash } from 'node:crypto';
import { DrawcastError, ErrorCode } from '@drawcast/shared';
import { verifyChain } from '../../domain/audit/auditChain';
import type { AuditRecord } from '../../domain/audit/auditChain';
import { BACKUP_FORMAT, BACKUP_VERSION, backupSchema } from './backupSchema';
import type { BackupDocument, BackupRound } from './backupSchema';

/** Recomputes a round's winners; restore passes the shared drawcast-v1 engine so proofs are re-derived. */
export type DrawWinners = (input: {
  roundId: string;
  serverSeed: string;
  publicEntropy: string;
  entries: ReadonlyArray<{ id: string; weight: number }>;
  k: number;
}) => string[];

function invalid(field: string, message: string): never {
  throw new DrawcastError(ErrorCode.INVALID_BACKUP, `${field} ${message}`, field);
}

function sha256Hex(data: Buffer | string): string {
  return createHash('sha256').update(data).digest('hex');
}

/** drawcast-v1 entriesDigest: SHA-256 of `${id}:${weight}\n` for the entries sorted by UTF-8 bytes. */
export function entriesDigest(entries: ReadonlyArray<{ id: string; weight: number }>): string {
  const sorted = entries
    .map((e) => ({ key: Buffer.from(e.id, 'utf8'), line: `${e.id}:${e.weight}\n` }))
    .sort((a, b) => Buffer.compare(a.key, b.key));
  return sha256Hex(sorted.map((e) => e.line).join(''));
}

function uniqueIds<T>(items: readonly T[], key: (item: T) => string, field: string): Map<string, T> {
  const map = new Map<string, T>();
  items.forEach((item, i) => {
    const k = key(item);
    if (map.has(k)) invalid(`${field}[${i}]`, `repeats the id ${k}`);
    map.set(k, item);
  });
  return map;
}

function checkRound(
  round: BackupRound,
  i: number,
  participantIds: Set<string>,
  drawWinners?: DrawWinners,
): void {
  const field = `rounds[${i}]`;
  if (sha256Hex(Buffer.from(round.serverSeed, 'hex')) !== round.commitment) {
    invalid(`${field}.commitment`, "is not the SHA-256 of the round's serverSeed");
  }
  if (round.status !== 'drawn') {
    if (round.winners !== null) invalid(`${field}.winners`, `must be null for a ${round.status} round`);
    return;
  }
  const { entries, winners } = round;
  if (entries === null || winners === null || round.entriesDigest === null || round.drawnAt === null) {
    invalid(field, 'is drawn but lacks entries, winners, entriesDigest or drawnAt');
  }
  const entryIds = new Set<string>();
  entries.forEach((e, j) => {
    if (entryIds.has(e.id)) invalid(`${field}.entries[${j}]`, `repeats the id ${e.id}`);
    if (!participantIds.has(e.id))
      invalid(`${field}.entries[${j}]`, `names ${e.id}, who is not a participant`);
    entryIds.add(e.id);
  });
  if (entriesDigest(entries) !== round.entriesDigest) {
    invalid(`${field}.entriesDigest`, "does not match the round's entries");
  }
  if (winners.length !== round.k || new Set(winners).size !== winners.length) {
    invalid(`${field}.winners`, `must be ${round.k} distinct ids`);
  }
  winners.forEach((w, j) => {
    if (!entryIds.has(w)) invalid(`${field}.winners[${j}]`, `names ${w}, who is not among the entries`);
  });
  if (drawWinners) {
    const again = drawWinners({
      roundId: round.id,
      serverSeed: round.serverSeed,
      publicEntropy: round.publicEntropy,
      entries,
      k: round.k,
    });
    if (again.join('\n') !== winners.join('\n'))
      invalid(`${field}.winners`, 'differ from what drawcast-v1 computes from the seed');
  }
}

/**
 * Parses and checks a backup; the first problem comes back as INVALID_BACKUP naming the field
 * (e.g. "rounds[2].entriesDigest"). Nothing is written anywhere: restore runs only on a valid document.
 */
export function validateBackup(input: unknown, options: { drawWinners?: DrawWinners } = {}): BackupDocument {
  if (typeof input !== 'object' || input === null) invalid('backup', 'must be a JSON object');
  const head = input as { format?: unknown; version?: unknown };
  if (head.format !== BACKUP_FORMAT)
    invalid('format', `must be "${BACKUP_FORMAT}": this is not a Drawcast backup`);
  if (head.version !== BACKUP_VERSION) {
    invalid(
      'version',
      `${String(head.version)} is not supported; this server reads version ${BACKUP_VERSION}`,
    );
  }
  const parsed = backupSchema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    invalid(
      issue.path
        .map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? String(p) : `.${String(p)}`))
        .join(''),
      issue.message,
    );
  }
  const doc = parsed.data;
  const eventId = doc.event.id;
  const sameEvent = <T extends { eventId: string }>(items: readonly T[], field: string) =>
    items.forEach((item, i) => {
      if (item.eventId !== eventId)
        invalid(`${field}[${i}].eventId`, `is ${item.eventId}, not the event ${eventId}`);
    });
  sameEvent(doc.prizes, 'prizes');
  sameEvent(doc.participants, 'participants');
  sameEvent(doc.rounds, 'rounds');
  sameEvent(doc.claims, 'claims');

  const prizes = uniqueIds(doc.prizes, (p) => p.id, 'prizes');
  const participants = uniqueIds(doc.participants, (p) => p.id, 'participants');
  const rounds = uniqueIds(doc.rounds, (r) => r.id, 'rounds');
  uniqueIds(doc.claims, (c) => c.code, 'claims');

  doc.participants.forEach((p, i) => {
    if (p.referredBy && !participants.has(p.referredBy)) {
      invalid(`participants[${i}].referredBy`, `names ${p.referredBy}, who is not a participant`);
    }
  });
  const participantIds = new Set(participants.keys());
  doc.rounds.forEach((round, i) => {
    if (!prizes.has(round.prizeId))
      invalid(`rounds[${i}].prizeId`, `names the unknown prize ${round.prizeId}`);
    checkRound(round, i, participantIds, options.drawWinners);
  });
  doc.claims.forEach((claim, i) => {
    const round = rounds.get(claim.roundId);
    if (!round || round.status !== 'drawn')
      invalid(`claims[${i}].roundId`, `names ${claim.roundId}, which is not a drawn round`);
    if (!round.winners!.includes(claim.participantId)) {
      invalid(`claims[${i}].participantId`, `${claim.participantId} did not win round ${claim.roundId}`);
    }
    if (claim.redrawRoundId !== null && !rounds.has(claim.redrawRoundId)) {
      invalid(`claims[${i}].redrawRoundId`, `names the unknown round ${claim.redrawRoundId}`);
    }
  });
  const verdict = verifyChain(doc.audit as AuditRecord[]);
  if (!verdict.ok) invalid(`audit[${verdict.brokenAt - 1}]`, `breaks the audit chain: ${verdict.reason}`);
  return doc;
}
