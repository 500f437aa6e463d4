// `npm run backup -- --data-dir D --event ID [--out file.json]`: the event's v1 backup document as JSON,
// read from the database without writing to it (safe next to a running server).
import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createDrawcastService } from '../services/drawcastService';
import { cryptoRandom, systemClock } from '../services/runtime';
import { createSqliteStore } from '../store/sqlite/sqliteStore';
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

const USAGE = 'usage: npm run -s backup -- --data-dir <dir> --event <eventId> [--out <file.json>]';

/** Runs the command; the document goes to --out, or to stdout (then use `npm run -s` or restore strips npm's banner). */
export async function runBackup(
  args: readonly string[],
  output: CommandOutput & { write: (text: string) => void },
): Promise<number> {
  let dataDir: string;
  let eventId: string;
  let out: string | null;
  try {
    const { values } = parseCommandArgs(
      args,
      { 'data-dir': { type: 'string' }, event: { type: 'string' }, out: { type: 'string' } },
      false,
    );
    dataDir = userPath(output, required(values['data-dir'], 'data-dir'));
    eventId = required(values.event, 'event');
    out = values.out === undefined ? null : userPath(output, values.out);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    output.err(`${error.message}\n${USAGE}`);
    return ExitCode.FAILED;
  }
  const file = join(dataDir, DATABASE_FILE);
  if (!existsSync(file)) {
    output.err(`no database at ${file}`);
    return ExitCode.FAILED;
  }
  let store;
  try {
    store = createSqliteStore({ file, readonly: true });
  } catch (error) {
    output.err(`cannot open ${file}: ${describeError(error)}`);
    return ExitCode.FAILED;
  }
  try {
    // The secret only hashes new input; a backup reads, so a throwaway one is enough.
    const service = createDrawcastService({
      store,
      clock: systemClock,
      random: cryptoRandom,
      secret: 'backup',
    });
    const text = `${JSON.stringify(await service.backupEvent(eventId))}\n`;
    if (out === null) output.write(text);
    else {
      await writeFile(out, text, { flag: 'wx', mode: 0o600 });
      output.err(`wrote the backup of ${eventId} to ${out}`);
    }
    return ExitCode.OK;
  } catch (error) {
    output.err(`backup failed: ${describeError(error)}`);
    return ExitCode.FAILED;
  } finally {
    await store.close();
  }
}
