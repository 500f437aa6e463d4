// Exports for hosts: the winners list (CSV/XLSX) and the whole-event backup document.
import { DrawcastError, ErrorCode } from '@drawcast/shared';
import type { AuditRecord } from '../domain/audit/auditChain';
import type { ClaimRecord, ImportedPerson, Participant } from '../domain/types';
import { BACKUP_FORMAT, BACKUP_VERSION, type BackupDocument } from '../io/export/backupSchema';
import {
  winnersCsv,
  winnersXlsx,
  type ExportLanguage,
  type WinnerExportRow,
} from '../io/export/winnersExport';
import { requireEvent, type ServiceContext } from './context';

/** Rows read per store call while assembling a backup, so 100,000 people never sit in one statement result twice. */
const BACKUP_PAGE = 10_000;

async function allPages<T>(read: (offset: number, limit: number) => Promise<T[]>): Promise<T[]> {
  const out: T[] = [];
  for (let offset = 0; ; offset += BACKUP_PAGE) {
    const page = await read(offset, BACKUP_PAGE);
    out.push(...page);
    if (page.length < BACKUP_PAGE) return out;
  }
}

/** Every winner of every drawn round in draw order, with claim status and masked phone. */
export async function winnerRows(ctx: ServiceContext, eventId: string): Promise<WinnerExportRow[]> {
  const [rounds, prizes, claims] = await Promise.all([
    ctx.store.listRounds(eventId),
    ctx.store.listPrizes(eventId),
    ctx.store.listClaims(eventId),
  ]);
  const drawn = rounds.filter((r) => r.status === 'drawn' && r.winners !== null);
  const winnerIds = drawn.flatMap((r) => r.winners ?? []);
  const people = new Map((await ctx.store.getParticipantsByIds(eventId, winnerIds)).map((p) => [p.id, p]));
  const prizeNames = new Map(prizes.map((p) => [p.id, p.name]));
  const claimOf = new Map(claims.map((c) => [`${c.roundId}\n${c.participantId}`, c]));
  const rows: WinnerExportRow[] = [];
  drawn.forEach((round, index) => {
    (round.winners ?? []).forEach((participantId, i) => {
      const claim = claimOf.get(`${round.id}\n${participantId}`);
      const p = people.get(participantId);
      rows.push({
        round: `${index + 1}${round.redrawOf ? ' (redraw)' : ''} ${round.id}`,
        prize: prizeNames.get(round.prizeId) ?? '',
        place: claim?.place ?? i + 1,
        participantId,
        nickname: p?.nickname ?? '',
        maskedPhone: p?.phoneMasked ?? null,
        redemptionCode: claim?.code ?? null,
        status: claim?.status ?? 'no claim',
        redeemedAt: claim?.redeemedAt ?? null,
      });
    });
  });
  return rows;
}

/** The winners file; CSV is UTF-8 with BOM and formula-neutralised cells, XLSX has typed text cells. */
export async function exportWinners(
  ctx: ServiceContext,
  eventId: unknown,
  format: unknown,
  language: unknown = 'en',
): Promise<Buffer> {
  const event = await requireEvent(ctx, eventId);
  if (format !== 'csv' && format !== 'xlsx') {
    throw new DrawcastError(ErrorCode.VALIDATION_FAILED, "format must be 'csv' or 'xlsx'", 'format');
  }
  if (language !== 'en' && language !== 'zh') {
    throw new DrawcastError(ErrorCode.VALIDATION_FAILED, "language must be 'en' or 'zh'", 'language');
  }
  const rows = await winnerRows(ctx, event.id);
  return format === 'csv'
    ? winnersCsv(rows, language as ExportLanguage)
    : winnersXlsx(rows, language as ExportLanguage);
}

function backupParticipant(p: Participant, person: ImportedPerson | undefined) {
  return {
    ...p,
    person:
      person === undefined
        ? null
        : {
            importId: person.importId,
            row: person.row,
            name: person.name,
            checkinToken: person.checkinToken,
            checkedInBy: person.checkedInBy,
            masked: { ...person.masked },
            hashes: { ...person.hashes },
          },
  };
}

function backupClaim(c: ClaimRecord) {
  const { contact, ...claim } = c;
  return {
    ...claim,
    sealedContact: contact?.sealed ?? null,
    contactMasked: contact ? { ...contact.masked } : null,
    contactSubmittedAt: contact?.submittedAt ?? null,
  };
}

/**
 * The whole event as a v1 backup: seeds (also of undrawn rounds), frozen entries, claims with sealed
 * contacts, hashes, and the audit chain. Restoring it elsewhere reproduces every proof; device and
 * phone hashes only match new joins if the data dir's secret is copied too (and contact.key for contacts).
 */
export async function backupEvent(ctx: ServiceContext, eventId: unknown): Promise<BackupDocument> {
  const event = await requireEvent(ctx, eventId);
  const [prizes, rounds, claims, participants, people, audit, supportMessages] = await Promise.all([
    ctx.store.listPrizes(event.id),
    ctx.store.listRounds(event.id),
    ctx.store.listClaims(event.id),
    allPages((offset, limit) => ctx.store.listParticipants(event.id, { offset, limit })),
    allPages((offset, limit) => ctx.store.listPeople(event.id, { offset, limit })),
    allPagesAfter((afterSeq, limit) => ctx.store.listAudit(event.id, afterSeq, limit)),
    ctx.store.listSupportMessages(event.id),
  ]);
  const personOf = new Map(people.map((p) => [p.participantId, p]));
  const roundDocs = [];
  for (const round of rounds) {
    roundDocs.push({
      ...round,
      entries: round.entriesClosedAt !== null ? await ctx.store.getRoundEntries(round.id) : null,
    });
  }
  const document: BackupDocument = {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    exportedAt: ctx.clock.now(),
    event: { ...event, settings: { ...event.settings } },
    prizes: prizes.map((p) => ({ ...p })),
    participants: participants.map((p) => backupParticipant(p, personOf.get(p.id))),
    rounds: roundDocs,
    claims: claims.map(backupClaim),
    audit: audit.map((r) => ({ ...r })),
    supportMessages: supportMessages.map((m) => ({ ...m })),
    auditHead: audit.length === 0 ? null : { seq: audit.at(-1)!.seq, hash: audit.at(-1)!.hash },
  };
  return document;
}

async function allPagesAfter(
  read: (afterSeq: number, limit: number) => Promise<AuditRecord[]>,
): Promise<AuditRecord[]> {
  const out: AuditRecord[] = [];
  for (;;) {
    const page = await read(out.at(-1)?.seq ?? 0, BACKUP_PAGE);
    out.push(...page);
    if (page.length < BACKUP_PAGE) return out;
  }
}
