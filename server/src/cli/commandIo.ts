// What the maintenance commands (audit:verify, backup, restore) share: output, exit codes, the data dir.
import { resolve } from 'node:path';
import { parseArgs, type ParseArgsConfig } from 'node:util';

/** Exit codes: 0 done / intact, 1 the audit chain is broken, 2 could not run (usage, IO, bad input). */
export const ExitCode = { OK: 0, BROKEN: 1, FAILED: 2 } as const;

/** Where a command writes, injectable so tests read the wording in one place. */
export interface CommandOutput {
  out: (line: string) => void;
  err: (line: string) => void;
  /** Directory relative paths are taken from (npm runs scripts from the repo root; INIT_CWD is the user's). */
  cwd: string;
}

/** The database file name inside a data dir (what `npm start` opens: DRAWCAST_DATA_DIR/drawcast.db). */
export const DATABASE_FILE = 'drawcast.db';

/** The server secret and contact key files of a data dir, which a restore may copy along. */
export const DATA_DIR_KEY_FILES = ['secret', 'contact.key'] as const;

/** A usage problem: printed with the usage line, exit code 2. */
export class UsageError extends Error {}

/** node:util parseArgs with unknown options refused, turned into UsageError. */
export function parseCommandArgs<O extends NonNullable<ParseArgsConfig['options']>>(
  args: readonly string[],
  options: O,
  allowPositionals: boolean,
) {
  try {
    return parseArgs({ args: [...args], options, allowPositionals, strict: true });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
}

/** An option that must be present and non-empty. */
export function required(value: string | boolean | undefined, name: string): string {
  if (typeof value !== 'string' || value === '') throw new UsageError(`--${name} is required`);
  return value;
}

/** A path as the user meant it (relative to where they typed the command). */
export function userPath(output: CommandOutput, path: string): string {
  return resolve(output.cwd, path);
}

/** The message of anything thrown, with the typed error's field when it has one. */
export function describeError(error: unknown): string {
  if (error instanceof Error) {
    const field = (error as { field?: unknown }).field;
    const code = (error as { code?: unknown }).code;
    const prefix =
      typeof code === 'string' ? `${code}${typeof field === 'string' ? ` (${field})` : ''}: ` : '';
    return `${prefix}${error.message}`;
  }
  return String(error);
}
