// Imported lists and venue check-in: people become entries at import, check in by QR, and may link a phone.
import { DrawcastError, ErrorCode } from '@drawcast/shared';
import { participantActor, staffActor } from '../domain/audit/actor';
import { newShareCode } from '../domain/bonus/referral';
import { checkinUrl, newCheckinToken, parseCheckinToken } from '../domain/claims/checkin';
import { qrSvg } from '../domain/claims/qr';
import { ID_BYTES, looksLikeId, makeId } from '../domain/ids';
import {
  identifierKey,
  maskIdentifier,
  nicknameFromName,
  PERSON_IDENTIFIERS,
} from '../domain/people/personIdentity';
import { checkPage } from '../domain/paging';
import { checkSingleLine } from '../domain/textRules';
import { isUnlinkedDevice, UNLINKED_DEVICE_PREFIX, type ImportedPerson } from '../domain/types';
import { importPeopleInWorker } from '../io/import/importInWorker';
import type { ImportedRow, ImportSource } from '../io/import/importTypes';
import type { ImportedPersonInput } from '../store/store';
import { auditMeta, bufferedRandomBytes, randomBytesOf, requireEvent, type ServiceContext } from './context';
import { keyedHash } from './hashing';
import { mapInSlices } from './slices';
import { deviceTokenHash } from './joinOperations';
import type {
  CheckInInput,
  CheckInResult,
  ImportPeopleOptions,
  ImportPeopleResult,
  PersonView,
} from './peopleTypes';
import { toParticipantView } from './entityViews';

/** Fresh share codes tried when linking a phone finds one taken. */
const SHARE_CODE_ATTEMPTS = 5;

function validFilename(value: unknown): string {
  return checkSingleLine(value, {
    field: 'filename',
    code: ErrorCode.VALIDATION_FAILED,
    min: 1,
    max: 255,
    label: 'filename',
  });
}

/** One accepted row → its participant (an entry from now on) and import details (hashed, masked). */
function personOf(
  ctx: ServiceContext,
  random: (n: number) => Uint8Array,
  row: ImportedRow,
  eventId: string,
  importId: string,
  at: number,
): ImportedPersonInput {
  const id = makeId('p', random(ID_BYTES));
  const masked: ImportedPerson['masked'] = {};
  const hashes: ImportedPerson['hashes'] = {};
  for (const field of PERSON_IDENTIFIERS) {
    const value = row[field];
    if (value === undefined) continue;
    masked[field] = maskIdentifier(field, value);
    hashes[field] = keyedHash(ctx.secret, `person.${field}`, identifierKey(field, value));
  }
  return {
    participant: {
      id,
      eventId,
      nickname: nicknameFromName(row.name),
      deviceTokenHash: `${UNLINKED_DEVICE_PREFIX}${id}`,
      phoneHash: null,
      phoneMasked: masked.phone ?? null,
      baseWeight: 1,
      weight: 1,
      hasWon: false,
      joinedAt: at,
      source: 'import',
      shareCode: null,
      referredBy: null,
      referrals: 0,
      checkedInAt: null,
    },
    person: {
      participantId: id,
      eventId,
      importId,
      row: row.row,
      name: row.name,
      checkinToken: newCheckinToken(random),
      checkedInBy: null,
      masked,
      hashes,
    },
  };
}

/**
 * Reads the file (whole-file problems refuse everything), then stores every accepted row, all or
 * nothing (written in slices, so the event keeps running); rows whose employee id, receipt, phone, email or code was imported into the event before
 * are skipped and reported as DUPLICATE_ROW.
 */
export async function importPeople(
  ctx: ServiceContext,
  eventId: unknown,
  source: ImportSource,
  filename: unknown,
  options: ImportPeopleOptions = {},
): Promise<ImportPeopleResult> {
  const event = await requireEvent(ctx, eventId);
  const name = validFilename(filename);
  if (typeof source !== 'object' || source === null || !('path' in source || 'buffer' in source)) {
    throw new DrawcastError(ErrorCode.INVALID_FILE, 'no file was given', 'file');
  }
  const progress = options.onProgress;
  // Unzipping, parsing and validating run in a worker thread; hashing and storing run here in slices.
  const report = await importPeopleInWorker(source, {
    ...(options.mapping !== undefined && { mapping: options.mapping }),
    ...(options.encoding !== undefined && { encoding: options.encoding }),
    onProgress: (rows, total) =>
      progress?.({ phase: 'reading', rows, ...(total !== undefined && { total }) }),
  });
  progress?.({ phase: 'storing', rows: 0, total: report.total });
  const random = bufferedRandomBytes(ctx);
  const importId = makeId('imp', random(ID_BYTES));
  const at = ctx.clock.now();
  const people = await mapInSlices(report.accepted, (row) =>
    personOf(ctx, random, row, event.id, importId, at),
  );
  // The round lock keeps draws of this event out while the rows are written in slices (importRun.ts).
  const stored = await ctx.locks.run(event.id, () =>
    ctx.store.insertImportedPeople(
      {
        id: importId,
        eventId: event.id,
        filename: name,
        format: report.format,
        total: report.total,
        rejected: report.rejected.length,
      },
      people,
      auditMeta(ctx, 'host'),
    ),
  );
  progress?.({ phase: 'done', rows: stored.inserted, total: report.total });
  const duplicates = stored.duplicates.map(({ row, field }) => ({
    row,
    field,
    code: ErrorCode.DUPLICATE_ROW,
    reason: `${field} was already imported into this event`,
  }));
  return {
    importId,
    eventId: event.id,
    filename: name,
    format: report.format,
    ...(report.encoding !== undefined && { encoding: report.encoding }),
    headerRow: report.headerRow,
    columns: report.columns,
    total: report.total,
    imported: stored.inserted,
    rejected: [...report.rejected, ...duplicates].sort((a, b) => a.row - b.row),
  };
}

