// `npm run restore -- --data-dir EMPTY_DIR file.json [--keys-from OLD_DIR]`: writes a backup into a new,
// empty data dir; every proof of the event is reproduced there.
import { copyFileSync, existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { validateBackup } from '../io/export/validateBackup';
import { createDrawcastService } from '../services/drawcastService';
import { cryptoRandom, systemClock } from '../services/runtime';
import { createSqliteStore } from '../store/sqlite/sqliteStore';
import {
  DATA_DIR_KEY_FILES,
  DATABASE_FILE,
  describeError,
  ExitCode,
  parseCommandArgs,
  required,
  UsageError,
  userPath,
  type CommandOutput,
} from './commandIo';

const USAGE = 'usage: npm run restore -- --data-dir <empty dir> <backup.json> [--keys-from <old data dir>]';

/**
 * The JSON of a backup file. `npm run backup > file` (without -s) puts npm's "> drawcast@… backup" banner
 * in front of the document; those lines are skipped, anything else is refused.
 */
export function backupJson(text: string): unknown {
  const lines = text.replace(/^\uFEFF/, '').split('\n');
  let start = 0;
  while (start < lines.length && /^(\s*|>.*)$/.test(lines[start] as string)) start += 1;
  return JSON.parse(lines.slice(start).join('\n'));
}

/** Runs the command for argv (without node and script) and returns the process exit code. */
export async function runRestore(args: readonly string[], output: CommandOutput): Promise<number> {
  let dataDir: string;
  let source: string;
  let keysFrom: string | null;
  try {
    const { values, positionals } = parseCommandArgs(
      args,
      { 'data-dir': { type: 'string' }, 'keys-from': { type: 'string' } },
      true,
    );
    dataDir = userPath(output, required(values['data-dir'], 'data-dir'));
    if (positionals.length !== 1) throw new UsageError('give exactly one backup file');
    source = userPath(output, positionals[0] as string);
    keysFrom = values['keys-from'] === undefined ? null : userPath(output, values['keys-from']);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    output.err(`${error.message}\n${USAGE}`);
    return ExitCode.FAILED;
  }
  if (existsSync(dataDir) && readdirSync(dataDir).length > 0) {
    output.err(
      `refusing to restore into ${dataDir}: the directory is not empty (restore needs an empty data dir)`,
    );
    return ExitCode.FAILED;
  }
  let document: unknown;
  try {
    document = backupJson(await readFile(source, 'utf8'));
    // Checked before anything is created, so a bad file leaves no trace.
    validateBackup(document);
  } catch (error) {
    output.err(
      `cannot restore ${source}: ${error instanceof SyntaxError ? 'not JSON' : describeError(error)}`,
    );
    return ExitCode.FAILED;
  }
  mkdirSync(dataDir, { recursive: true });
  const store = createSqliteStore({ file: join(dataDir, DATABASE_FILE) });
  try {
    const service = createDrawcastService({
      store,
      clock: systemClock,
      random: cryptoRandom,
      secret: 'restore',
    });
    const summary = await service.restoreEvent(document);
    await store.close();
    for (const name of keysFrom === null ? [] : DATA_DIR_KEY_FILES) {
      const from = join(keysFrom as string, name);
      if (existsSync(from)) copyFileSync(from, join(dataDir, name));
    }
    output.out(
      `restored event ${summary.eventId} into ${dataDir}: ${summary.participants} participants, ` +
        `${summary.rounds} rounds, ${summary.claims} claims, ${summary.auditRecords} audit records (+1 restore record)`,
    );
    if (keysFrom === null) {
      output.out(
        'copy the old data dir\'s "secret" (phones reconnect, phones are recognised) and "contact.key" ' +
          '(shipping contacts) here before starting the server, or rerun with --keys-from <old dir>',
      );
    }
    return ExitCode.OK;
  } catch (error) {
    await store.close();
    for (const name of readdirSync(dataDir)) rmSync(join(dataDir, name), { force: true, recursive: true });
    output.err(`restore failed, nothing kept: ${describeError(error)}`);
    return ExitCode.FAILED;
  }
}
