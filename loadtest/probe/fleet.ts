// The phone fleet: several child processes (phones.ts), each with its own 127.x.y.z source address and at
// most `perChild` phones, so no process nears the 20,000 open-file limit nor an address its ~28,000 ports.
import { fork } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import path from 'node:path';
import type { RoundRevealDto } from '@drawcast/shared';
import type { FleetCommand, FleetReport, PhoneRecord, StartCommand } from './fleetProtocol';

/** How to start the phones; `block` (1..254) picks 127.<block>.*.* so runs and phases never share ports. */
export type FleetOptions = Omit<StartCommand, 'type' | 'first' | 'count' | 'localAddress'> & {
  phones: number;
  perChild: number;
  block: number;
  onProgress?: (ready: number, failed: number) => void;
};

/** A started fleet: every phone connected (and joined) and clock-synced, or counted as failed. */
export interface Fleet {
  ready: number;
  failed: number;
  firstError: string;
  /** The first round:reveal any phone received (the bare baseline broadcasts the same). */
  payload: Promise<RoundRevealDto>;
  /** Every phone's record of a round once each child has them all, or what there is after `timeoutMs`. */
  records(roundId: string, timeoutMs: number): Promise<PhoneRecord[]>;
  /** Every phone syncs its clock again (after the ramp, before the draws). */
  resync(): Promise<void>;
  close(): Promise<void>;
}

/** Why: one place that ramps phones up over child processes and gathers what they measured. */
export async function startFleet(o: FleetOptions): Promise<Fleet> {
  const childCount = Math.ceil(o.phones / o.perChild);
  const children: ChildProcess[] = [];
  const progress = new Map<number, { ready: number; failed: number }>();
  const revealed = new Map<string, Map<number, PhoneRecord[]>>();
  const roundOf = (roundId: string) =>
    revealed.get(roundId) ?? revealed.set(roundId, new Map()).get(roundId)!;
  let onRevealed = () => {};
  let resynced = 0;
  let onResynced = () => {};
  let gotPayload: (p: RoundRevealDto) => void = () => {};
  const payload = new Promise<RoundRevealDto>((resolve) => (gotPayload = resolve));
  const ready = Array.from({ length: childCount }, (_, c) => {
    const child = fork(path.join(import.meta.dirname, 'phones.ts'), [], {
      execArgv: ['--import', 'tsx'],
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    children.push(child);
    const first = c * o.perChild;
    const { phones, perChild, block, onProgress, ...common } = o;
    void onProgress;
    const start: StartCommand = {
      ...common,
      type: 'start',
      first,
      count: Math.min(perChild, phones - first),
      localAddress: `127.${block}.${Math.floor(c / 250)}.${(c % 250) + 1}`,
    };
    child.send(start);
    return new Promise<{ ready: number; failed: number; firstError: string }>((resolve, reject) => {
      child.on('message', (m: FleetReport) => {
        if (m.type === 'progress' || m.type === 'ready') {
          progress.set(c, m);
          const sum = [...progress.values()].reduce((a, b) => ({
            ready: a.ready + b.ready,
            failed: a.failed + b.failed,
          }));
          o.onProgress?.(sum.ready, sum.failed);
        }
        if (m.type === 'ready') resolve(m);
        if (m.type === 'payload') gotPayload(m.payload);
        if (m.type === 'resynced') {
          resynced++;
          onResynced();
        }
        if (m.type === 'revealed' && !roundOf(m.roundId).has(c)) {
          roundOf(m.roundId).set(c, m.records);
          onRevealed();
        }
      });
      child.once('exit', (code) => reject(new Error(`phone fleet child ${c} exited with ${code}`)));
    });
  });
  const done = await Promise.all(ready);
  return {
    ready: done.reduce((s, d) => s + d.ready, 0),
    failed: done.reduce((s, d) => s + d.failed, 0),
    firstError: done.find((d) => d.firstError)?.firstError ?? '',
    payload,
    records: (roundId, timeoutMs) =>
      new Promise((resolve) => {
        const got = roundOf(roundId);
        const finish = () => {
          clearTimeout(timer);
          onRevealed = () => {};
          resolve([...got.values()].flat());
        };
        onRevealed = () => {
          if (got.size === childCount) finish();
        };
        // Past the deadline, children that still miss reveals send what they have.
        const timer = setTimeout(() => {
          children.forEach((child, c) => {
            if (!got.has(c)) child.send({ type: 'collect', roundId } satisfies FleetCommand);
          });
        }, timeoutMs);
        onRevealed();
      }),
    resync: () =>
      new Promise<void>((resolve) => {
        resynced = 0;
        onResynced = () => {
          if (resynced === childCount) resolve();
        };
        for (const child of children) child.send({ type: 'resync' } satisfies FleetCommand);
      }),
    close: async () => {
      await Promise.all(
        children.map(
          (child) =>
            new Promise<void>((resolve) => {
              if (child.exitCode !== null) return resolve();
              child.once('exit', () => resolve());
              child.send({ type: 'close' } satisfies FleetCommand);
            }),
        ),
      );
    },
  };
}
