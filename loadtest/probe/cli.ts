// `npm run probe -w @drawcast/loadtest -- --phones 5000 [--nodes 2] ...`: one fan-out probe run, Drawcast
// then bare Socket.IO with the same phones and payload, printed as a markdown table with the ratios.
import { createRequire } from 'node:module';
import os from 'node:os';
import { parseArgs } from 'node:util';
import { defaultProbeOptions, runProbe } from './run';
import type { PhaseResult } from './run';

const { values } = parseArgs({
  options: {
    phones: { type: 'string' },
    nodes: { type: 'string' },
    'per-child': { type: 'string' },
    'max-skew': { type: 'string' },
    concurrency: { type: 'string' },
    winners: { type: 'string' },
    draws: { type: 'string' },
    polling: { type: 'boolean' },
    deflate: { type: 'boolean' },
    'no-bare': { type: 'boolean' },
    'cpu-prof': { type: 'string' },
    'no-bufferutil': { type: 'boolean' },
    'address-block': { type: 'string' },
    resync: { type: 'boolean' },
    'connect-sync-only': { type: 'boolean' },
    'ramp-limit': { type: 'string' },
  },
});
// ws reads WS_NO_BUFFER_UTIL at load; every child (servers, phone fleets) inherits this environment.
if (values['no-bufferutil']) process.env.WS_NO_BUFFER_UTIL = '1';
// --cpu-prof DIR: the one-node Drawcast server and the bare servers write their profiles there.
if (values['cpu-prof']) process.env.BENCH_NODE_ARGS = `--cpu-prof --cpu-prof-dir=${values['cpu-prof']}`;
// bufferutil is not a dependency (it did not help, BENCHMARKS.md); installed by hand, ws uses it.
const bufferutil = (() => {
  try {
    createRequire(import.meta.url).resolve('bufferutil');
    return true;
  } catch {
    return false;
  }
})();
const num = (v: string | undefined, fallback: number) => (v === undefined ? fallback : Number(v));
const d = defaultProbeOptions;
const options = {
  ...d,
  phones: num(values.phones, d.phones),
  nodes: num(values.nodes, d.nodes),
  perChild: num(values['per-child'], d.perChild),
  maxSkewMs: num(values['max-skew'], d.maxSkewMs),
  concurrency: num(values.concurrency, d.concurrency),
  winners: num(values.winners, d.winners),
  draws: num(values.draws, d.draws),
  resync: values.resync === true,
  resyncOnCommit: values['connect-sync-only'] !== true,
  rampLimitSeconds: num(values['ramp-limit'], d.rampLimitSeconds),
  addressBlock: num(values['address-block'], d.addressBlock),
  websocketOnly: !values.polling,
  perMessageDeflate: values.deflate === true,
  bare: values['no-bare'] !== true,
  // The Drawcast server has perMessageDeflate off and no switch for it: --deflate turns it on for bare only.
  serverEnv: { ...(values.deflate && { BARE_DEFLATE: '1' }) },
  serverNodeArgs: values['cpu-prof'] ? ['--cpu-prof', `--cpu-prof-dir=${values['cpu-prof']}`] : [],
  log: (line: string) => console.error(`[probe ${new Date().toISOString().slice(11, 19)}] ${line}`),
};
options.log(
  `${options.phones} phones on ${options.nodes} node(s), ${options.perChild} per child process, load ${os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')}`,
);
const result = await runProbe(options);

const f = (n: number, digits = 1) => (Number.isFinite(n) ? n.toFixed(digits) : '–');
const row = (name: string, r: PhaseResult) =>
  `| ${name} | ${r.received}/${r.phones} | ${r.failed} | ${f(r.lagP50)} | ${f(r.lagP95)} | ${f(r.lagP99)} | ${f(r.lagMax)} | ${f(r.spread)} | ${f(r.spreadP99)} | ${f(r.aheadShare * 100, 2)} % | ${f(r.rssPerPhoneKb)} | ${f(r.serverRssMb, 0)} | ${f(r.rampCpuMicrosPerPhone, 0)} | ${f(r.revealCpuMs, 0)} | ${f(r.rampSeconds)} | ${f(r.loadAverage, 2)} |`;
console.log(
  `\nphones: ${options.phones}, nodes: ${options.nodes}, payload ${result.payloadBytes} B, bufferutil ${bufferutil && !values['no-bufferutil'] ? 'on' : 'off'}, ${options.websocketOnly ? 'websocket only' : 'polling then websocket'}, perMessageDeflate ${options.perMessageDeflate ? 'on' : 'off'}, skew ±${options.maxSkewMs} ms${options.resync ? ', clocks synced again before the draws' : ''}${options.resyncOnCommit ? `, phones re-sync on round:committed within ${options.resyncWindowMs} ms (as the app)` : ', connect sync only'}\n`,
);
console.log(
  '| server | got reveal | failed | lag p50 ms | p95 | p99 | max | spread ms | spread (99 %) | had it before revealAt | RSS KB/phone | server RSS MB | ramp CPU µs/phone | reveal CPU ms | ramp s | load avg |',
);
console.log('|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
console.log(row('Drawcast', result.drawcast));
const perDraw = (r: PhaseResult) =>
  r.perDraw.map((s) => `p99 ${f(s.lagP99, 0)} / spread ${f(s.spread, 0)}`).join(', ');
if (result.bare) {
  console.log(row('bare Socket.IO', result.bare));
  const b = result.bare;
  const dc = result.drawcast;
  console.log(`\nper draw (lag p99 ms / spread ms): Drawcast ${perDraw(dc)}; bare ${perDraw(b)}`);
  console.log(
    `ratios Drawcast/bare: reveal lag p99 ${f(dc.lagP99 / b.lagP99, 2)}×, p50 ${f(dc.lagP50 / b.lagP50, 2)}×, memory per phone ${f(dc.rssPerPhoneKb / b.rssPerPhoneKb, 2)}×, reveal CPU ${f(dc.revealCpuMs / b.revealCpuMs, 2)}×`,
  );
}
process.exit(0);
