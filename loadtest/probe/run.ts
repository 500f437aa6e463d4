// One probe run: Drawcast and then the bare baseline, the same number of phones each, the same draws each.
import os from 'node:os';
import { randomBytes } from 'node:crypto';
import { setTimeout as delay } from 'node:timers/promises';
import { RESYNC_DEFAULTS } from '@drawcast/shared';
import type { RoundRevealDto } from '@drawcast/shared';
import { startFleet } from './fleet';
import { sumStats } from './procStats';
import { medianSummary, summarize } from './summary';
import type { RevealSummary } from './summary';
import { openDrawEvent, startBare, startDrawcast } from './targets';
import type { Target } from './targets';

/** What a run is asked to do. */
export interface ProbeOptions {
  phones: number;
  nodes: number;
  perChild: number;
  maxSkewMs: number;
  clockSamples: number;
  concurrency: number;
  winners: number;
  /** Phones connect from 127.<block>.*.* (Drawcast) and 127.<block+1>.*.* (bare): a fresh block per run
   * keeps its ports clear of the last run's TIME_WAIT sockets. */
  addressBlock: number;
  /** Stop starting phones this long after the ramp began (0 = none): the biggest audience the time allows. */
  rampLimitSeconds: number;
  /** Every phone syncs its clock again after the ramp, in a quiet moment before the draws. */
  resync: boolean;
  /** Phones re-sync when a round is committed, at a random moment of `resyncWindowMs`, as the phone app
   * does; the first draw then waits for that window (off: the connect sync only, as before). */
  resyncOnCommit: boolean;
  resyncWindowMs: number;
  /** Draws (broadcasts) per phase; each figure is the median over them. */
  draws: number;
  websocketOnly: boolean;
  perMessageDeflate: boolean;
  bare: boolean;
  /** Quiet time after the ramp before memory is read, so join-time garbage and odds broadcasts settle. */
  settleMs: number;
  /** Extra environment for the servers (Drawcast and bare). */
  serverEnv: Record<string, string>;
  /** Node flags for a one-node Drawcast server, e.g. --cpu-prof (bare: BENCH_NODE_ARGS). */
  serverNodeArgs: string[];
  log: (line: string) => void;
}

/** One server's figures for a run (reveal figures: median over the draws). */
export interface PhaseResult extends RevealSummary {
  failed: number;
  firstError: string;
  rampSeconds: number;
  /** Server RSS growth from before the ramp to after it, per connected phone (KB). */
  rssPerPhoneKb: number;
  serverRssMb: number;
  /** Server CPU per phone set up (join + clock pings), µs. */
  rampCpuMicrosPerPhone: number;
  /** Server CPU from the draw (or broadcast) until every phone had it, ms (median over draws). */
  revealCpuMs: number;
  /** 1-minute load average at the first draw. */
  loadAverage: number;
  /** Per draw: lag p99 and spread, to show the noise behind the medians. */
  perDraw: RevealSummary[];
}

/** Both phases. */
export interface ProbeResult {
  drawcast: PhaseResult;
  bare: PhaseResult | null;
  payloadBytes: number;
}

/** Defaults of the CLI and the smoke test. */
export const defaultProbeOptions: ProbeOptions = {
  phones: 1000,
  nodes: 1,
  perChild: 2500,
  maxSkewMs: 5000,
  clockSamples: 5,
  concurrency: 50,
  winners: 10,
  draws: 3,
  resync: false,
  resyncOnCommit: true,
  resyncWindowMs: RESYNC_DEFAULTS.windowMs,
  rampLimitSeconds: 0,
  addressBlock: 11,
  websocketOnly: true,
  perMessageDeflate: false,
  bare: true,
  settleMs: 3000,
  serverEnv: {},
  serverNodeArgs: [],
  log: () => {},
};

/** One draw: its round (known before it fires, so the phones' records can be gathered) and its trigger. */
type DrawStep = (d: number) => Promise<{ roundId: string; fire: () => Promise<unknown> }>;

