// The batch runner must still catch, and name, the one rejected case that commits, and a bad answer.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runInBatches } from './batchRunner';
import type { BatchRun, Verdict } from './batchRunner';
import { StoreProbe } from './storeProbe';

describe('runInBatches', () => {
  let dir: string;
  let db: Database.Database;
  let probe: StoreProbe;

  beforeEach(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'drawcast-batch-'));
    db = new Database(path.join(dir, 'x.db'));
    db.exec('CREATE TABLE t (n INTEGER)');
    probe = new StoreProbe(path.join(dir, 'x.db'));
  });
  afterEach(() => {
    probe.close();
    db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  /** A fake entry point on a real SQLite file: `commits(n)` writes a row, `accepts(n)` answers ok. */
  function run(commits: (n: number) => boolean, accepts: (n: number) => boolean): BatchRun<number> {
    return {
      name: 'fake',
      arbitrary: fc.integer({ min: 0, max: 999 }),
      runs: 1000,
      batch: 100,
      seed: 7,
      probe,
      async send(n): Promise<Verdict> {
        await new Promise((r) => setImmediate(r));
        if (commits(n)) db.prepare('INSERT INTO t VALUES (?)').run(n);
        return { problem: null, accepted: accepts(n), where: () => `n=${n}` };
      },
      onCommit: () => {},
    };
  }

  it('passes when only accepted cases commit, counting every case', async () => {
    const stats = await runInBatches(
      run(
        (n) => n % 97 === 0,
        (n) => n % 97 === 0,
      ),
    );
    expect(stats.cases).toBe(1000);
    expect(stats.accepted).toBeGreaterThan(0);
    expect(stats.commits).toBeGreaterThan(0);
  });

  it('names the rejected case that commits, alone in its batch', async () => {
    const values = fc.sample(fc.integer({ min: 0, max: 999 }), { numRuns: 100, seed: 7 });
    const culprit = values[42]!;
    await expect(
      runInBatches(
        run(
          (n) => n === culprit,
          () => false,
        ),
      ),
    ).rejects.toThrow(`a rejected case committed\n  case: n=${culprit}`);
  });

  it('names the rejected case that commits beside accepted ones that commit too', async () => {
    const values = fc.sample(fc.integer({ min: 0, max: 999 }), { numRuns: 100, seed: 7 });
    const culprit = values[13]!;
    const good = values[60]!;
    await expect(
      runInBatches(
        run(
          (n) => n === culprit || n === good,
          (n) => n === good && n !== culprit,
        ),
      ),
    ).rejects.toThrow(`case: n=${culprit}`);
  });

  it('fails on a bad answer, with the case', async () => {
    const r = run(
      () => false,
      () => false,
    );
    const send = r.send;
    r.send = async (n) => ({ ...(await send(n)), problem: n === 500 ? null : `bad ${n}` });
    await expect(runInBatches(r)).rejects.toThrow(/fake \(batch seed 7\): bad \d+\n {2}case: n=\d+/);
  });
});
