// Runs many generated cases against one entry point in concurrent batches: every answer is checked, the store's
// commit counter once per batch, and a batch that committed without an accepted case is replayed case by case
// to name the culprit (a bisection that cannot miss: one case at a time).
import fc from 'fast-check';
import type { StoreProbe } from './storeProbe';

/** What one case came back with: a problem (null when the answer is fine) and whether it was accepted. */
export interface Verdict {
  problem: string | null;
  accepted: boolean;
  /** Describes the case; a function, so a passing case never pays for printing its payload. */
  where(): string;
}

/** One entry point's run: cases from `arbitrary`, sent `batch` at a time through `send`. */
export interface BatchRun<T> {
  name: string;
  arbitrary: fc.Arbitrary<T>;
  runs: number;
  batch: number;
  seed: number;
  probe: StoreProbe;
  send(value: T): Promise<Verdict>;
  /** Called after a batch whose accepted cases committed, so the caller can move its baseline snapshot. */
  onCommit(): void;
}

/** Counts of one run, for the log line and the docs' figures. */
export interface BatchStats {
  cases: number;
  accepted: number;
  commits: number;
}

/** Why: a batch-level failure must still point at one case; this replays cases alone and reports the first that commits. */
async function findCommitter<T>(run: BatchRun<T>, values: T[]): Promise<string> {
  for (const value of values) {
    const before = run.probe.dataVersion();
    const verdict = await run.send(value);
    if (run.probe.dataVersion() !== before && !verdict.accepted) return verdict.where();
  }
  return 'no single case commits when replayed alone (an interaction inside the batch)';
}

/** Throws on the first bad answer, or on a commit that no accepted case explains. */
export async function runInBatches<T>(run: BatchRun<T>): Promise<BatchStats> {
  const stats: BatchStats = { cases: 0, accepted: 0, commits: 0 };
  for (let index = 0; stats.cases < run.runs; index += 1) {
    const size = Math.min(run.batch, run.runs - stats.cases);
    const seed = run.seed + index;
    const values = fc.sample(run.arbitrary, { numRuns: size, seed });
    const before = run.probe.dataVersion();
    const verdicts = await Promise.all(values.map((v) => run.send(v)));
    stats.cases += size;
    const bad = verdicts.find((v) => v.problem !== null);
    if (bad) throw new Error(`${run.name} (batch seed ${seed}): ${bad.problem}\n  case: ${bad.where()}`);
    const accepted = verdicts.filter((v) => v.accepted).length;
    stats.accepted += accepted;
    if (run.probe.dataVersion() === before) continue;
    // Something committed. Rejected cases must not have: replay them alone, as a batch first (cheap), then one by one.
    const rejected = values.filter((_v, i) => !verdicts[i]!.accepted);
    const mid = run.probe.dataVersion();
    const replayed = await Promise.all(rejected.map((v) => run.send(v)));
    // (A replayed case the new state now accepts may commit; only a replay rejected throughout must not.)
    const replayCommitted = run.probe.dataVersion() !== mid && !replayed.some((v) => v.accepted);
    if (accepted === 0 || replayCommitted) {
      const culprit = await findCommitter(run, rejected);
      throw new Error(`${run.name} (batch seed ${seed}): a rejected case committed\n  case: ${culprit}`);
    }
    stats.commits += 1;
    run.onCommit();
  }
  return stats;
}
