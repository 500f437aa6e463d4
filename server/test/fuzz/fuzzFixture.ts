// One in-process server seeded with a live event (open, a prize, two entries, a committed and a drawn round, a claim),
// a read-only probe on its SQLite file, and the checks every fuzz case shares.
import path from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { ErrorCode } from '@drawcast/shared';
import type { ClaimDto, RoundDto } from '@drawcast/shared';
import { deviceToken, okData, openEventWithPrize, startTestServer } from '../harness';
import type { Client, TestServer } from '../harness';
import { StoreProbe } from './storeProbe';

/** Cases per entry point: DRAWCAST_FUZZ_RUNS, else the 10,000 (CI runs the full count). */
export function fuzzRuns(fallback = 10_000): number {
  const raw = Number(process.env.DRAWCAST_FUZZ_RUNS);
  return Number.isInteger(raw) && raw > 0 ? raw : fallback;
}

/** The fast-check seed of a run: DRAWCAST_FUZZ_SEED replays one (each batch logs its own seed on failure). */
export function fuzzSeed(): number {
  const raw = Number(process.env.DRAWCAST_FUZZ_SEED);
  return Number.isInteger(raw) ? raw : Math.floor(Math.random() * 2 ** 31);
}

/** A seeded server plus the ids a hostile payload may borrow to get past "not found". */
export interface FuzzFixture {
  t: TestServer;
  probe: StoreProbe;
  phone: Client;
  phoneToken: string;
  /** A desk credential for the seeded event (the staff role). */
  staffToken: string;
  realValues: Record<string, unknown[]>;
}

const CODES = new Set<string>(Object.values(ErrorCode));

/** Limits raised so validation and the services are reached instead of the rate limiters. */
export async function startFuzzFixture(): Promise<FuzzFixture> {
  const t = await startTestServer({
    config: { joinsPerIpPerMinute: 1e9, joinsPerDevicePerMinute: 1e9, authMaxFailures: 1e9 },
  });
  const ev = await openEventWithPrize(t, { quantity: 5 });
  const phoneToken = deviceToken();
  const phone = await t.connect();
  okData(
    await phone.emitWithAck('event:join', {
      joinCode: ev.joinCode,
      nickname: 'Ann',
      deviceToken: phoneToken,
    }),
  );
  const other = await t.connect();
  okData(
    await other.emitWithAck('event:join', {
      joinCode: ev.joinCode,
      nickname: 'Bob',
      deviceToken: deviceToken(),
    }),
  );
  const committed = (
    await t.api<RoundDto>('POST', `/api/events/${ev.eventId}/rounds`, { prizeId: ev.prizeId, winners: 1 })
  ).body;
  const toDraw = (
    await t.api<RoundDto>('POST', `/api/events/${ev.eventId}/rounds`, { prizeId: ev.prizeId, winners: 1 })
  ).body;
  const drawn = await t.api<RoundDto>('POST', `/api/rounds/${toDraw.id}/draw`);
  if (drawn.status !== 200) throw new Error(`draw: ${JSON.stringify(drawn.body)}`);
  const claims = (await t.api<ClaimDto[]>('GET', `/api/events/${ev.eventId}/claims`)).body;
  const claim = claims[0]!;
  const staff = await t.api<{ token: string }>('POST', `/api/events/${ev.eventId}/staff`, { label: 'Desk' });
  if (staff.status !== 201) throw new Error(`staff: ${JSON.stringify(staff.body)}`);
  const probe = new StoreProbe(path.join(t.dataDir, 'drawcast.db'));
  const realValues: Record<string, unknown[]> = {
    eventId: [ev.eventId],
    prizeId: [ev.prizeId],
    roundId: [committed.id, toDraw.id],
    claimId: [claim.id],
    participantId: drawn.body.winners!.map((w) => w.participantId),
    joinCode: [ev.joinCode],
    deviceToken: [phoneToken],
    nickname: ['Ann', 'Zoë'],
    code: [claim.id],
    winners: [1, 2],
    quantity: [1],
    title: ['Night'],
    name: ['Gift'],
    status: ['open', 'closed', 'draft'],
    publicEntropy: ['block 123'],
    settings: [{}, { streamDelayMs: 0 }],
    phone: ['13800138000'],
    contact: [{ name: 'A', phone: '13800138000', address: 'x' }],
    streamDelayMs: [0, 1000],
    tickets: [1],
  };
  return { t, probe, phone, phoneToken, staffToken: staff.body.token, realValues };
}

/** Why: "typed" means the client can switch on it: ok with data, or a known code with a message (never INTERNAL). */
export function typedAckProblem(ack: unknown): string | null {
  if (typeof ack !== 'object' || ack === null) return `not an object: ${String(ack)}`;
  const a = ack as { ok?: unknown; code?: unknown; message?: unknown; data?: unknown };
  if (a.ok === true) return 'data' in a ? null : 'ok without data';
  if (a.ok !== false) return `ok is ${String(a.ok)}`;
  if (typeof a.code !== 'string' || !CODES.has(a.code)) return `unknown code ${String(a.code)}`;
  if (a.code === ErrorCode.INTERNAL) return `INTERNAL: ${String(a.message)}`;
  if (typeof a.message !== 'string' || a.message.length === 0) return 'no message';
  return null;
}

/** Roughly the bytes a payload takes on the wire; iterative, so deep nesting does not overflow the stack. */
export function wireSize(value: unknown): number {
  let size = 0;
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const v = stack.pop();
    if (typeof v === 'string') size += v.length * 3 + 2;
    else if (Buffer.isBuffer(v)) size += v.byteLength;
    else if (Array.isArray(v)) {
      size += 2;
      for (const item of v) stack.push(item);
    } else if (typeof v === 'object' && v !== null) {
      for (const [k, item] of Object.entries(v)) {
        size += k.length * 3 + 4;
        stack.push(item);
      }
    } else size += 24;
  }
  return size;
}

/** `global.gc` without starting node with --expose-gc (V8 flag set at run time; a fresh context picks it up). */
export function forceGc(): void {
  setFlagsFromString('--expose-gc');
  const gc = runInNewContext('gc') as () => void;
  gc();
  gc();
}

/** Heap used after a full collection, in bytes. */
export function settledHeap(): number {
  forceGc();
  return process.memoryUsage().heapUsed;
}
