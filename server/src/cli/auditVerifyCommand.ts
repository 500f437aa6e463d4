// `npm run audit:verify -- --data-dir D`: walks every event's audit chain in the database, read-only,
// and names the first broken link of each broken chain.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { verifyChain, type AuditRecord } from '../domain/audit/auditChain';
import { auditFromRow, type AuditRow } from '../store/sqlite/rows';
import {
  DATABASE_FILE,
  describeError,
  ExitCode,
  parseCommandArgs,
  required,
  UsageError,
  userPath,
  type CommandOutput,
} from './commandIo';

const USAGE = 'usage: npm run audit:verify -- --data-dir <dir>';

/** Rows of one event's chain in seq order, parsed lazily so a long chain is never held in memory whole. */
function* records(db: Database.Database, eventId: string): Generator<AuditRecord> {
  const rows = db.prepare<[string], AuditRow>('SELECT * FROM audit_log WHERE event_id = ? ORDER BY seq');
  for (const row of rows.iterate(eventId)) {
    let record: AuditRecord;
    try {
      record = auditFromRow(row);
    } catch {
      // Data that no longer parses is a broken record; verifyChain reports it at this seq.
      record = { ...auditFromRow({ ...row, data: 'null' }), data: { unreadable: row.data } };
    }
    yield record;
  }
}

/** Runs the command for argv (without node and script) and returns the process exit code. */
export async function runAuditVerify(args: readonly string[], output: CommandOutput): Promise<number> {
  let file: string;
  try {
    const { values } = parseCommandArgs(args, { 'data-dir': { type: 'string' } }, false);
    file = join(userPath(output, required(values['data-dir'], 'data-dir')), DATABASE_FILE);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    output.err(`${error.message}\n${USAGE}`);
    return ExitCode.FAILED;
  }
  if (!existsSync(file)) {
    output.err(`no database at ${file}`);
    return ExitCode.FAILED;
  }
  let db: Database.Database;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
  } catch (error) {
    output.err(`cannot open ${file}: ${describeError(error)}`);
    return ExitCode.FAILED;
  }
  try {
    const events = db
      .prepare<[], { event_id: string }>('SELECT DISTINCT event_id FROM audit_log ORDER BY event_id')
      .all()
      .map((r) => r.event_id);
    let broken = 0;
    for (const eventId of events) {
      const verdict = verifyChain(records(db, eventId));
      if (verdict.ok) {
        output.out(`✓ ${eventId}: ${verdict.count} records intact, head ${verdict.head?.hash ?? '-'}`);
      } else {
        broken += 1;
        output.out(`✗ ${eventId}: BROKEN at seq ${verdict.brokenAt}: ${verdict.reason}`);
      }
    }
    if (broken > 0) {
      output.out(`AUDIT CHAIN BROKEN in ${broken} of ${events.length} event(s)`);
      return ExitCode.BROKEN;
    }
    output.out(`AUDIT CHAIN INTACT: ${events.length} event(s) in ${file}`);
    return ExitCode.OK;
  } catch (error) {
    output.err(`cannot read the audit log of ${file}: ${describeError(error)}`);
    return ExitCode.FAILED;
  } finally {
    db.close();
  }
}
