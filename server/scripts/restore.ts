// Entry of `npm run restore -- --data-dir EMPTY_DIR file.json`; see src/cli/restoreCommand.ts.
import { runRestore } from '../src/cli/restoreCommand';

process.exitCode = await runRestore(process.argv.slice(2), {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
  cwd: process.env.INIT_CWD ?? process.cwd(),
});
