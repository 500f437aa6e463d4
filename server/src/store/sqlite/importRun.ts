// Imports written in slices: each slice of rows is its own short transaction, so joins, pings and
// reveals interleave with a 100,000-row import. All-or-nothing is kept by a run marker: the counters
// and the audit record that make the import count are written only by the last transaction, a failed
// run removes its rows, and a run the server never finished (kill -9) is removed when the store opens.
// Between slices the rows are in the tables but count nowhere: counters (so odds), counter rebuilds and
// the audit log leave them out, and the service holds the event's round lock, so no draw can list them.
// Only the host's raw participant pages may show rows of a run that is still being written.
import { createHash } from 'node:crypto';
import type Database from 'better-sqlite3';
import type { AuditMeta } from '../../domain/audit/actor';
import { failpoint } from '../../failpoint';
import type { ImportedPerson, Participant, PersonIdentifier } from '../../domain/types';
import type { ImportBatch, ImportedPersonInput, InsertPeopleResult } from '../store';
import type { SqliteParts } from './parts';
import { weightOf } from './weights';

/** Wall time one slice may spend inserting before it commits and lets the event loop run. */
export const SLICE_BUDGET_MS = 8;
/**
 * Rows one slice may insert at most: its commit writes every page it dirtied to the WAL, and random-key
 * indexes dirty a page or more per row each, so the commit's cost grows with rows, not with time.
 */
export const SLICE_MAX_ROWS = 256;
const ROWS_PER_CLOCK_CHECK = 32;
/**
 * Slices between two waits for the WAL's fsync: the fsync (thread pool) hands the growing WAL to the
 * checkpoint thread, instead of letting it reach the connection's own, blocking, fallback checkpoint.
 */
const SLICES_PER_SYNC = 8;

/** What the import writer needs from the people part: its prepared inserts and duplicate checks. */
export interface ImportStatements {
  insertParticipant(participant: Participant): void;
  insertPerson(person: ImportedPerson): void;
  hashTaken: Record<PersonIdentifier, Database.Statement<[string, string], { n: number }>>;
}

/** Writes one import in slices; discards runs a previous process left unfinished. */
export interface ImportWriter {
  write(
    batch: ImportBatch,
    people: readonly ImportedPersonInput[],
    meta: AuditMeta,
  ): Promise<InsertPeopleResult>;
  discardUnfinished(): number;
}

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Builds the writer over the store's connection. */
export function createImportWriter(
  { db, audit, counters, weigher, sync, fsyncRunning }: SqliteParts,
  statements: ImportStatements,
): ImportWriter {
  const sql = {
    begin: db.prepare('INSERT INTO import_runs (id, event_id, started_at) VALUES (?, ?, ?)'),
    end: db.prepare('DELETE FROM import_runs WHERE id = ?'),
    unfinished: db.prepare<[], { id: string; event_id: string }>('SELECT id, event_id FROM import_runs'),
    rowsOf: db.prepare<[string, string], { participant_id: string }>(
      'SELECT participant_id FROM people WHERE event_id = ? AND import_id = ?',
    ),
    deletePeople: db.prepare('DELETE FROM people WHERE event_id = ? AND import_id = ?'),
    deleteParticipants: db.prepare(
      'DELETE FROM participants WHERE id IN (SELECT value FROM json_each(?)) AND event_id = ?',
    ),
    weightsOf: db.prepare<[string, string], { weight: number; n: number }>(
      `SELECT p.weight AS weight, COUNT(*) AS n FROM people AS pe JOIN participants AS p ON p.id = pe.participant_id
       WHERE pe.event_id = ? AND pe.import_id = ? GROUP BY p.weight`,
    ),
  };

  const discard = db.transaction((runId: string, eventId: string) => {
    const ids = sql.rowsOf.all(eventId, runId).map((r) => r.participant_id);
    sql.deletePeople.run(eventId, runId);
    sql.deleteParticipants.run(JSON.stringify(ids), eventId);
    sql.end.run(runId);
  });

  const begin = db.transaction((batch: ImportBatch, at: number): string => {
    const bonus = weigher.bonusOf(batch.eventId);
    if (bonus === null) throw new Error(`cannot import into unknown event ${batch.eventId}`);
    sql.begin.run(batch.id, batch.eventId, at);
    return JSON.stringify(bonus);
  });

  async function write(
    batch: ImportBatch,
    people: readonly ImportedPersonInput[],
    meta: AuditMeta,
  ): Promise<InsertPeopleResult> {
    const bonusAtStart = begin(batch, meta.at);
    const duplicates: InsertPeopleResult['duplicates'] = [];
    const perWeight = new Map<number, number>();
    const ids = createHash('sha256');
    let inserted = 0;
    const slice = db.transaction((from: number): number => {
      const bonus = weigher.bonusOf(batch.eventId);
      if (bonus === null) throw new Error(`cannot import into unknown event ${batch.eventId}`);
      const started = performance.now();
      let i = from;
      for (; i < people.length; i++) {
        if (
          (i - from) % ROWS_PER_CLOCK_CHECK === 0 &&
          i > from &&
          performance.now() - started > SLICE_BUDGET_MS
        )
          break;
        const { participant, person } = people[i] as ImportedPersonInput;
        const fields = Object.keys(person.hashes) as PersonIdentifier[];
        const clash = fields.find((f) =>
          statements.hashTaken[f].get(batch.eventId, person.hashes[f] as string),
        );
        if (clash !== undefined) {
          duplicates.push({ row: person.row, field: clash });
          continue;
        }
        const weight = weightOf(
          { base_weight: participant.baseWeight, referrals: 0, joined_at: participant.joinedAt },
          bonus,
        );
        statements.insertParticipant({ ...participant, weight });
        statements.insertPerson(person);
        perWeight.set(weight, (perWeight.get(weight) ?? 0) + 1);
        ids.update(`${participant.id}\n`);
        inserted += 1;
      }
      return i;
    });
    const finish = db.transaction(() => {
      // A bonus change mid-run re-weighed these rows too (weights.ts): count them as they now are.
      const bonusNow = weigher.bonusOf(batch.eventId);
      const weights =
        JSON.stringify(bonusNow) === bonusAtStart
          ? [...perWeight]
          : sql.weightsOf.all(batch.eventId, batch.id).map((r) => [r.weight, r.n] as const);
      for (const [weight, n] of weights) {
        counters.add(batch.eventId, { weight, hasWon: false, checkedIn: false }, 1, n);
      }
      audit.append(batch.eventId, meta, 'people.import', `import:${batch.id}`, {
        importId: batch.id,
        filename: batch.filename,
        format: batch.format,
        total: batch.total,
        rejected: batch.rejected,
        duplicates: duplicates.length,
        inserted,
        participantIdsDigest: ids.digest('hex'),
      });
      sql.end.run(batch.id);
    });
    try {
      for (let next = 0, slices = 1; next < people.length; slices++) {
        next = slice(next);
        if (next < people.length) await (slices % SLICES_PER_SYNC === 0 ? sync() : nextTurn());
        // Some slices stored, the run not finished: the crash matrix's kill point.
        const held = slices === 1 && next < people.length ? failpoint('import-mid-run') : null;
        if (held) await held;
        // A join's fsync in flight: let it finish before adding pages its successor would have to carry.
        await fsyncRunning();
      }
      finish();
    } catch (error) {
      discard(batch.id, batch.eventId);
      throw error;
    }
    return { inserted, duplicates };
  }

  return {
    write,
    discardUnfinished() {
      const runs = sql.unfinished.all();
      for (const run of runs) discard(run.id, run.event_id);
      return runs.length;
    },
  };
}
