// `npm run loadtest -- --scenario join|live|host|steady|soak ...`: one command per scenario, progress while
// it runs, a summary table at the end (and a JSON file of it under --out).
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import path from 'node:path';
import { parseLoadtestArgs, UsageError, type LoadtestOptions } from './args';
import { runArtillery, share, type ArtilleryReport, type ArtilleryRun } from './artillery';
import { HostApi, type PreparedEvent } from './hostApi';
import { Monitor, type RunSample } from './monitor';
import { mergeReports, reportRows, table, errorRate } from './report';
import { runSoak } from './soakRun';
import { openBareTarget, openTarget, type LoadTarget } from './target';

const REVEAL_LEAD_MS = 5000;

/** What each scenario hands back for the summary. */
export interface ScenarioResult {
  sections: { title: string; reports: ArtilleryReport[] }[];
  extra: [string, string | number][];
}

/** Everything a scenario may use. */
export interface RunContext {
  opts: LoadtestOptions;
  target: LoadTarget;
  api: HostApi;
  generators: ArtilleryRun[];
  monitor: Monitor;
  setLabel(label: string): void;
}

const waitFor = async (what: string, check: () => Promise<boolean>, timeoutMs: number) => {
  const until = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 500));
  }
};

/** The audience (join.yml): `phones` over `ramp` seconds, each staying `stay` seconds. */
function audience(ctx: RunContext, joinCode: string, phones: number, stay: number, workers: number) {
  const run = runArtillery({
    script: 'join.yml',
    name: 'audience',
    workers,
    targets: ctx.target.urls,
    phases: (i) => [{ duration: ctx.opts.rampSeconds, arrivalCount: share(phones, workers, i) }],
    variables: { joinCode, stay },
    outDir: ctx.opts.outDir,
  });
  ctx.generators.push(run);
  return run;
}

/** The watching audience (watch.yml): connected to the event's audience room without joining. */
function watchers(ctx: RunContext, eventId: string, phones: number, stay: number, workers: number) {
  const run = runArtillery({
    script: 'watch.yml',
    name: 'watchers',
    workers,
    targets: ctx.target.urls,
    phases: (i) => [{ duration: ctx.opts.rampSeconds, arrivalCount: share(phones, workers, i) }],
    variables: { eventId, stay },
    outDir: ctx.opts.outDir,
  });
  ctx.generators.push(run);
  return run;
}

const sockets = async (ctx: RunContext) => (await ctx.monitor.sample())?.sockets ?? 0;

async function joinScenario(ctx: RunContext): Promise<ScenarioResult> {
  const ev = await ctx.api.prepareEvent('Load test: joins', REVEAL_LEAD_MS);
  await ctx.api.createRound(ev);
  ctx.setLabel('join |');
  const run = audience(
    ctx,
    ev.joinCode,
    ctx.opts.phones,
    ctx.opts.rampSeconds + ctx.opts.holdSeconds,
    ctx.opts.workers,
  );
  const reports = await run.done;
  return { sections: [{ title: `join: ${ctx.opts.phones} phones`, reports }], extra: [] };
}

async function liveScenario(ctx: RunContext): Promise<ScenarioResult> {
  const { opts } = ctx;
  const ev = await ctx.api.prepareEvent('Load test: live event', REVEAL_LEAD_MS);
  const roundId = await ctx.api.createRound(ev, Math.min(10, opts.phones));
  ctx.setLabel('live: joining |');
  const run = runArtillery({
    script: 'live.yml',
    name: 'live',
    workers: opts.workers,
    targets: ctx.target.urls,
    phases: (i) => [{ duration: opts.rampSeconds, arrivalCount: share(opts.phones, opts.workers, i) }],
    variables: { joinCode: ev.joinCode, revealLeadMs: REVEAL_LEAD_MS, revealWait: opts.rampSeconds + 120 },
    outDir: opts.outDir,
  });
  ctx.generators.push(run);
  await waitFor(
    'every phone to join',
    async () => (await sockets(ctx)) >= opts.phones,
    (opts.rampSeconds + 90) * 1000,
  );
  ctx.setLabel('live: drawing |');
  const draw = await ctx.api.closeAndDraw(roundId);
  ctx.setLabel('live: revealed |');
  const reports = await run.done;
  return {
    sections: [{ title: `live: ${opts.phones} phones, one draw`, reports }],
    extra: [
      ['host close ack ms', draw.closeMs],
      ['host draw ack ms', draw.drawMs],
      ['entries in the draw', draw.entries],
    ],
  };
}

