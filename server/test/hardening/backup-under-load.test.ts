// `npm run backup` taken while an event runs with phones joining, then `npm run restore` into a fresh data
// dir: every proof and the audit chain come back identical, no join acked before the backup began is
// missing, and a round committed (and closed) before the backup draws the same winners on both servers.
import { spawn } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { verifyProof } from '@drawcast/shared';
import type { RoundDto } from '@drawcast/shared';
import { deviceToken, okData, openEventWithPrize, startTestServer, tempDataDir } from '../harness';
import type { TestServer } from '../harness';

const repoRoot = path.resolve(import.meta.dirname, '..', '..', '..');

/** Runs `npm run -s <script> -- …args` from the repository root; resolves with its exit code and stderr. */
function npmRun(script: string, args: string[]): Promise<{ code: number | null; err: string }> {
  const proc = spawn('npm', ['run', '-s', script, '--', ...args], {
    cwd: repoRoot,
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let err = '';
  proc.stderr.on('data', (d: Buffer) => (err += String(d)));
  return new Promise((resolve) => proc.once('exit', (code) => resolve({ code, err })));
}

interface AuditRecord {
  seq: number;
  hash: string;
}

async function auditRecords(t: TestServer, eventId: string): Promise<AuditRecord[]> {
  const all: AuditRecord[] = [];
  for (;;) {
    const page = await t.api<{ records: AuditRecord[] }>(
      'GET',
      `/api/events/${eventId}/audit?afterSeq=${all.length === 0 ? 0 : all.at(-1)!.seq}&limit=1000`,
    );
    all.push(...page.body.records);
    if (page.body.records.length < 1000) return all;
  }
}

describe('backup under load', () => {
  const servers: TestServer[] = [];
  const dirs: string[] = [];
  afterAll(async () => {
    for (const t of servers) await t.close();
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  });

  it('restores every proof, the audit chain and every join acked before the backup began', async () => {
    // The per-IP join limit (1200/min) would stop this one-address crowd; it is not what is tested here.
    const live = await startTestServer({ config: { joinsPerIpPerMinute: 1_000_000 } });
    servers.push(live);
    const { eventId, joinCode, prizeId } = await openEventWithPrize(live, { quantity: 6 });
    const phones = await Promise.all(Array.from({ length: 4 }, () => live.connect()));
    const acked: Array<{ id: string }> = [];
    const join = async (i: number) => {
      const ack = await phones[i % phones.length]!.emitWithAck('event:join', {
        joinCode,
        nickname: `P${i}`,
        deviceToken: deviceToken(),
      });
      acked.push({ id: okData(ack).participantId });
    };
    for (let i = 0; i < 40; i += 1) await join(i);

    // Before the backup: one round drawn (its proof), one committed and closed (drawn after it).
    const round = async () =>
      (await live.api<RoundDto>('POST', `/api/events/${eventId}/rounds`, { prizeId, winners: 2 })).body;
    const drawnBefore = await round();
    expect((await live.api('POST', `/api/rounds/${drawnBefore.id}/draw`)).status).toBe(200);
    const pending = await round();
    expect((await live.api('POST', `/api/rounds/${pending.id}/close`)).status).toBe(200);

    // Phones keep joining, four at a time (about 200 a second at most), from before the backup starts
    // until after it ends.
    let joining = true;
    let n = 40;
    const pour = (async () => {
      while (joining) {
        await Promise.all(Array.from({ length: 4 }, () => join(n++)));
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    })();
    while (acked.length < 80) await new Promise((resolve) => setImmediate(resolve));
    const backupDir = tempDataDir();
    dirs.push(backupDir);
    const file = path.join(backupDir, 'backup.json');
    const ackedBefore = acked.map((a) => a.id);
    const backup = await npmRun('backup', ['--data-dir', live.dataDir, '--event', eventId, '--out', file]);
    const joinsDuringBackup = acked.length - ackedBefore.length;
    joining = false;
    await pour;
    expect(backup).toMatchObject({ code: 0 });
    expect(joinsDuringBackup).toBeGreaterThan(0); // the backup really ran under load

    // The round closed before the backup is drawn on the live server after it.
    const liveDraw = (await live.api<RoundDto>('POST', `/api/rounds/${pending.id}/draw`)).body;

    const restoredDir = path.join(backupDir, 'restored');
    const restore = await npmRun('restore', ['--data-dir', restoredDir, file, '--keys-from', live.dataDir]);
    expect(restore).toMatchObject({ code: 0 });
    const document = JSON.parse(readFileSync(file, 'utf8')) as { auditHead: AuditRecord };
    const copy = await startTestServer({ dataDir: restoredDir });
    servers.push(copy);

    // No join acked before the backup began is missing.
    const ids = new Set<string>();
    for (let offset = 0; ; offset += 1000) {
      const page = await copy.api<{ participants: Array<{ id: string }> }>(
        'GET',
        `/api/events/${eventId}/participants?offset=${offset}&limit=1000`,
      );
      for (const p of page.body.participants) ids.add(p.id);
      if (page.body.participants.length < 1000) break;
    }
    console.log(
      `backup under load: ${ackedBefore.length} joins acked before the backup began, ${joinsDuringBackup} ` +
        `acked while it ran; ${ids.size} participants restored, audit head ${document.auditHead.seq}`,
    );
    expect(ackedBefore.length).toBeGreaterThanOrEqual(80);
    expect(ackedBefore.filter((id) => !ids.has(id))).toEqual([]);

    // The proof of the round drawn before the backup is reproduced exactly, and verifies.
    const proofOf = async (t: TestServer, id: string) =>
      (await t.api<Record<string, unknown>>('GET', `/api/rounds/${id}/proof`, undefined, null)).body;
    const restoredProof = await proofOf(copy, drawnBefore.id);
    expect(restoredProof).toEqual(await proofOf(live, drawnBefore.id));
    expect(verifyProof(restoredProof)).toMatchObject({ ok: true });

    // The round committed and closed before the backup draws the same winners on the copy.
    const copyDraw = (await copy.api<RoundDto>('POST', `/api/rounds/${pending.id}/draw`)).body;
    expect(copyDraw.winners!.map((w) => w.participantId)).toEqual(
      liveDraw.winners!.map((w) => w.participantId),
    );
    expect(verifyProof(await proofOf(copy, pending.id))).toMatchObject({ ok: true });

    // The audit chain up to the backup's head is the live chain's, record for record, and verifies.
    const head = `${document.auditHead.seq}:${document.auditHead.hash}`;
    expect((await copy.api(`GET`, `/api/events/${eventId}/audit/verify?head=${head}`)).body).toMatchObject({
      ok: true,
    });
    expect((await live.api(`GET`, `/api/events/${eventId}/audit/verify?head=${head}`)).body).toMatchObject({
      ok: true,
    });
    const upToHead = (records: AuditRecord[]) =>
      records.filter((r) => r.seq <= document.auditHead.seq).map((r) => [r.seq, r.hash]);
    const liveChain = upToHead(await auditRecords(live, eventId));
    expect(liveChain).toHaveLength(document.auditHead.seq);
    expect(upToHead(await auditRecords(copy, eventId))).toEqual(liveChain);
  });
});
