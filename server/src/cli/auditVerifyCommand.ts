// `npm run audit:verify -- --data-dir D [--event E] [--head seq:hash]`: walks every event's audit chain
// in the database, read-only, and names the first broken link of each broken chain; with a head kept
// outside the database (a proof, a backup, a screenshot) it also catches records cut off the end.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { parseAuditHead } from '@drawcast/shared';
import { verifyChain, type AuditRecord, type ChainHead } from '../domain/audit/auditChain';
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

const USAGE =
  'usage: npm run audit:verify -- --data-dir <dir> [--event <eventId>] [--head <seq>:<hash> | <proof or backup .json>]';

/** A head kept outside the database: `seq:hash` (hash in full or 8+ hex digits), or a proof/backup file. */
function headOf(output: CommandOutput, value: string): { head: ChainHead; eventId: string | null } {
  const typed = parseAuditHead(value);
  if (typed) return { head: typed, eventId: null };
  const path = userPath(output, value);
  if (!existsSync(path)) throw new UsageError(`--head: ${value} is neither <seq>:<hash> nor a file`);
  let doc: { auditHead?: unknown; event?: { id?: unknown } };
  try {
    doc = JSON.parse(readFileSync(path, 'utf8')) as typeof doc;
  } catch (error) {
    throw new UsageError(`--head: ${value} is not JSON (${describeError(error)})`);
  }
  const head = doc?.auditHead as { seq?: unknown; hash?: unknown } | null | undefined;
  const parsed = head ? parseAuditHead(`${String(head.seq)}:${String(head.hash)}`) : null;
  if (!parsed)
    throw new UsageError(`--head: ${value} carries no auditHead (a proof or backup from before it?)`);
  return { head: parsed, eventId: typeof doc.event?.id === 'string' ? doc.event.id : null };
}

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
  let anchor: { head: ChainHead; eventId: string | null } | null = null;
  let onlyEvent: string | null = null;
  try {
    const { values } = parseCommandArgs(
      args,
      { 'data-dir': { type: 'string' }, event: { type: 'string' }, head: { type: 'string' } },
      false,
    );
    file = join(userPath(output, required(values['data-dir'], 'data-dir')), DATABASE_FILE);
    if (values.head !== undefined) anchor = headOf(output, required(values.head, 'head'));
    onlyEvent = values.event ?? anchor?.eventId ?? null;
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
    const all = db
      .prepare<[], { event_id: string }>('SELECT DISTINCT event_id FROM audit_log ORDER BY event_id')
      .all()
      .map((r) => r.event_id);
    // An event cut down to nothing has no rows left, so the one named is checked even if absent.
    const events = onlyEvent !== null ? [onlyEvent] : all;
    if (anchor && events.length !== 1) {
      output.err(
        `--head belongs to one event's chain: add --event <eventId> (the database has ${all.length})`,
      );
      return ExitCode.FAILED;
    }
    let broken = 0;
    for (const eventId of events) {
      const verdict = verifyChain(records(db, eventId), anchor ? { expectedHead: anchor.head } : {});
      const against = anchor ? `, reaches head ${anchor.head.seq}:${anchor.head.hash.slice(0, 12)}` : '';
      if (verdict.ok) {
        output.out(
          `✓ ${eventId}: ${verdict.count} records intact${against}, head ${verdict.head?.seq ?? 0}:${verdict.head?.hash ?? '-'}`,
        );
      } else {
        broken += 1;
        const what = verdict.truncated ? 'TRUNCATED' : 'BROKEN';
        output.out(`✗ ${eventId}: ${what} at seq ${verdict.brokenAt}: ${verdict.reason}`);
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
