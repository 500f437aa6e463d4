// Imported people in PostgreSQL: the bulk import (one transaction), check-in and device linking.
import { createHash } from 'node:crypto';
import { isUnlinkedDevice } from '../../domain/types';
import type { ImportedPerson, Participant, PersonIdentifier } from '../../domain/types';
import { countedState } from '../sqlite/participantPart';
import {
  participantFromRow,
  personFromRow,
  PERSON_HASH_COLUMNS,
  type ParticipantRow,
  type PersonRow,
} from '../sqlite/rows';
import { weightOf } from '../sqlite/weights';
import type { CheckInStoreResult, InsertPeopleResult, Store } from '../store';
import { appendAudit } from './audit';
import { addCounted, moveCounted } from './counters';
import { inTransaction, lockEvent, read, type Queryable } from './db';
import type { PgParts } from './parts';
import { bonusOf, insertParticipantRows } from './writers';

/** The imported-people methods of the PostgreSQL store. */
export type PgPeoplePart = Pick<
  Store,
  'insertImportedPeople' | 'getPersonByCheckinToken' | 'getPerson' | 'listPeople' | 'checkIn'
>;

const FIELDS = Object.entries(PERSON_HASH_COLUMNS) as [PersonIdentifier, string][];

/** The identifier hashes already imported into the event, per field (read once per import, under its lock). */
async function takenHashes(tx: Queryable, eventId: string): Promise<Record<PersonIdentifier, Set<string>>> {
  const taken = {} as Record<PersonIdentifier, Set<string>>;
  for (const [field, column] of FIELDS) {
    const { rows } = await tx.query<{ h: string }>(
      `SELECT ${column} AS h FROM people WHERE event_id = $1 AND ${column} IS NOT NULL`,
      [eventId],
    );
    taken[field] = new Set(rows.map((r) => r.h));
  }
  return taken;
}

/** Writes people rows in chunks (an import of 100,000 rows stays a few statements). */
export async function insertPersonRows(tx: Queryable, list: readonly ImportedPerson[]): Promise<void> {
  const CHUNK = 5_000;
  for (let i = 0; i < list.length; i += CHUNK) {
    const part = list.slice(i, i + CHUNK);
    const col = <T>(f: (p: ImportedPerson) => T): T[] => part.map(f);
    await tx.query(
      `INSERT INTO people (participant_id, event_id, import_id, row, name, checkin_token, checked_in_by, masked,
         employee_id_hash, receipt_hash, phone_hash, email_hash, code_hash)
       SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::int[], $5::text[], $6::text[], $7::text[],
         $8::text[], $9::text[], $10::text[], $11::text[], $12::text[], $13::text[])`,
      [
        col((p) => p.participantId),
        col((p) => p.eventId),
        col((p) => p.importId),
        col((p) => p.row),
        col((p) => p.name),
        col((p) => p.checkinToken),
        col((p) => p.checkedInBy),
        col((p) => JSON.stringify(p.masked)),
        col((p) => p.hashes.employeeId ?? null),
        col((p) => p.hashes.receipt ?? null),
        col((p) => p.hashes.phone ?? null),
        col((p) => p.hashes.email ?? null),
        col((p) => p.hashes.code ?? null),
      ],
    );
  }
}

