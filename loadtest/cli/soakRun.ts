// The soak: about `phones` phones coming and going for `duration` seconds, a draw every `drawEvery`
// seconds, and the server's memory and event-loop lag sampled all along and drawn as a PNG chart.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { renderSoakChart } from '../soak/chart';
import { runArtillery, share } from './artillery';
import type { RunContext, ScenarioResult } from './run';

const STAY_SECONDS = 60;
const REVEAL_LEAD_MS = 5000;

/** Why: leaks show only over time; a flat memory and loop-lag line with no error is the pass mark. */
export async function runSoak(ctx: RunContext): Promise<ScenarioResult> {
  const { opts } = ctx;
  const ev = await ctx.api.prepareEvent('Load test: soak', REVEAL_LEAD_MS);
  let roundId = await ctx.api.createRound(ev);
  const arrivals = Math.round((opts.phones / STAY_SECONDS) * opts.durationSeconds);
  const run = runArtillery({
    script: 'soak.yml',
    name: 'soak',
    workers: opts.workers,
    targets: ctx.target.urls,
    phases: (i) => [{ duration: opts.durationSeconds, arrivalCount: share(arrivals, opts.workers, i) }],
    variables: {
      joinCode: ev.joinCode,
      devicePool: Math.ceil((opts.phones * 1.2) / opts.workers),
      revealLeadMs: REVEAL_LEAD_MS,
      stay: STAY_SECONDS,
    },
    outDir: opts.outDir,
  });
  ctx.generators.push(run);
  let finished = false;
  const reportsP = run.done.finally(() => (finished = true));
  const draws: { t: number; drawMs: number; entries: number }[] = [];
  let drawErrors = 0;
  ctx.setLabel('soak: draws 0 |');
  while (!finished) {
    await Promise.race([
      new Promise((r) => setTimeout(r, opts.drawEverySeconds * 1000)),
      reportsP.catch(() => 0),
    ]);
    if (finished) break;
    try {
      const d = await ctx.api.closeAndDraw(roundId);
      draws.push({ t: ctx.monitor.elapsed(), drawMs: d.drawMs, entries: d.entries });
      roundId = await ctx.api.createRound(ev);
    } catch (err) {
      drawErrors += 1;
      process.stderr.write(`draw failed: ${(err as Error).message}\n`);
    }
    ctx.setLabel(`soak: draws ${draws.length} |`);
  }
  const reports = await reportsP;
  const samples = ctx.monitor.samples;
  const csv = ['t_s,sockets,rss_mib,heap_mib,loop_p99_ms,loop_max_ms,server_cores,generator_cores,load1'];
  for (const s of samples) {
    csv.push(
      [
        s.t,
        s.sockets,
        s.rssBytes / 2 ** 20,
        s.heapUsedBytes / 2 ** 20,
        s.loopLagP99Ms,
        s.loopLagMaxMs,
        s.serverCores,
        s.generatorCores,
        s.load1,
      ]
        .map((v) => Number(v.toFixed(2)))
        .join(','),
    );
  }
  writeFileSync(path.join(opts.outDir, 'soak-samples.csv'), `${csv.join('\n')}\n`);
  const png = path.join(opts.outDir, 'soak.png');
  await renderSoakChart(
    samples,
    draws.map((d) => d.t),
    png,
    `${opts.phones} phones, ${(opts.durationSeconds / 60).toFixed(1)} min, a draw every ${opts.drawEverySeconds} s`,
  );
  const mib = (b: number) => b / 2 ** 20;
  const steady = samples.filter((s) => s.t > STAY_SECONDS * 2);
  const half = Math.floor(steady.length / 2);
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);
  const sorted = [...steady.map((s) => s.loopLagP99Ms)].sort((a, b) => a - b);
  return {
    sections: [{ title: `soak: ~${opts.phones} phones for ${opts.durationSeconds} s`, reports }],
    extra: [
      ['draws', draws.length],
      ['draws failed', drawErrors],
      ['draw ack ms (max)', Math.max(0, ...draws.map((d) => d.drawMs))],
      ['entries per draw (max)', Math.max(0, ...draws.map((d) => d.entries))],
      ['rss MiB, first half mean (after 2 min)', mean(steady.slice(0, half).map((s) => mib(s.rssBytes)))],
      ['rss MiB, second half mean', mean(steady.slice(half).map((s) => mib(s.rssBytes)))],
      ['heap MiB, first half mean', mean(steady.slice(0, half).map((s) => mib(s.heapUsedBytes)))],
      ['heap MiB, second half mean', mean(steady.slice(half).map((s) => mib(s.heapUsedBytes)))],
      ['loop lag p99 ms, median of samples', sorted[Math.floor(sorted.length / 2)] ?? NaN],
      ['loop lag max ms (max)', Math.max(0, ...steady.map((s) => s.loopLagMaxMs))],
      ['chart', png],
    ],
  };
}
