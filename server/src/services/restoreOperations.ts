// Restore from a v1 backup: validate everything (proofs re-derived), map to entities, write in one go.
import { DrawcastError, ErrorCode } from '@drawcast/shared';
import type { AuditRecord } from '../domain/audit/auditChain';
import { claimIdOf } from '../domain/claims/claim';
import { DEFAULT_EVENT_SETTINGS, mergeSettings } from '../domain/eventRules';
import { normalizeJoinCode } from '../domain/joinCode';
import {
  UNLINKED_DEVICE_PREFIX,
  type ClaimRecord,
  type DrawEvent,
  type ImportedPerson,
  type Participant,
  type Prize,
  type Round,
} from '../domain/types';
import type { BackupDocument } from '../io/export/backupSchema';
import { validateBackup } from '../io/export/validateBackup';
import type { EventSnapshot } from '../store/store';
import type { RestoreSummary } from './claimTypes';
import { auditMeta, type ServiceContext } from './context';

function invalid(field: string, message: string): never {
  throw new DrawcastError(ErrorCode.INVALID_BACKUP, `${field} ${message}`, field);
}

function eventOf(doc: BackupDocument): DrawEvent {
  const e = doc.event;
  if (e.joinCode === undefined) invalid('event.joinCode', 'is required to restore an event');
  let joinCode: string;
  try {
    joinCode = normalizeJoinCode(e.joinCode);
  } catch {
    invalid('event.joinCode', 'is not a join code');
  }
  let settings;
  try {
    const legacy = {
      ...(e.bonus !== undefined && { bonus: e.bonus }),
      ...(e.claims !== undefined && { claimDeadline: e.claims.deadline }),
    };
    settings = mergeSettings(DEFAULT_EVENT_SETTINGS, { ...legacy, ...(e.settings ?? {}) });
  } catch (error) {
    if (!(error instanceof DrawcastError)) throw error;
    invalid(`event.${error.field ?? 'settings'}`, error.message);
  }
  return {
    id: e.id,
    title: e.title,
    joinCode,
    status: e.status ?? 'closed',
    settings,
    createdAt: e.createdAt,
  };
}