/** The host's list of imported people (with their check-in tokens). */
export async function listPeople(
  ctx: ServiceContext,
  eventId: unknown,
  page: { offset?: number; limit?: number } = {},
): Promise<PersonView[]> {
  const event = await requireEvent(ctx, eventId);
  const { offset, limit } = checkPage(page);
  const people = await ctx.store.listPeople(event.id, { offset, limit });
  const participants = new Map(
    (
      await ctx.store.getParticipantsByIds(
        event.id,
        people.map((p) => p.participantId),
      )
    ).map((p) => [p.id, p]),
  );
  return people.map((person) => {
    const participant = participants.get(person.participantId);
    return {
      participantId: person.participantId,
      importId: person.importId,
      row: person.row,
      name: person.name,
      nickname: participant?.nickname ?? '',
      masked: { ...person.masked },
      checkinToken: person.checkinToken,
      checkedInAt: participant?.checkedInAt ?? null,
      checkedInBy: person.checkedInBy,
      deviceLinked: participant !== undefined && !isUnlinkedDevice(participant.deviceTokenHash),
    };
  });
}

/** The QR a person's invitation carries: the check-in page with their token (http/https pages only). */
export async function checkinQrSvg(
  ctx: ServiceContext,
  participantId: unknown,
  checkinPageUrl: unknown,
): Promise<string> {
  let page: URL | null = null;
  try {
    page = typeof checkinPageUrl === 'string' ? new URL(checkinPageUrl) : null;
  } catch {
    page = null;
  }
  if (page === null || (page.protocol !== 'http:' && page.protocol !== 'https:')) {
    throw new DrawcastError(
      ErrorCode.VALIDATION_FAILED,
      'checkinPageUrl must be an http(s) URL',
      'checkinPageUrl',
    );
  }
  const person = looksLikeId(participantId) ? await ctx.store.getPerson(participantId) : null;
  if (!person) {
    throw new DrawcastError(
      ErrorCode.PARTICIPANT_NOT_FOUND,
      'no imported person has this id',
      'participantId',
    );
  }
  return qrSvg(checkinUrl(page.toString(), person.checkinToken));
}

/**
 * A scan of a check-in QR. The person's own phone (deviceToken) checks in and becomes the entry's
 * device; staff (staff name, no deviceToken) check the person in at the door. Scanning twice is harmless.
 */
export async function checkIn(ctx: ServiceContext, input: CheckInInput): Promise<CheckInResult> {
  if (typeof input !== 'object' || input === null) {
    throw new DrawcastError(ErrorCode.VALIDATION_FAILED, 'check-in must be an object', 'checkIn');
  }
  const token = parseCheckinToken(input.token);
  const phone = input.deviceToken !== undefined;
  const deviceHash = phone ? deviceTokenHash(ctx, input.deviceToken) : null;
  const staff = phone ? null : staffActor(input.staff);
  const found = await ctx.store.getPersonByCheckinToken(token);
  if (!found) {
    throw new DrawcastError(ErrorCode.CHECKIN_NOT_FOUND, 'this check-in code belongs to nobody', 'token');
  }
  const event = await requireEvent(ctx, found.participant.eventId);
  const actor = staff ?? participantActor(found.participant.id);
  for (let attempt = 0; attempt < SHARE_CODE_ATTEMPTS; attempt += 1) {
    const link =
      deviceHash === null
        ? null
        : { deviceTokenHash: deviceHash, shareCode: newShareCode(randomBytesOf(ctx)) };
    const result = await ctx.store.checkIn(found.participant.id, link, auditMeta(ctx, actor));
    switch (result.status) {
      case 'share_code_taken':
        continue;
      case 'not_found':
        throw new DrawcastError(ErrorCode.CHECKIN_NOT_FOUND, 'this check-in code belongs to nobody', 'token');
      case 'device_in_use':
        throw new DrawcastError(
          ErrorCode.CONFLICT,
          `this phone already takes part in the event as ${result.participant.nickname}; check in from another phone or at the desk`,
          'deviceToken',
        );
      case 'linked_to_other_device':
        throw new DrawcastError(
          ErrorCode.CONFLICT,
          'this check-in code was already used on another phone; ask the staff at the desk',
          'token',
        );
      default:
        return {
          event,
          participant: toParticipantView(result.participant),
          checkedInAt: result.participant.checkedInAt ?? ctx.clock.now(),
          alreadyCheckedIn: result.status === 'already_checked_in',
          deviceLinked: result.deviceLinked,
        };
    }
  }
  throw new DrawcastError(ErrorCode.INTERNAL, 'could not find a free share code', 'token');
}
