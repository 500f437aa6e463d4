import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { verifyProof } from '@drawcast/shared';
import { createDrawcastService } from '../services/drawcastService';
import { runFullEvent, type FullEvent } from '../services/fullEventScenario';
import { ManualClock, seededRandom, TEST_CONTACT_KEY, TEST_SECRET } from '../services/testHarness';
import { createSqliteStore } from '../store/sqlite/sqliteStore';
import { runAuditVerify } from './auditVerifyCommand';
import { runBackup } from './backupCommand';
import { DATABASE_FILE } from './commandIo';
import { runRestore } from './restoreCommand';

const ROOT = resolve(import.meta.dirname, '../../..');
const temp: string[] = [];
afterAll(() => {
  for (const dir of temp) rmSync(dir, { recursive: true, force: true });
});

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'drawcast-cli-'));
  temp.push(dir);
  return dir;
}

/** Runs a real process from the repo root and collects its output. */
function run(
  command: string,
  args: string[],
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((done, fail) => {
    const child = spawn(command, args, { cwd: ROOT, env: { ...process.env, INIT_CWD: ROOT } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.on('error', fail);
    child.on('close', (code) => done({ code, stdout, stderr }));
  });
}

function service(file: string, clock = new ManualClock()) {
  const store = createSqliteStore({ file });
  return {
    store,
    clock,
    service: createDrawcastService({
      store,
      clock,
      random: seededRandom('cli'),
      secret: TEST_SECRET,
      contactKey: TEST_CONTACT_KEY,
    }),
  };
}

/** A data dir holding one full event (closed again), plus its secret and contact key files. */
async function dataDirWithEvent(): Promise<{ dir: string; run: FullEvent; now: number }> {
  const dir = tempDir();
  const s = service(join(dir, DATABASE_FILE));
  const result = await runFullEvent(s);
  await s.store.close();
  writeFileSync(join(dir, 'secret'), `${TEST_SECRET}\n`);
  writeFileSync(join(dir, 'contact.key'), `${Buffer.from(TEST_CONTACT_KEY).toString('hex')}\n`);
  return { dir, run: result, now: s.clock.now() };
}

const lines = () => {
  const out: string[] = [];
  const err: string[] = [];
  return {
    out,
    err,
    io: {
      out: (l: string) => out.push(l),
      err: (l: string) => err.push(l),
      write: (t: string) => out.push(t),
      cwd: ROOT,
    },
  };
};

describe('npm run audit:verify', () => {
  it('passes an intact chain and names the seq of a row edited with a raw UPDATE', async () => {
    const { dir, run: event } = await dataDirWithEvent();
    const intact = await run('npm', ['run', '-s', 'audit:verify', '--', '--data-dir', dir]);
    expect(intact.stderr).toBe('');
    expect(intact.code).toBe(0);
    expect(intact.stdout).toContain(`✓ ${event.event.id}: `);
    expect(intact.stdout).toContain('AUDIT CHAIN INTACT: 1 event(s)');

    const db = new Database(join(dir, DATABASE_FILE));
    const target = db
      .prepare<[string], { seq: number; data: string }>(
        "SELECT seq, data FROM audit_log WHERE event_id = ? AND action = 'round.entropy' ORDER BY seq LIMIT 1",
      )
      .get(event.event.id)!;
    const forged = target.data.replace('beacon r1', 'beacon r2');
    expect(forged).not.toBe(target.data);
    const update = `UPDATE audit_log SET data = ? WHERE event_id = ? AND seq = ?`;
    // The server's own schema refuses edits; an attacker with the file drops the trigger first.
    expect(() => db.prepare(update).run(forged, event.event.id, target.seq)).toThrow(/append-only/);
    db.exec('DROP TRIGGER audit_log_no_update');
    expect(db.prepare(update).run(forged, event.event.id, target.seq).changes).toBe(1);
    db.close();

    const broken = await run(process.execPath, [
      '--import',
      'tsx',
      'server/scripts/audit-verify.ts',
      '--data-dir',
      dir,
    ]);
    expect(broken.code).toBe(1);
    expect(broken.stdout).toContain(
      `✗ ${event.event.id}: BROKEN at seq ${target.seq}: record ${target.seq} was edited`,
    );
    expect(broken.stdout).toContain('AUDIT CHAIN BROKEN in 1 of 1 event(s)');
  }, 60_000);

  it('exits 2 with the usage for bad arguments or a missing database', async () => {
    const a = lines();
    expect(await runAuditVerify([], a.io)).toBe(2);
    expect(a.err.join('\n')).toMatch(/--data-dir is required[\s\S]*usage: npm run audit:verify/);
    const b = lines();
    expect(await runAuditVerify(['--data-dir', tempDir()], b.io)).toBe(2);
    expect(b.err.join()).toMatch(/no database at/);
  });
});

describe('npm run backup / restore', () => {
  it('backs up with `npm run backup > file` and restores into an empty dir with every proof identical', async () => {
    const { dir, run: event, now } = await dataDirWithEvent();
    const backup = await run('npm', ['run', 'backup', '--', '--data-dir', dir, '--event', event.event.id]);
    expect(backup.code).toBe(0);
    const file = join(tempDir(), 'backup.json');
    writeFileSync(file, backup.stdout); // exactly what `> file.json` would hold, npm's banner included

    const empty = join(tempDir(), 'restored');
    const restore = await run('npm', ['run', 'restore', '--', '--data-dir', empty, file, '--keys-from', dir]);
    expect(restore.stderr).toBe('');
    expect(restore.code).toBe(0);
    expect(restore.stdout).toContain(
      `restored event ${event.event.id} into ${empty}: 14 participants, 5 rounds`,
    );
    expect(readdirSync(empty).sort()).toEqual(['contact.key', DATABASE_FILE, 'secret']);

    const before = service(join(dir, DATABASE_FILE), new ManualClock(now));
    const after = service(join(empty, DATABASE_FILE), new ManualClock(now));
    try {
      for (const round of event.revealed) {
        const proof = await after.service.getProof(round.id);
        expect(proof).toEqual(await before.service.getProof(round.id));
        expect(proof.revealed && verifyProof(proof).ok).toBe(true);
      }
      expect(await after.service.verifyAudit(event.event.id)).toMatchObject({ ok: true });
    } finally {
      await before.store.close();
      await after.store.close();
    }

    // A non-empty dir is refused and left as it was.
    const again = lines();
    expect(await runRestore(['--data-dir', empty, file], again.io)).toBe(2);
    expect(again.err.join()).toMatch(/is not empty/);
    expect(readdirSync(empty).sort()).toEqual(['contact.key', DATABASE_FILE, 'secret']);
  }, 60_000);

  it('refuses a tampered backup before creating anything, and reports bad arguments', async () => {
    const { dir, run: event } = await dataDirWithEvent();
    const out = join(tempDir(), 'doc.json');
    const ok = lines();
    expect(await runBackup(['--data-dir', dir, '--event', event.event.id, '--out', out], ok.io)).toBe(0);
    const doc = JSON.parse(await import('node:fs/promises').then((fs) => fs.readFile(out, 'utf8')));
    doc.rounds[0].entries[0].weight += 1;
    const tampered = join(tempDir(), 'tampered.json');
    writeFileSync(tampered, JSON.stringify(doc));
    const target = join(tempDir(), 'never');
    const bad = lines();
    expect(await runRestore(['--data-dir', target, tampered], bad.io)).toBe(2);
    expect(bad.err.join()).toMatch(/INVALID_BACKUP \(rounds\[0\]\.entriesDigest\)/);
    expect(existsSync(target)).toBe(false);
    const notJson = join(tempDir(), 'x.json');
    writeFileSync(notJson, 'hello');
    const junk = lines();
    expect(await runRestore(['--data-dir', target, notJson], junk.io)).toBe(2);
    expect(junk.err.join()).toMatch(/not JSON/);
    const unknown = lines();
    expect(await runBackup(['--data-dir', dir, '--event', 'evt_nothere00000000'], unknown.io)).toBe(2);
    expect(unknown.err.join()).toMatch(/EVENT_NOT_FOUND/);
    const usage = lines();
    expect(await runBackup(['--data-dir', dir], usage.io)).toBe(2);
    expect(usage.err.join()).toMatch(/--event is required/);
  });
});