async function hostScenario(ctx: RunContext): Promise<ScenarioResult> {
  const { opts } = ctx;
  const ev = await ctx.api.prepareEvent('Load test: host actions', 0);
  let audienceRun: ArtilleryRun | undefined;
  if (opts.phones > 0) {
    // Rounds need entries: an audience joins first and stays while the host works.
    await ctx.api.createRound(ev);
    audienceRun = audience(
      ctx,
      ev.joinCode,
      opts.phones,
      opts.rampSeconds + 60 + opts.rounds * 5,
      opts.workers,
    );
    await waitFor(
      'the audience',
      async () => (await sockets(ctx)) >= opts.phones,
      (opts.rampSeconds + 90) * 1000,
    );
  }
  ctx.setLabel('host |');
  const run = runArtillery({
    script: 'host.yml',
    name: 'host',
    workers: 1,
    targets: ctx.target.urls,
    phases: () => [{ duration: 1, arrivalCount: 1 }],
    variables: { hostToken: ctx.target.hostToken, eventId: ev.eventId, rounds: opts.rounds },
    outDir: opts.outDir,
  });
  ctx.generators.push(run);
  const reports = await run.done;
  // The audience only gives the rounds their entries; it is stopped (its figures are the join scenario's).
  audienceRun?.stop();
  await audienceRun?.done.catch(() => undefined);
  return { sections: [{ title: `host: ${opts.rounds} rounds created, closed, drawn`, reports }], extra: [] };
}

async function steadyScenario(ctx: RunContext): Promise<ScenarioResult> {
  const { opts } = ctx;
  // The bare server takes any join code and has no rounds; Drawcast gets an open event with a round, or
  // joins the event of a `watch` run (--event) whose audience stays connected between steady runs.
  const ev = opts.bare
    ? { joinCode: 'BARE', eventId: 'BARE' }
    : opts.event
      ? await ctx.api.findEvent(opts.event)
      : await ctx.api.prepareEvent('Load test: steady join rate', REVEAL_LEAD_MS);
  if (!opts.bare && !opts.event) await ctx.api.createRound(ev as PreparedEvent);
  // At least one process per node, so every node gets its share of the audience.
  const baseWorkers = Math.max(ctx.target.urls.length, Math.ceil(opts.phones / 8000));
  ctx.setLabel('steady: base audience |');
  // Long enough for a slow ramp on a busy machine; the base is stopped once the open loop ends.
  const stay = opts.rampSeconds + 600 + opts.durationSeconds;
  const base =
    opts.phones === 0
      ? undefined
      : opts.baseJoined || opts.bare
        ? audience(ctx, ev.joinCode, opts.phones, stay, baseWorkers)
        : watchers(ctx, ev.eventId, opts.phones, stay, baseWorkers);
  if (base) {
    await waitFor(
      'the base audience',
      async () => (await sockets(ctx)) >= opts.phones,
      (opts.rampSeconds + 400) * 1000,
    );
  }
  const from = ctx.monitor.samples.length;
  ctx.setLabel(`steady: ${opts.rate} joins/s |`);
  const run = runArtillery({
    script: 'steady.yml',
    name: 'steady',
    workers: opts.workers,
    targets: ctx.target.urls,
    phases: (i) => [{ duration: opts.durationSeconds, arrivalRate: share(opts.rate, opts.workers, i) }],
    variables: { joinCode: ev.joinCode },
    outDir: opts.outDir,
  });
  ctx.generators.push(run);
  const reports = await run.done;
  const during = ctx.monitor.samples.slice(from);
  // The base audience is stopped now (artillery writes no report when interrupted: its health shows in
  // the server's socket count at the start and the end of the open loop).
  base?.stop();
  const baseReports = base ? await base.done.catch(() => []) : [];
  const merged = mergeReports(reports);
  const ack = merged.histograms['socketio.response_time'];
  const pass = ack !== undefined && ack.p95 <= 200 && errorRate(merged) < 0.001 && run.failed.length === 0;
  return {
    sections: [
      { title: `steady: ${opts.rate} joins/s for ${opts.durationSeconds} s`, reports },
      { title: `base audience: ${opts.phones} phones`, reports: baseReports },
    ],
    extra: [
      ['offered joins/s', opts.rate],
      ['achieved joins/s (acks / duration)', (ack?.count ?? 0) / opts.durationSeconds],
      ['phones connected at the start', during[0]?.sockets ?? 0],
      ['phones connected at the end', during.at(-1)?.sockets ?? 0],
      ...duringRows(during, 'open loop: '),
      ['target p95 ack <= 200 ms, errors < 0.1 %', pass ? 'met' : 'MISSED'],
    ],
  };
}