/** Maps a validated backup to the store's entities, deriving what an older or hand-made document lacks. */
export function snapshotOf(doc: BackupDocument): EventSnapshot {
  const event = eventOf(doc);
  const winners = new Set(doc.rounds.flatMap((r) => (r.status === 'drawn' ? (r.winners ?? []) : [])));
  const friends = new Map<string, number>();
  for (const p of doc.participants)
    if (p.referredBy) friends.set(p.referredBy, (friends.get(p.referredBy) ?? 0) + 1);
  const people: ImportedPerson[] = [];
  const participants: Participant[] = doc.participants.map((p) => {
    if (p.person) people.push({ ...p.person, participantId: p.id, eventId: event.id });
    return {
      id: p.id,
      eventId: event.id,
      nickname: p.nickname,
      deviceTokenHash: p.deviceTokenHash ?? `${UNLINKED_DEVICE_PREFIX}${p.id}`,
      phoneHash: p.phoneHash ?? null,
      phoneMasked: p.phoneMasked ?? null,
      baseWeight: p.baseWeight ?? p.weight,
      weight: p.weight,
      hasWon: p.hasWon ?? winners.has(p.id),
      joinedAt: p.joinedAt,
      source: p.source ?? (p.person ? 'import' : 'join'),
      shareCode: p.shareCode ?? null,
      referredBy: p.referredBy ?? null,
      referrals: p.referrals ?? friends.get(p.id) ?? 0,
      checkedInAt: p.checkedInAt ?? null,
    };
  });
  const claims: ClaimRecord[] = doc.claims.map((c) => ({
    id: c.id ?? claimIdOf(c.roundId, c.place),
    code: c.code,
    eventId: c.eventId,
    roundId: c.roundId,
    prizeId: c.prizeId,
    place: c.place,
    participantId: c.participantId,
    status: c.status,
    createdAt: c.createdAt,
    redeemedAt: c.redeemedAt,
    redeemedBy: c.redeemedBy,
    forfeitedAt: c.forfeitedAt,
    forfeitReason: c.forfeitReason,
    redrawRoundId: c.redrawRoundId,
    contact:
      c.sealedContact && c.contactMasked && c.contactSubmittedAt != null
        ? {
            sealed: c.sealedContact,
            masked: { recipient: '', phone: '', address: '', ...c.contactMasked },
            submittedAt: c.contactSubmittedAt,
          }
        : null,
  }));
  const live = (prizeId: string) =>
    claims.filter((c) => c.prizeId === prizeId && c.status !== 'forfeited').length;
  const prizes: Prize[] = doc.prizes.map((p) => ({
    id: p.id,
    eventId: event.id,
    name: p.name,
    description: p.description ?? '',
    imageUrl: p.imageUrl ?? null,
    quantity: p.quantity,
    awarded: p.awarded ?? live(p.id),
    createdAt: p.createdAt ?? event.createdAt,
  }));
  const byCode = new Map(claims.map((c) => [c.code, c]));
  // Older documents name a redraw's forfeited claim by code only.
  const linkOf = (code: string | null | undefined) => {
    const claim = code ? byCode.get(code) : undefined;
    return claim ? { claimId: claim.id, roundId: claim.roundId, place: claim.place } : null;
  };
  const rounds = doc.rounds.map((r) => {
    const round: Round = {
      id: r.id,
      eventId: event.id,
      prizeId: r.prizeId,
      k: r.k,
      excludePreviousWinners: r.excludePreviousWinners ?? true,
      checkedInOnly: r.checkedInOnly ?? false,
      blocklist: r.blocklist ?? [],
      serverSeed: r.serverSeed,
      commitment: r.commitment,
      publicEntropy: r.publicEntropy,
      status: r.status,
      createdAt: r.createdAt,
      drawnAt: r.drawnAt,
      revealAt: r.revealAt ?? r.drawnAt,
      phoneRevealAt: r.phoneRevealAt ?? r.revealAt ?? r.drawnAt,
      // Older backups: a drawn round's entries froze at its draw.
      entriesClosedAt: r.entriesClosedAt ?? (r.status === 'drawn' ? r.drawnAt : null),
      entryCount: r.entryCount ?? r.entries?.length ?? null,
      entriesDigest: r.entriesDigest,
      winners: r.winners,
      redrawOf: r.redrawOf ?? linkOf(r.replacesClaimCode),
      auditHead: r.auditHead ?? null,
    };
    return { round, entries: r.entries };
  });
  const supportMessages = (doc.supportMessages ?? []).map((m) => ({ ...m, eventId: event.id }));
  return {
    event,
    prizes,
    participants,
    people,
    rounds,
    claims,
    audit: doc.audit as AuditRecord[],
    supportMessages,
  };
}

/**
 * Validates the document (every proof re-derived, the audit chain checked) and writes the event into
 * this store in one transaction, followed by an 'event.restore' audit record that continues its chain.
 */
export async function restoreEvent(ctx: ServiceContext, document: unknown): Promise<RestoreSummary> {
  const doc = validateBackup(document);
  const snapshot = snapshotOf(doc);
  const result = await ctx.store.restoreEvent(snapshot, auditMeta(ctx, 'system'));
  if (!result.ok) {
    throw new DrawcastError(
      ErrorCode.CONFLICT,
      result.reason === 'EVENT_EXISTS'
        ? `event ${snapshot.event.id} already exists here; restore into an empty data dir`
        : `the join code ${snapshot.event.joinCode} is used by another event here`,
      result.reason === 'EVENT_EXISTS' ? 'event.id' : 'event.joinCode',
    );
  }
  return {
    eventId: snapshot.event.id,
    participants: snapshot.participants.length,
    rounds: snapshot.rounds.length,
    claims: snapshot.claims.length,
    auditRecords: snapshot.audit.length,
    supportMessages: snapshot.supportMessages.length,
  };
}
