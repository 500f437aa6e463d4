// One probe run: Drawcast and then the bare baseline, the same number of phones each, one reveal each.
import os from 'node:os';
import { randomBytes } from 'node:crypto';
import { setTimeout as delay } from 'node:timers/promises';
import type { RoundRevealDto } from '@drawcast/shared';
import { startFleet } from './fleet';
import type { FleetOptions } from './fleet';
import { sumStats } from './procStats';
import { summarize } from './summary';
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
  websocketOnly: boolean;
  perMessageDeflate: boolean;
  bare: boolean;
  /** Quiet time after the ramp before memory is read, so join-time garbage and odds broadcasts settle. */
  settleMs: number;
  /** Extra environment for the servers (Drawcast and bare), e.g. NODE_OPTIONS=--cpu-prof. */
  serverEnv: Record<string, string>;
  log: (line: string) => void;
}

/** One server's figures for a run. */
export interface PhaseResult extends RevealSummary {
  failed: number;
  firstError: string;
  rampSeconds: number;
  /** Server RSS growth from before the ramp to after it, per connected phone (KB). */
  rssPerPhoneKb: number;
  serverRssMb: number;
  /** Server CPU per phone set up (join + clock pings), µs. */
  rampCpuMicrosPerPhone: number;
  /** Server CPU from the draw (or broadcast) until every phone had it, ms. */
  revealCpuMs: number;
  loadAverage: number;
}

/** Both phases and their ratios. */
export interface ProbeResult {
  drawcast: PhaseResult;
  bare: PhaseResult | null;
  payloadBytes: number;
}

export const defaultProbeOptions: ProbeOptions = {
  phones: 1000,
  nodes: 1,
  perChild: 2500,
  maxSkewMs: 5000,
  clockSamples: 5,
  concurrency: 50,
  winners: 10,
  websocketOnly: true,
  perMessageDeflate: false,
  bare: true,
  settleMs: 3000,
  serverEnv: {},
  log: () => {},
};

async function phase(
  o: ProbeOptions,
  name: string,
  target: Target,
  block: number,
  joinCode: string | null,
  leadMs: number,
  steps: { prepare?: () => Promise<unknown>; reveal: () => Promise<unknown> },
): Promise<PhaseResult & { payload: Promise<RoundRevealDto> }> {
  const before = sumStats(target.pids);
  const started = performance.now();
  let lastLog = 0;
  const fleetOptions: FleetOptions = {
    runId: randomBytes(4).toString('hex'),
    urls: target.urls,
    phones: o.phones,
    perChild: o.perChild,
    block,
    joinCode,
    maxSkewMs: o.maxSkewMs,
    clockSamples: o.clockSamples,
    concurrency: o.concurrency,
    transports: o.websocketOnly ? ['websocket'] : ['polling', 'websocket'],
    perMessageDeflate: o.perMessageDeflate,
    onProgress: (ready, failed) => {
      if (performance.now() - lastLog < 2000) return;
      lastLog = performance.now();
      o.log(`${name}: ${ready}/${o.phones} phones ready, ${failed} failed`);
    },
  };
  const fleet = await startFleet(fleetOptions);
  const rampSeconds = (performance.now() - started) / 1000;
  const ramped = sumStats(target.pids);
  o.log(`${name}: ${fleet.ready} ready (${fleet.failed} failed) in ${rampSeconds.toFixed(1)} s; settling`);
  await steps.prepare?.();
  await delay(o.settleMs);
  const settled = sumStats(target.pids);
  const loadAverage = os.loadavg()[0]!;
  await steps.reveal();
  const records = await fleet.records(leadMs + 30_000);
  const after = sumStats(target.pids);
  await fleet.close();
  const summary = summarize(records, o.phones, leadMs);
  o.log(`${name}: ${summary.received}/${o.phones} got the reveal`);
  return {
    ...summary,
    failed: fleet.failed,
    firstError: fleet.firstError,
    rampSeconds,
    rssPerPhoneKb: (settled.rssBytes - before.rssBytes) / 1024 / Math.max(1, fleet.ready),
    serverRssMb: settled.rssBytes / 1024 / 1024,
    rampCpuMicrosPerPhone: ((ramped.cpuMs - before.cpuMs) * 1000) / Math.max(1, fleet.ready),
    revealCpuMs: after.cpuMs - settled.cpuMs,
    loadAverage,
    payload: fleet.payload,
  };
}

/** Why: the figures the issue asks for, Drawcast and bare measured the same way in one command. */
export async function runProbe(o: ProbeOptions): Promise<ProbeResult> {
  const dc = await startDrawcast(o.nodes, o.serverEnv);
  let drawcast: PhaseResult & { payload: Promise<RoundRevealDto> };
  let leadMs: number;
  try {
    const { event, close, draw } = await openDrawEvent(dc.urls[0]!, dc.hostToken, o.winners);
    leadMs = event.settings.revealLeadMs;
    // As the console does: entries closed (their list frozen and broadcast) first, the draw later.
    drawcast = await phase(o, 'drawcast', dc, 11, event.joinCode, leadMs, { prepare: close, reveal: draw });
  } finally {
    await dc.stop();
  }
  const payload = await Promise.race([drawcast.payload, delay(1000).then(() => null)]);
  const payloadBytes = payload ? Buffer.byteLength(JSON.stringify(payload)) : 0;
  if (!o.bare || !payload) return { drawcast, bare: null, payloadBytes };
  const bare = await startBare(o.nodes, leadMs, o.serverEnv);
  try {
    const result = await phase(o, 'bare', bare, 12, null, leadMs, {
      reveal: async () => bare.reveal(payload),
    });
    return { drawcast, bare: result, payloadBytes };
  } finally {
    await bare.stop();
  }
}
