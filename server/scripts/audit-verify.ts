// Entry of `npm run audit:verify -- --data-dir D`; see src/cli/auditVerifyCommand.ts.
import { runAuditVerify } from '../src/cli/auditVerifyCommand';

process.exitCode = await runAuditVerify(process.argv.slice(2), {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
  cwd: process.env.INIT_CWD ?? process.cwd(),
});
