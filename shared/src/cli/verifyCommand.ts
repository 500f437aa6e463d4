// The `npm run verify` command: load a proof from a file or URL, verify it, print each check.
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { verifyProof } from '../fairness';

/** Exit codes: 0 verified, 1 a check failed, 2 the proof could not be read (usage, IO, not JSON). */
export const ExitCode = { VERIFIED: 0, CHECK_FAILED: 1, UNREADABLE: 2 } as const;

/** Where the command writes, injectable so the wording can be read in one place. */
export interface CommandOutput {
  out: (line: string) => void;
  err: (line: string) => void;
  /** Directory relative file paths are taken from (npm runs scripts from the repo root). */
  cwd: string;
}

const USAGE = 'usage: npm run verify -- <proof.json | https://host/api/rounds/<roundId>/proof>';
const FETCH_TIMEOUT_MS = 15_000;

/** Runs the command for argv (without node and script) and returns the process exit code. */
export async function runVerifyCommand(args: readonly string[], output: CommandOutput): Promise<number> {
  if (args.length !== 1 || args[0] === '--help' || args[0] === '-h') {
    output.err(USAGE);
    return ExitCode.UNREADABLE;
  }
  const source = args[0];
  let text: string;
  try {
    text = /^https?:\/\//i.test(source)
      ? await fetchText(source)
      : await readFile(resolve(output.cwd, source), 'utf8');
  } catch (error) {
    output.err(`cannot read ${source}: ${error instanceof Error ? error.message : String(error)}`);
    return ExitCode.UNREADABLE;
  }
  let proof: unknown;
  try {
    proof = JSON.parse(text);
  } catch {
    output.err(`cannot read ${source}: not JSON`);
    return ExitCode.UNREADABLE;
  }
  const verdict = verifyProof(proof);
  const roundId =
    typeof proof === 'object' && proof !== null ? (proof as { roundId?: unknown }).roundId : undefined;
  output.out(`drawcast-v1 proof of round ${JSON.stringify(roundId ?? '?')} from ${source}`);
  for (const check of verdict.checks) {
    output.out(`${check.ok ? '✓' : '✗'} ${check.check.padEnd(10)} ${check.message}`);
  }
  if (!verdict.ok) {
    output.out(`NOT VERIFIED: the ${verdict.failed} check failed`);
    return ExitCode.CHECK_FAILED;
  }
  const winners = (proof as { winners: string[] }).winners;
  output.out(`VERIFIED: ${winners.length} winner(s) in order drawn: ${winners.join(', ')}`);
  return ExitCode.VERIFIED;
}

async function fetchText(url: string): Promise<string> {
  const response = await fetch(url, {
    headers: { accept: 'application/json' },
    signal: AbortSignal.timeout(FETCH_TIMEOUT_MS),
  });
  if (!response.ok) throw new Error(`HTTP ${response.status} ${response.statusText}`);
  return response.text();
}