/** Builds the imported-people methods. */
export function createPgPeoplePart({ pool }: PgParts): PgPeoplePart {
  async function participantIn(tx: Queryable, id: string): Promise<ParticipantRow | undefined> {
    return (await tx.query<ParticipantRow>('SELECT * FROM participants WHERE id = $1', [id])).rows[0];
  }

  return {
    async insertImportedPeople(batch, people, meta) {
      return inTransaction(pool, async (tx): Promise<InsertPeopleResult> => {
        await lockEvent(tx, batch.eventId);
        const bonus = await bonusOf(tx, batch.eventId);
        if (bonus === null) throw new Error(`cannot import into unknown event ${batch.eventId}`);
        const taken = await takenHashes(tx, batch.eventId);
        const duplicates: InsertPeopleResult['duplicates'] = [];
        const perWeight = new Map<number, number>();
        const ids = createHash('sha256');
        const participants: Participant[] = [];
        const persons: ImportedPerson[] = [];
        for (const { participant, person } of people) {
          const fields = Object.keys(person.hashes) as PersonIdentifier[];
          const clash = fields.find((f) => taken[f].has(person.hashes[f] as string));
          if (clash !== undefined) {
            duplicates.push({ row: person.row, field: clash });
            continue;
          }
          for (const f of fields) taken[f].add(person.hashes[f] as string);
          const weight = weightOf(
            { base_weight: participant.baseWeight, referrals: 0, joined_at: participant.joinedAt },
            bonus,
          );
          participants.push({ ...participant, weight });
          persons.push(person);
          perWeight.set(weight, (perWeight.get(weight) ?? 0) + 1);
          ids.update(`${participant.id}\n`);
        }
        await insertParticipantRows(tx, participants);
        await insertPersonRows(tx, persons);
        for (const [weight, n] of perWeight) {
          await addCounted(tx, batch.eventId, { weight, hasWon: false, checkedIn: false }, 1, n);
        }
        await appendAudit(tx, batch.eventId, meta, 'people.import', `import:${batch.id}`, {
          importId: batch.id,
          filename: batch.filename,
          format: batch.format,
          total: batch.total,
          rejected: batch.rejected,
          duplicates: duplicates.length,
          inserted: participants.length,
          participantIdsDigest: ids.digest('hex'),
        });
        return { inserted: participants.length, duplicates };
      });
    },
    async getPersonByCheckinToken(token) {
      const [person] = await read<PersonRow>(pool, 'SELECT * FROM people WHERE checkin_token = $1', [token]);
      if (!person) return null;
      const [participant] = await read<ParticipantRow>(pool, 'SELECT * FROM participants WHERE id = $1', [
        person.participant_id,
      ]);
      return participant
        ? { person: personFromRow(person), participant: participantFromRow(participant) }
        : null;
    },
    async getPerson(participantId) {
      const [row] = await read<PersonRow>(pool, 'SELECT * FROM people WHERE participant_id = $1', [
        participantId,
      ]);
      return row ? personFromRow(row) : null;
    },
    async listPeople(eventId, { offset, limit }) {
      const rows = await read<PersonRow>(
        pool,
        'SELECT * FROM people WHERE event_id = $1 ORDER BY ord LIMIT $2 OFFSET $3',
        [eventId, limit, offset],
      );
      return rows.map(personFromRow);
    },
    async checkIn(participantId, device, meta) {
      const [found] = await read<{ event_id: string }>(
        pool,
        'SELECT event_id FROM participants WHERE id = $1',
        [participantId],
      );
      if (!found) return { status: 'not_found' };
      return inTransaction(pool, async (tx): Promise<CheckInStoreResult> => {
        await lockEvent(tx, found.event_id);
        const row = await participantIn(tx, participantId);
        const person = await tx.query('SELECT 1 AS x FROM people WHERE participant_id = $1', [participantId]);
        if (!row || person.rows.length === 0) return { status: 'not_found' };
        let deviceLinked = false;
        if (device !== null && row.device_token_hash !== device.deviceTokenHash) {
          if (!isUnlinkedDevice(row.device_token_hash)) return { status: 'linked_to_other_device' };
          const other = await tx.query<ParticipantRow>(
            'SELECT * FROM participants WHERE event_id = $1 AND device_token_hash = $2',
            [row.event_id, device.deviceTokenHash],
          );
          if (other.rows[0])
            return { status: 'device_in_use', participant: participantFromRow(other.rows[0]) };
          if (row.share_code === null) {
            const used = await tx.query(
              'SELECT 1 AS x FROM participants WHERE event_id = $1 AND share_code = $2',
              [row.event_id, device.shareCode],
            );
            if (used.rows.length > 0) return { status: 'share_code_taken' };
          }
          await tx.query(
            'UPDATE participants SET device_token_hash = $1, share_code = COALESCE(share_code, $2) WHERE id = $3',
            [device.deviceTokenHash, device.shareCode, participantId],
          );
          deviceLinked = true;
        }
        const first = row.checked_in_at === null;
        if (first) {
          await tx.query(
            'UPDATE participants SET checked_in_at = $1 WHERE id = $2 AND checked_in_at IS NULL',
            [meta.at, participantId],
          );
          await tx.query('UPDATE people SET checked_in_by = $1 WHERE participant_id = $2', [
            meta.actor,
            participantId,
          ]);
          await moveCounted(
            tx,
            row.event_id,
            countedState(row),
            countedState({ ...row, checked_in_at: meta.at }),
          );
        }
        if (first || deviceLinked) {
          await appendAudit(tx, row.event_id, meta, 'people.checkin', `participant:${participantId}`, {
            participantId,
            firstCheckIn: first,
            deviceLinked,
          });
        }
        const participant = participantFromRow((await participantIn(tx, participantId)) as ParticipantRow);
        return { status: first ? 'checked_in' : 'already_checked_in', participant, deviceLinked };
      });
    },
  };
}
