// The socket command fuzz, for the roles one test file covers: every command from the server's own registry (so
// new ones are fuzzed after merges) gets RUNS hostile payloads from each role's socket, pipelined in batches.
// Each is answered with a typed ack, a rejected one commits nothing, the server stays up, the store is unchanged
// and the heap is flat.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COMMAND_NAMES } from '../../src/realtime/commandNames';
import type { Client } from '../harness';
import { runInBatches } from './batchRunner';
import type { Verdict } from './batchRunner';
import { fuzzRuns, fuzzSeed, settledHeap, startFuzzFixture, typedAckProblem, wireSize } from './fuzzFixture';
import type { FuzzFixture } from './fuzzFixture';
import { hostilePayload } from './hostileValues';

/** A socket role the fuzz connects as (audience = a joined phone). */
export type FuzzRole = 'host' | 'audience' | 'stage' | 'staff';

const RUNS = fuzzRuns();
/** Cases in flight at once on one socket; each is still answered and checked on its own. */
const BATCH = 250;
/** Under the server's 64 kB maxHttpBufferSize; bigger frames are dropped with the connection (tested apart). */
const MAX_WIRE = 56 * 1024;
/** A loaded 2-core machine answers ~2 cases per ms when pipelined; leave ten times that per command. */
const TIMEOUT_MS = RUNS * 5 + 60_000;
const RESERVED = new Set([
  'connect',
  'connect_error',
  'disconnect',
  'disconnecting',
  'newListener',
  'removeListener',
]);

type Emit = (event: string, ...args: unknown[]) => Promise<unknown>;

/** An unknown event name must be refused with exactly UNKNOWN_COMMAND. */
function unknownCommandProblem(ack: unknown): string | null {
  const a = ack as { ok?: unknown; code?: unknown } | null;
  return a?.ok === false && a.code === 'UNKNOWN_COMMAND' ? null : `answered ${JSON.stringify(ack)}`;
}

/** Registers the describe block for `roles`: one test per command, RUNS cases per command per role. */
export function describeSocketFuzz(roles: FuzzRole[]): void {
  describe(`socket command fuzz as ${roles.join(' + ')} (${RUNS} cases per command, each from every role)`, () => {
    let f: FuzzFixture;
    const sockets = new Map<FuzzRole, Client>();
    let baseline: Record<string, string[]>;
    let heapBefore: number;
    const seed = fuzzSeed();
    /** Cases with at least one role's ok answer, per command. */
    const accepted: Record<string, number> = {};
    let cases = 0;

    /** Sends one case; the answer must pass `judge`, by default a typed ack (a timeout is a problem too). */
    async function send(
      role: FuzzRole,
      event: string,
      args: unknown[],
      judge: (ack: unknown) => string | null = typedAckProblem,
    ): Promise<Verdict> {
      const socket = sockets.get(role)!;
      const emit = socket.timeout(30_000).emitWithAck.bind(socket) as unknown as Emit;
      const where = () => `${role} ${JSON.stringify(event)} ${JSON.stringify(args)?.slice(0, 300)}`;
      try {
        const ack = await emit(event, ...args);
        const problem = judge(ack);
        return { problem, accepted: problem === null && (ack as { ok: boolean }).ok, where };
      } catch (err) {
        return { problem: `no answer: ${String(err)}`, accepted: false, where };
      }
    }

    /** One case from every role: the first problem wins; accepted when any role's answer was ok. */
    async function fromEveryRole(
      event: string,
      args: unknown[],
      judge: (ack: unknown) => string | null,
    ): Promise<Verdict> {
      const verdicts = await Promise.all(roles.map((role) => send(role, event, args, judge)));
      return verdicts.find((v) => v.problem !== null) ?? verdicts.find((v) => v.accepted) ?? verdicts[0]!;
    }

    beforeAll(async () => {
      f = await startFuzzFixture();
      const auth = {
        host: { role: 'host', hostToken: f.t.token },
        audience: null,
        stage: { role: 'stage' },
        staff: { role: 'staff', hostToken: f.staffToken },
      } as const;
      for (const role of roles) {
        const a = auth[role];
        sockets.set(role, a === null ? f.phone : await f.t.connect(a));
      }
      // Warm up every code path once before measuring the heap.
      for (const event of COMMAND_NAMES) for (const role of roles) await send(role, event, [{}]);
      baseline = f.probe.snapshot();
      heapBefore = settledHeap();
    });
    afterAll(async () => {
      f.probe.close();
      await f.t.close();
    });

    it('has commands to fuzz', () => {
      expect(COMMAND_NAMES.length).toBeGreaterThanOrEqual(20);
    });

    for (const event of COMMAND_NAMES) {
      it(
        `${event}: typed answer, nothing committed when rejected`,
        async () => {
          const payload = fc.tuple(
            hostilePayload(f.realValues).filter((p) => wireSize(p) < MAX_WIRE),
            fc.boolean(),
          );
          // Each generated case goes out from every role's socket at once: the same input, one answer per role.
          const stats = await runInBatches({
            name: event,
            arbitrary: payload,
            runs: RUNS,
            batch: BATCH,
            seed: seed + COMMAND_NAMES.indexOf(event) * 100_000,
            probe: f.probe,
            send: ([p, twoArgs]) => fromEveryRole(event, twoArgs ? [p, 'extra'] : [p], typedAckProblem),
            onCommit: () => {
              baseline = f.probe.snapshot();
            },
          });
          cases += stats.cases * roles.length;
          if (stats.accepted > 0) accepted[event] = stats.accepted;
          expect(stats.cases).toBe(RUNS);
        },
        TIMEOUT_MS * roles.length,
      );
    }

    it(
      'answers unknown command names with a typed UNKNOWN_COMMAND',
      async () => {
        const name = fc
          .oneof(fc.string({ maxLength: 40 }), fc.string({ unit: 'binary', maxLength: 40 }))
          .filter((n) => !RESERVED.has(n) && !COMMAND_NAMES.includes(n));
        const stats = await runInBatches({
          name: 'unknown command',
          arbitrary: name,
          runs: RUNS,
          batch: BATCH,
          seed,
          probe: f.probe,
          send: (n) => fromEveryRole(n, [{}], unknownCommandProblem),
          onCommit: () => {
            baseline = f.probe.snapshot();
          },
        });
        cases += stats.cases * roles.length;
        expect(stats.accepted).toBe(0);
      },
      TIMEOUT_MS * roles.length,
    );

    it('keeps the store as the last accepted command left it, stays up, and the heap flat', async () => {
      expect(f.probe.snapshot()).toEqual(baseline);
      for (const s of sockets.values()) expect(s.connected).toBe(true);
      expect((await f.t.api('GET', '/healthz', undefined, null)).status).toBe(200);
      const heapAfter = settledHeap();
      console.info(
        `socket fuzz (${roles.join(' + ')}, seed ${seed}): ${RUNS} cases x ${COMMAND_NAMES.length} commands x ${roles.length} roles + unknown names = ${cases} cases; accepted ${JSON.stringify(accepted)}; heap ${(heapBefore / 1e6).toFixed(1)} -> ${(heapAfter / 1e6).toFixed(1)} MB`,
      );
      expect(heapAfter).toBeLessThan(heapBefore * 1.1);
    });
  });
}
