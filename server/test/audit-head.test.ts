// Issue #9: records cut off the end of an event's audit log are caught against a head kept outside the
// database: from an earlier proof (in full or as a stage shows it), or from a backup.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatAuditHead, verifyProof } from '@drawcast/shared';
import type { RoundDto } from '@drawcast/shared';
import { runAuditVerify } from '../src/cli/auditVerifyCommand';
import { deviceToken, okData, openEventWithPrize, startTestServer } from './harness';
import type { TestServer } from './harness';

async function auditVerify(args: string[]): Promise<{ code: number; out: string }> {
  const lines: string[] = [];
  const code = await runAuditVerify(args, { out: (l) => lines.push(l), err: (l) => lines.push(l), cwd: '/' });
  return { code, out: lines.join('\n') };
}

describe('audit head', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer();
  });
  afterAll(async () => {
    await t.close();
  });

  it('detects the last records deleted (triggers dropped) against the head of an earlier proof or backup', async () => {
    const { eventId, joinCode, prizeId } = await openEventWithPrize(t);
    const phone = await t.connect();
    for (let i = 0; i < 3; i += 1) {
      okData(
        await phone.emitWithAck('event:join', { joinCode, nickname: `n${i}`, deviceToken: deviceToken() }),
      );
    }
    const round = (await t.api<RoundDto>('POST', `/api/events/${eventId}/rounds`, { prizeId, winners: 1 }))
      .body;
    await t.api('POST', `/api/rounds/${round.id}/close`);
    await t.api('POST', `/api/rounds/${round.id}/draw`);
    const proof = (
      await t.api<{ auditHead: { seq: number; hash: string } }>('GET', `/api/rounds/${round.id}/proof`)
    ).body;
    expect(verifyProof(proof)).toMatchObject({ ok: true });
    const head = proof.auditHead;
    const backup = (await t.api<{ auditHead: { seq: number } }>('GET', `/api/events/${eventId}/backup`)).body;
    expect(backup.auditHead.seq).toBeGreaterThanOrEqual(head.seq);
    const backupFile = path.join(t.dataDir, 'backup.json');
    writeFileSync(backupFile, JSON.stringify(backup));
    const proofFile = path.join(t.dataDir, 'proof.json');
    writeFileSync(proofFile, JSON.stringify(proof));
    await t.api('POST', `/api/events/${eventId}/rounds`, { prizeId, winners: 1 }); // the log goes on

    const full = formatAuditHead(head);
    const short = formatAuditHead(head, true);
    const dataDir = ['--data-dir', t.dataDir, '--event', eventId];
    expect(await t.api('GET', `/api/events/${eventId}/audit/verify?head=${full}`)).toMatchObject({
      body: { ok: true, anchoredAt: head },
    });
    expect((await auditVerify([...dataDir, '--head', full])).code).toBe(0);

    // The attacker has the file: drops the append-only trigger and cuts the draw and everything after.
    const db = new Database(path.join(t.dataDir, 'drawcast.db'));
    db.exec('DROP TRIGGER audit_log_no_delete');
    db.prepare('DELETE FROM audit_log WHERE event_id = ? AND seq >= ?').run(eventId, head.seq);
    db.close();

    // What is left is a perfectly linked chain: without a head nothing can tell.
    expect((await t.api('GET', `/api/events/${eventId}/audit/verify`)).body).toMatchObject({ ok: true });
    expect((await auditVerify(dataDir)).code).toBe(0);

    // Against the proof's head (in full, or the short form off a screenshot) the cut shows.
    for (const given of [full, short]) {
      const verdict = await t.api('GET', `/api/events/${eventId}/audit/verify?head=${given}`);
      expect(verdict.body).toMatchObject({ ok: false, truncated: true, brokenAt: head.seq });
      const cli = await auditVerify([...dataDir, '--head', given]);
      expect(cli.code).toBe(1);
      expect(cli.out).toMatch(new RegExp(`TRUNCATED at seq ${head.seq}`));
    }
    // The proof or the backup file itself as the head (the backup names its event).
    expect((await auditVerify([...dataDir, '--head', proofFile])).code).toBe(1);
    const fromBackup = await auditVerify(['--data-dir', t.dataDir, '--head', backupFile]);
    expect(fromBackup).toMatchObject({ code: 1, out: expect.stringMatching(/TRUNCATED/) });
  });

  it('refuses a head that is not seq:hash, and a head without an event when several exist', async () => {
    await openEventWithPrize(t);
    expect((await auditVerify(['--data-dir', t.dataDir, '--head', '12'])).code).toBe(2);
    const several = await auditVerify(['--data-dir', t.dataDir, '--head', `1:${'a'.repeat(64)}`]);
    expect(several).toMatchObject({ code: 2, out: expect.stringMatching(/--event/) });
  });
});
