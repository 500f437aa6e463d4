// Checks a backup before anything is restored: structure first, then every cross-reference, and every
// round's proof re-derived with the shared drawcast-v1 engine (commitment, entries digest, winners),
// and the audit chain.
import {
  commitmentOf,
  computeEntriesDigest,
  draw,
  DrawcastError,
  DrawInputError,
  ErrorCode,
} from '@drawcast/shared';
import { verifyChain } from '../../domain/audit/auditChain';
import type { AuditRecord } from '../../domain/audit/auditChain';
import { BACKUP_FORMAT, BACKUP_VERSION, backupSchema } from './backupSchema';
import type { BackupDocument, BackupRound } from './backupSchema';

function invalid(field: string, message: string): never {
  throw new DrawcastError(ErrorCode.INVALID_BACKUP, `${field} ${message}`, field);
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

/** Checks a round's frozen entries (closed or drawn rounds); returns their ids, or null when open. */
function checkFrozenEntries(
  round: BackupRound,
  field: string,
  participantIds: Set<string>,
): Set<string> | null {
  const { entries } = round;
  const closedAt = round.entriesClosedAt ?? null;
  if (entries === null) {
    if (closedAt !== null) invalid(`${field}.entries`, 'are missing, but the round has closed entries');
    return null;
  }
  if (round.status !== 'drawn' && closedAt === null) {
    invalid(`${field}.entriesClosedAt`, 'is required for an undrawn round with frozen entries');
  }
  if (round.entriesDigest === null) invalid(`${field}.entriesDigest`, 'is missing for frozen entries');
  const entryIds = new Set<string>();
  entries.forEach((e, j) => {
    if (entryIds.has(e.id)) invalid(`${field}.entries[${j}]`, `repeats the id ${e.id}`);
    if (!participantIds.has(e.id))
      invalid(`${field}.entries[${j}]`, `names ${e.id}, who is not a participant`);
    entryIds.add(e.id);
  });
  if (computeEntriesDigest(entries) !== round.entriesDigest) {
    invalid(`${field}.entriesDigest`, "does not match the round's entries");
  }
  if (round.entryCount != null && round.entryCount !== entries.length) {
    invalid(`${field}.entryCount`, `is ${round.entryCount}, but the round lists ${entries.length} entries`);
  }
  return entryIds;
}

function checkRound(round: BackupRound, i: number, participantIds: Set<string>): void {
  const field = `rounds[${i}]`;
  if (commitmentOf(round.serverSeed) !== round.commitment) {
    invalid(`${field}.commitment`, "is not the SHA-256 of the round's serverSeed");
  }
  const entryIds = checkFrozenEntries(round, field, participantIds);
  if (round.status !== 'drawn') {
    if (round.winners !== null) invalid(`${field}.winners`, `must be null for a ${round.status} round`);
    return;
  }
  const { entries, winners } = round;
  if (entries === null || entryIds === null || winners === null || round.drawnAt === null) {
    invalid(field, 'is drawn but lacks entries, winners, entriesDigest or drawnAt');
  }
  if (winners.length !== round.k || new Set(winners).size !== winners.length) {
    invalid(`${field}.winners`, `must be ${round.k} distinct ids`);
  }
  winners.forEach((w, j) => {
    if (!entryIds.has(w)) invalid(`${field}.winners[${j}]`, `names ${w}, who is not among the entries`);
  });
  let again: string[];
  try {
    again = draw({
      roundId: round.id,
      serverSeed: round.serverSeed,
      publicEntropy: round.publicEntropy,
      entries,
      k: round.k,
    }).winners;
  } catch (err) {
    if (!(err instanceof DrawInputError)) throw err;
    invalid(`${field}.${err.field}`, `cannot be drawn by drawcast-v1: ${err.message}`);
  }
  if (again.join('\n') !== winners.join('\n')) {
    invalid(`${field}.winners`, 'differ from what drawcast-v1 computes from the seed, entropy and entries');
  }
}

/**
 * Parses and checks a backup; the first problem comes back as INVALID_BACKUP naming the field
 * (e.g. "rounds[2].entriesDigest"). Nothing is written anywhere: restore runs only on a valid document.
 */
export function validateBackup(input: unknown): BackupDocument {
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
    const path = issue.path
      .map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? String(p) : `.${String(p)}`))
      .join('');
    invalid(path || 'backup', issue.message);
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
  const messages = doc.supportMessages ?? [];
  sameEvent(messages, 'supportMessages');
  uniqueIds(messages, (m) => m.id, 'supportMessages');

  doc.participants.forEach((p, i) => {
    if (p.referredBy && !participants.has(p.referredBy)) {
      invalid(`participants[${i}].referredBy`, `names ${p.referredBy}, who is not a participant`);
    }
  });
  const participantIds = new Set(participants.keys());
  messages.forEach((m, i) => {
    if (!participantIds.has(m.participantId))
      invalid(`supportMessages[${i}].participantId`, `names ${m.participantId}, who is not a participant`);
  });
  doc.rounds.forEach((round, i) => {
    if (!prizes.has(round.prizeId))
      invalid(`rounds[${i}].prizeId`, `names the unknown prize ${round.prizeId}`);
    checkRound(round, i, participantIds);
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
  const audit = doc.audit as AuditRecord[];
  const expectedHead = doc.auditHead ?? undefined;
  const verdict = verifyChain(audit, expectedHead ? { expectedHead } : {});
  if (!verdict.ok) {
    const at = verdict.truncated ? 'auditHead' : `audit[${verdict.brokenAt - 1}]`;
    invalid(at, `breaks the audit chain: ${verdict.reason}`);
  }
  // A drawn round's head (as its proof publishes it) must be a record of this chain.
  doc.rounds.forEach((round, i) => {
    const head = round.auditHead;
    if (head && audit[head.seq - 1]?.hash !== head.hash) {
      invalid(
        `rounds[${i}].auditHead`,
        `${head.seq}:${head.hash.slice(0, 12)} is not a record of the audit chain`,
      );
    }
  });
  return doc;
}
