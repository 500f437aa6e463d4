// Every Socket.IO command (from the server's own registry, so new ones are fuzzed after merges) gets hostile payloads
// from host, phone and stage sockets: each is answered with a typed ack, a rejected one commits nothing, the
// server stays up, the store is unchanged and the heap is flat.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COMMAND_NAMES } from '../../src/realtime/commandNames';
import type { Client } from '../harness';
import { fuzzRuns, settledHeap, startFuzzFixture, typedAckProblem, wireSize } from './fuzzFixture';
import type { FuzzFixture } from './fuzzFixture';
import { hostilePayload } from './hostileValues';

const RUNS = fuzzRuns(500);
/** Under the server's 64 kB maxHttpBufferSize; bigger frames are dropped with the connection (tested apart). */
/** A loaded 2-core machine answers a case in ~5 ms; leave ten times that. */
const TIMEOUT_MS = RUNS * 50 + 60_000;
const MAX_WIRE = 56 * 1024;
const RESERVED = new Set([
  'connect',
  'connect_error',
  'disconnect',
  'disconnecting',
  'newListener',
  'removeListener',
]);

type Emit = (event: string, ...args: unknown[]) => Promise<unknown>;

describe(`socket command fuzz (${RUNS} cases per command)`, () => {
  let f: FuzzFixture;
  let sockets: Client[];
  let baseline: Record<string, string[]>;
  let version: number;
  let heapBefore: number;
  const accepted = new Map<string, number>();

  /** Sends one case; a commit is only allowed after an ok ack, and moves the baseline snapshot. */
  async function check(socket: Client, event: string, args: unknown[]): Promise<void> {
    const emit = socket.timeout(10_000).emitWithAck.bind(socket) as unknown as Emit;
    const ack = await emit(event, ...args);
    expect(typedAckProblem(ack), `${event} ${JSON.stringify(args).slice(0, 300)}`).toBeNull();
    const ok = (ack as { ok: boolean }).ok;
    if (ok) accepted.set(event, (accepted.get(event) ?? 0) + 1);
    const now = f.probe.dataVersion();
    expect({ event, committedWhileRejected: now !== version && !ok }).toEqual({
      event,
      committedWhileRejected: false,
    });
    if (now !== version) {
      version = now;
      baseline = f.probe.snapshot();
    }
  }

  beforeAll(async () => {
    f = await startFuzzFixture();
    const host = await f.t.connect({ role: 'host', hostToken: f.t.token });
    const stage = await f.t.connect({ role: 'stage' });
    sockets = [host, f.phone, stage];
    // Warm up every code path once before measuring the heap.
    for (const event of COMMAND_NAMES) for (const s of sockets) await check(s, event, [{}]);
    baseline = f.probe.snapshot();
    version = f.probe.dataVersion();
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
        const payload = hostilePayload(f.realValues).filter((p) => wireSize(p) < MAX_WIRE);
        await fc.assert(
          fc.asyncProperty(fc.nat({ max: 2 }), payload, fc.boolean(), async (who, p, twoArgs) => {
            await check(sockets[who]!, event, twoArgs ? [p, 'extra'] : [p]);
          }),
          { numRuns: RUNS },
        );
      },
      TIMEOUT_MS,
    );
  }

  it(
    'answers unknown command names with a typed UNKNOWN_COMMAND',
    async () => {
      const name = fc
        .oneof(fc.string({ maxLength: 40 }), fc.string({ unit: 'binary', maxLength: 40 }))
        .filter((n) => !RESERVED.has(n) && !COMMAND_NAMES.includes(n));
      await fc.assert(
        fc.asyncProperty(fc.nat({ max: 2 }), name, async (who, n) => {
          const emit = sockets[who]!.timeout(10_000).emitWithAck.bind(sockets[who]) as unknown as Emit;
          expect(await emit(n, {})).toMatchObject({ ok: false, code: 'UNKNOWN_COMMAND' });
        }),
        { numRuns: RUNS },
      );
    },
    TIMEOUT_MS,
  );

  it('keeps the store as the last accepted command left it, stays up, and the heap flat', async () => {
    expect(f.probe.snapshot()).toEqual(baseline);
    for (const s of sockets) expect(s.connected).toBe(true);
    expect((await f.t.api('GET', '/healthz', undefined, null)).status).toBe(200);
    const heapAfter = settledHeap();
    console.info(
      `socket fuzz: ${RUNS} cases x ${COMMAND_NAMES.length} commands; accepted ${JSON.stringify(Object.fromEntries(accepted))}; heap ${(heapBefore / 1e6).toFixed(1)} -> ${(heapAfter / 1e6).toFixed(1)} MB`,
    );
    expect(heapAfter).toBeLessThan(heapBefore * 1.1);
  });
});
