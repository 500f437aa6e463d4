// Imported people in SQLite: the bulk import (in slices, see importRun.ts), check-in and device linking.
import type Database from 'better-sqlite3';
import type { AuditMeta } from '../../domain/audit/actor';
import { isUnlinkedDevice } from '../../domain/types';
import type { ImportedPerson, PersonIdentifier } from '../../domain/types';
import type { CheckInStoreResult, DeviceLink, Store } from '../store';
import { createImportWriter } from './importRun';
import { countedState, prepareParticipantInsert } from './participantPart';
import type { SqliteParts } from './parts';
import {
  participantFromRow,
  personFromRow,
  PERSON_HASH_COLUMNS,
  type ParticipantRow,
  type PersonRow,
} from './rows';

/** The imported-people methods of the SQLite store. */
export type PeoplePart = Pick<
  Store,
  'insertImportedPeople' | 'getPersonByCheckinToken' | 'getPerson' | 'listPeople' | 'checkIn'
>;

/** Writes a person row with every column as given (imports and restores share it). */
export function preparePersonInsert(db: Database.Database): (person: ImportedPerson) => void {
  const insert = db.prepare(
    `INSERT INTO people (participant_id, event_id, import_id, row, name, checkin_token, checked_in_by, masked,
       employee_id_hash, receipt_hash, phone_hash, email_hash, code_hash)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  return (p) => {
    insert.run(
      p.participantId,
      p.eventId,
      p.importId,
      p.row,
      p.name,
      p.checkinToken,
      p.checkedInBy,
      JSON.stringify(p.masked),
      p.hashes.employeeId ?? null,
      p.hashes.receipt ?? null,
      p.hashes.phone ?? null,
      p.hashes.email ?? null,
      p.hashes.code ?? null,
    );
  };
}

/** Builds the imported-people methods. */
export function createPeoplePart(parts: SqliteParts): PeoplePart & { discardUnfinishedImports(): number } {
  const { db, audit, counters } = parts;
  const insertParticipant = prepareParticipantInsert(db);
  const insertPerson = preparePersonInsert(db);
  const hashTaken = Object.fromEntries(
    (Object.entries(PERSON_HASH_COLUMNS) as [PersonIdentifier, string][]).map(([field, column]) => [
      field,
      db.prepare<[string, string], { n: number }>(
        `SELECT 1 AS n FROM people WHERE event_id = ? AND ${column} = ?`,
      ),
    ]),
  ) as Record<PersonIdentifier, Database.Statement<[string, string], { n: number }>>;
  const sql = {
    personByToken: db.prepare<[string], PersonRow>('SELECT * FROM people WHERE checkin_token = ?'),
    personById: db.prepare<[string], PersonRow>('SELECT * FROM people WHERE participant_id = ?'),
    page: db.prepare<[string, number, number], PersonRow>(
      'SELECT * FROM people WHERE event_id = ? ORDER BY rowid LIMIT ? OFFSET ?',
    ),
    participantById: db.prepare<[string], ParticipantRow>('SELECT * FROM participants WHERE id = ?'),
    participantByDevice: db.prepare<[string, string], ParticipantRow>(
      'SELECT * FROM participants WHERE event_id = ? AND device_token_hash = ?',
    ),
    shareCodeUsed: db.prepare<[string, string], { id: string }>(
      'SELECT id FROM participants WHERE event_id = ? AND share_code = ?',
    ),
    link: db.prepare(
      'UPDATE participants SET device_token_hash = ?, share_code = COALESCE(share_code, ?) WHERE id = ?',
    ),
    checkIn: db.prepare('UPDATE participants SET checked_in_at = ? WHERE id = ? AND checked_in_at IS NULL'),
    checkedInBy: db.prepare('UPDATE people SET checked_in_by = ? WHERE participant_id = ?'),
  };

  const imports = createImportWriter(parts, { insertParticipant, insertPerson, hashTaken });

  const checkInTx = db.transaction(
    (participantId: string, device: DeviceLink | null, meta: AuditMeta): CheckInStoreResult => {
      const row = sql.participantById.get(participantId);
      if (!row || !sql.personById.get(participantId)) return { status: 'not_found' };
      let deviceLinked = false;
      if (device !== null && row.device_token_hash !== device.deviceTokenHash) {
        if (!isUnlinkedDevice(row.device_token_hash)) return { status: 'linked_to_other_device' };
        const other = sql.participantByDevice.get(row.event_id, device.deviceTokenHash);
        if (other) return { status: 'device_in_use', participant: participantFromRow(other) };
        if (row.share_code === null && sql.shareCodeUsed.get(row.event_id, device.shareCode)) {
          return { status: 'share_code_taken' };
        }
        sql.link.run(device.deviceTokenHash, device.shareCode, participantId);
        deviceLinked = true;
      }
      const first = row.checked_in_at === null;
      if (first) {
        sql.checkIn.run(meta.at, participantId);
        sql.checkedInBy.run(meta.actor, participantId);
        counters.move(row.event_id, countedState(row), countedState({ ...row, checked_in_at: meta.at }));
      }
      if (first || deviceLinked) {
        audit.append(row.event_id, meta, 'people.checkin', `participant:${participantId}`, {
          participantId,
          firstCheckIn: first,
          deviceLinked,
        });
      }
      const participant = participantFromRow(sql.participantById.get(participantId) as ParticipantRow);
      return { status: first ? 'checked_in' : 'already_checked_in', participant, deviceLinked };
    },
  );

  return {
    async insertImportedPeople(batch, people, meta) {
      return imports.write(batch, people, meta);
    },
    async getPersonByCheckinToken(token) {
      const person = sql.personByToken.get(token);
      if (!person) return null;
      const participant = sql.participantById.get(person.participant_id);
      return participant
        ? { person: personFromRow(person), participant: participantFromRow(participant) }
        : null;
    },
    async getPerson(participantId) {
      const row = sql.personById.get(participantId);
      return row ? personFromRow(row) : null;
    },
    async listPeople(eventId, { offset, limit }) {
      return sql.page.all(eventId, limit, offset).map(personFromRow);
    },
    async checkIn(participantId, device, meta) {
      return checkInTx(participantId, device, meta);
    },
    discardUnfinishedImports: () => imports.discardUnfinished(),
  };
}
