// Frame-time bench of the stage in Debian's Chromium (WebGL through SwiftShader here): a wheel spin with
// 10,000 names, the slot machine with 100,000 entries, and the same draws at 1,000 vs 100,000 entries in
// one run, against a bare baseline (the idle lobby) measured in the same page.
// Run: npm run bench -w @drawcast/stage-screen   (prints a Markdown table for docs/BENCHMARKS.md)
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { launchChromium } from '../../e2e-kit/browser';
import { hostApi, startServer } from '../../e2e-kit/server';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const VIEWPORT = { width: 1280, height: 720 };

interface Row {
  name: string;
  frames: number;
  median: number;
  p95: number;
}

function stats(name: string, frames: number[]): Row {
  const sorted = [...frames].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
  return { name, frames: frames.length, median: at(0.5), p95: at(0.95) };
}

async function measure(page: Page, name: string, run: string | null): Promise<Row> {
  await page.evaluate(() => window.__stage!.recordFrames());
  if (run) await page.evaluate(run);
  await page.waitForTimeout(SECONDS * 1000);
  return stats(name, await page.evaluate(() => window.__stage!.frames()));
}

/** The bare baseline: a blank page clearing a WebGL canvas every frame, in the same browser. */
async function bareWebgl(page: Page): Promise<Row> {
  await page.setContent(`<canvas id="c" width="${VIEWPORT.width}" height="${VIEWPORT.height}"></canvas>`);
  const frames = (await page.evaluate(`new Promise((done) => {
    const gl = document.getElementById('c').getContext('webgl2', { antialias: true });
    const out = []; let last = performance.now(); const end = last + ${SECONDS * 1000};
    function frame() {
      gl.clearColor(Math.random(), 0.1, 0.2, 1); gl.clear(gl.COLOR_BUFFER_BIT);
      const now = performance.now(); out.push(now - last); last = now;
      if (now < end) requestAnimationFrame(frame); else done(out);
    }
    requestAnimationFrame(frame);
  })`)) as number[];
  return stats('bare baseline: blank page, WebGL clear per frame', frames);
}

async function main(): Promise<void> {
  spawnSync(process.execPath, [path.join(root, 'scripts/build-apps.mjs')], { stdio: 'inherit' });
  const server = await startServer();
  const chromium = await launchChromium();
  try {
    const bare = await bareWebgl(await chromium.browser.newPage({ viewport: VIEWPORT }));
    const event = await hostApi<{ id: string; joinCode: string }>(server, 'POST', '/api/events', {
      title: 'Bench',
    });
    const page = await chromium.browser.newPage({ viewport: VIEWPORT });
    const antialias = process.env.BENCH_ANTIALIAS === '0' ? '&antialias=0' : '';
    await page.goto(`${server.url}/stage/${event.joinCode}?bench=1&muted=1${antialias}`);
    await page.waitForFunction(() => window.__stage?.ready === true, undefined, { timeout: 60_000 });
    const ms = SECONDS * 1000 + 2000;
    const bench = (mode: string, entries: number, winners: number) =>
      `window.__stage.bench(${JSON.stringify(mode)}, ${entries}, ${winners}, ${ms})`;
    const rows: Row[] = [bare];
    rows.push(await measure(page, 'stage: idle lobby', null));
    rows.push(await measure(page, 'wheel spin, 10,000 names', bench('wheel', 10_000, 1)));
    rows.push(await measure(page, 'wheel spin, 1,000 names', bench('wheel', 1_000, 1)));
    rows.push(await measure(page, 'wheel spin, 100,000 names', bench('wheel', 100_000, 1)));
    rows.push(await measure(page, 'slot machine, 1,000 entries (5 reels)', bench('slots', 1_000, 5)));
    rows.push(await measure(page, 'slot machine, 100,000 entries (5 reels)', bench('slots', 100_000, 5)));
    // The same draws without the frame savers (?cache=0: the wheel's wedges and labels drawn live every
    // frame, a stencil mask per reel), then with them again: A-B-A in one page, so a change of load on this
    // shared machine shows up as a difference between the two A rows instead of hiding in the ratio.
    const open = async (query: string) => {
      await page.goto(`${server.url}/stage/${event.joinCode}?bench=1&muted=1${query}${antialias}`);
      await page.waitForFunction(() => window.__stage?.ready === true, undefined, { timeout: 60_000 });
    };
    await open('&cache=0');
    rows.push(
      await measure(page, 'wheel spin, 10,000 names, disc drawn live (?cache=0)', bench('wheel', 10_000, 1)),
    );
    rows.push(
      await measure(
        page,
        'slot machine, 100,000 entries, masked reels (?cache=0)',
        bench('slots', 100_000, 5),
      ),
    );
    await open('');
    rows.push(await measure(page, 'wheel spin, 10,000 names (again)', bench('wheel', 10_000, 1)));
    rows.push(await measure(page, 'slot machine, 100,000 entries (again)', bench('slots', 100_000, 5)));
    const base = rows[0]!.median;
    const out = [
      `Stage frame times, Chromium ${chromium.browser.version()} (SwiftShader, ${VIEWPORT.width}×${VIEWPORT.height}, antialias ${antialias ? 'off' : 'on'}), ${SECONDS} s each`,
      '',
      '| scenario | frames | median ms | fps (median) | p95 ms | ratio to bare baseline |',
      '| --- | ---: | ---: | ---: | ---: | ---: |',
      ...rows.map(
        (r) =>
          `| ${r.name} | ${r.frames} | ${r.median.toFixed(1)} | ${(1000 / r.median).toFixed(1)} | ${r.p95.toFixed(1)} | ${(r.median / base).toFixed(2)} |`,
      ),
      '',
      `wheel 100,000 / 1,000 names: ${(rows[4]!.median / rows[3]!.median).toFixed(2)}; slots 100,000 / 1,000 entries: ${(rows[6]!.median / rows[5]!.median).toFixed(2)}; wheel cached / live disc (10,000 names): ${(rows[2]!.median / rows[7]!.median).toFixed(2)} and ${(rows[9]!.median / rows[7]!.median).toFixed(2)}; slots unmasked / masked (100,000): ${(rows[6]!.median / rows[8]!.median).toFixed(2)} and ${(rows[10]!.median / rows[8]!.median).toFixed(2)}`,
    ];
    process.stdout.write(out.join('\n') + '\n');
  } finally {
    await chromium.close();
    await server.stop();
  }
}

await main();