function duringRows(during: RunSample[], prefix = ''): [string, string | number][] {
  const avg = (f: (s: RunSample) => number) =>
    during.reduce((a, s) => a + f(s), 0) / Math.max(1, during.length);
  return [
    [prefix + 'server cores used (mean)', avg((s) => s.serverCores)],
    [prefix + 'generator cores used (mean)', avg((s) => s.generatorCores)],
    [prefix + 'load average 1 min (max)', Math.max(0, ...during.map((s) => s.load1))],
    [prefix + 'server loop lag p99 ms (max)', Math.max(0, ...during.map((s) => s.loopLagP99Ms))],
    [prefix + 'server rss MiB (max)', Math.max(0, ...during.map((s) => s.rssBytes)) / 2 ** 20],
  ];
}

/** A watching audience that stays `duration` seconds, for steady runs made against it with --event. */
async function watchScenario(ctx: RunContext): Promise<ScenarioResult> {
  const { opts } = ctx;
  const ev = opts.event
    ? await ctx.api.findEvent(opts.event)
    : await ctx.api.prepareEvent('Load test: watching audience', REVEAL_LEAD_MS);
  if (!opts.event) await ctx.api.createRound(ev as PreparedEvent);
  process.stdout.write(`Watching event ${ev.eventId}: run steady with --event ${ev.joinCode}\n`);
  ctx.setLabel(`watch ${ev.joinCode} |`);
  const reports = await watchers(ctx, ev.eventId, opts.phones, opts.durationSeconds, opts.workers).done;
  return { sections: [{ title: `watch: ${opts.phones} phones`, reports }], extra: [] };
}

async function main() {
  const opts = parseLoadtestArgs(process.argv.slice(2));
  mkdirSync(opts.outDir, { recursive: true });
  if (opts.bare && opts.scenario !== 'steady') throw new UsageError('--bare is for --scenario steady');
  const target = opts.bare ? await openBareTarget() : await openTarget(opts);
  const generators: ArtilleryRun[] = [];
  let label = '';
  const monitor = new Monitor(
    target.urls,
    target.pids,
    () => generators.flatMap((g) => g.pids()),
    () => label,
  );
  const ctx: RunContext = {
    opts,
    target,
    api: new HostApi(target.urls[0]!, target.hostToken),
    generators,
    monitor,
    setLabel: (l) => (label = l),
  };
  const stopAll = () => {
    generators.forEach((g) => g.stop());
  };
  process.once('SIGINT', () => {
    stopAll();
    void target.stop().then(() => process.exit(130));
  });
  process.stdout.write(
    `Drawcast load test "${opts.scenario}" against ${target.describe}; ${cpus().length} cores, load ${loadavg()[0]!.toFixed(2)}\n`,
  );
  const started = Date.now();
  monitor.start(opts.scenario === 'soak' ? 5000 : 2000);
  let result: ScenarioResult;
  try {
    const runners = {
      join: joinScenario,
      live: liveScenario,
      host: hostScenario,
      steady: steadyScenario,
      soak: runSoak,
      watch: watchScenario,
    };
    result = await runners[opts.scenario](ctx);
  } finally {
    monitor.stop();
    stopAll();
    await target.stop();
  }
  const rows = duringRows(monitor.samples);
  const out: string[] = [];
  for (const section of result.sections) {
    if (section.reports.length === 0) continue;
    out.push(table(section.title, reportRows(mergeReports(section.reports))));
  }
  out.push(
    table('run', [
      ['server', target.describe],
      ['artillery processes', generators.reduce((a, g) => a + g.workers, 0)],
      ['artillery processes that crashed', generators.reduce((a, g) => a + g.failed.length, 0)],
      ['wall time s', (Date.now() - started) / 1000],
      ['generator CPU s (all processes)', monitor.generatorCpuSeconds()],
      ...rows,
      ...result.extra,
    ]),
  );
  process.stdout.write(`\n${out.join('\n')}\n`);
  const summaryFile = path.join(opts.outDir, `${opts.scenario}-summary.json`);
  writeFileSync(
    summaryFile,
    JSON.stringify(
      {
        opts: { ...opts, hostToken: undefined },
        sections: result.sections.map((s) => ({ title: s.title, merged: mergeReports(s.reports) })),
        extra: result.extra,
        run: rows,
        samples: monitor.samples,
      },
      null,
      1,
    ),
  );
  process.stdout.write(`Reports and samples in ${opts.outDir} (${path.basename(summaryFile)})\n`);
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof UsageError ? err.message : (err as Error).stack}\n`);
  process.exit(err instanceof UsageError ? 2 : 1);
});
