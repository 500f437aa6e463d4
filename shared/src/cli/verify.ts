// Entry point of `npm run verify -- <proof.json | proof URL>`; see verifyCommand.ts.
import { runVerifyCommand } from './verifyCommand';

process.exitCode = await runVerifyCommand(process.argv.slice(2), {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
  // npm runs the script from the repo root; INIT_CWD is where the user typed the command.
  cwd: process.env.INIT_CWD ?? process.cwd(),
});