async function phase(
  o: ProbeOptions,
  name: string,
  target: Target,
  block: number,
  joinCode: string | null,
  leadMs: number,
  nextDraw: DrawStep,
): Promise<PhaseResult & { payload: Promise<RoundRevealDto> }> {
  const before = sumStats(target.pids);
  const started = performance.now();
  let lastLog = 0;
  const fleet = await startFleet({
    runId: randomBytes(4).toString('hex'),
    urls: target.urls,
    phones: o.phones,
    perChild: o.perChild,
    block,
    joinCode,
    maxSkewMs: o.maxSkewMs,
    clockSamples: o.clockSamples,
    resyncOnCommit: o.resyncOnCommit,
    resyncWindowMs: o.resyncWindowMs,
    concurrency: o.concurrency,
    transports: o.websocketOnly ? ['websocket'] : ['polling', 'websocket'],
    perMessageDeflate: o.perMessageDeflate,
    ...(o.rampLimitSeconds > 0 && { rampDeadline: Date.now() + o.rampLimitSeconds * 1000 }),
    onProgress: (ready, failed) => {
      if (performance.now() - lastLog < 5000) return;
      lastLog = performance.now();
      o.log(`${name}: ${ready}/${o.phones} phones ready, ${failed} failed`);
    },
  });
  const rampSeconds = (performance.now() - started) / 1000;
  const ramped = sumStats(target.pids);
  o.log(
    `${name}: ${fleet.ready} ready (${fleet.failed} failed${fleet.firstError ? `, first: ${fleet.firstError}` : ''}) in ${rampSeconds.toFixed(1)} s`,
  );
  if (o.resync) {
    await fleet.resync();
    o.log(`${name}: clocks synced again`);
  }
  let settled = ramped;
  let loadAverage = 0;
  const draws: RevealSummary[] = [];
  const cpu: number[] = [];
  try {
    for (let d = 0; d < o.draws; d++) {
      const { roundId, fire } = await nextDraw(d);
      // The first round's commit is the phones' cue to re-sync: its draw waits out their window.
      const quietMs = o.resyncOnCommit ? o.resyncWindowMs + 1000 : 0;
      await delay(d === 0 ? Math.max(o.settleMs, quietMs) : Math.min(o.settleMs, 1000));
      const atDraw = sumStats(target.pids);
      if (d === 0) {
        settled = atDraw;
        loadAverage = os.loadavg()[0]!;
      }
      await fire();
      const records = await fleet.records(roundId, leadMs + 30_000);
      cpu.push(sumStats(target.pids).cpuMs - atDraw.cpuMs);
      // Against the phones that connected (a ramp limit may have stopped short of o.phones).
      const summary = summarize(records, fleet.ready, leadMs);
      // The next round's entries may close only once this reveal is out on the phones.
      const revealAt = Math.max(0, ...records.map((r) => r.revealAt).filter(Number.isFinite));
      await delay(Math.max(0, revealAt + 50 - Date.now()));
      draws.push(summary);
      o.log(
        `${name} draw ${d + 1}: ${summary.received}/${o.phones} got it, lag p99 ${summary.lagP99} ms, spread ${summary.spread} ms`,
      );
    }
  } finally {
    await fleet.close();
  }
  return {
    ...medianSummary(draws),
    failed: fleet.failed,
    firstError: fleet.firstError,
    rampSeconds,
    rssPerPhoneKb: (settled.rssBytes - before.rssBytes) / 1024 / Math.max(1, fleet.ready),
    serverRssMb: settled.rssBytes / 1024 / 1024,
    rampCpuMicrosPerPhone: ((ramped.cpuMs - before.cpuMs) * 1000) / Math.max(1, fleet.ready),
    revealCpuMs: cpu.sort((a, b) => a - b)[Math.floor(cpu.length / 2)]!,
    loadAverage,
    perDraw: draws,
    payload: fleet.payload,
  };
}

/** Why: the figures the issue asks for, Drawcast and bare measured the same way in one command. */
export async function runProbe(o: ProbeOptions): Promise<ProbeResult> {
  const dc = await startDrawcast(o.nodes, o.serverEnv, o.serverNodeArgs);
  let drawcast: PhaseResult & { payload: Promise<RoundRevealDto> };
  let leadMs: number;
  try {
    const { event, nextRound } = await openDrawEvent(dc.urls[0]!, dc.hostToken, o.winners, o.draws);
    leadMs = event.settings.revealLeadMs;
    drawcast = await phase(o, 'drawcast', dc, o.addressBlock, event.joinCode, leadMs, nextRound);
  } finally {
    await dc.stop();
  }
  const payload = await Promise.race([drawcast.payload, delay(1000).then(() => null)]);
  const payloadBytes = payload ? Buffer.byteLength(JSON.stringify(payload)) : 0;
  if (!o.bare || !payload) return { drawcast, bare: null, payloadBytes };
  const bare = await startBare(o.nodes, leadMs, o.serverEnv);
  try {
    const result = await phase(o, 'bare', bare, o.addressBlock + 1, null, leadMs, async (d) => {
      const roundId = `${payload.roundId}-bare-${d}`;
      bare.commit();
      return {
        roundId,
        fire: async () => bare.reveal({ ...payload, roundId }),
      };
    });
    return { drawcast, bare: result, payloadBytes };
  } finally {
    await bare.stop();
  }
}
