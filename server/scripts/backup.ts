// Entry of `npm run -s backup -- --data-dir D --event ID > file.json`; see src/cli/backupCommand.ts.
import { runBackup } from '../src/cli/backupCommand';

process.exitCode = await runBackup(process.argv.slice(2), {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
  write: (text) => process.stdout.write(text),
  cwd: process.env.INIT_CWD ?? process.cwd(),
});
