// Draws the soak's samples (server memory, event-loop lag, connected phones) as a PNG: uPlot (already the
// phone app's chart library, small, no dependencies) renders in Debian's Chromium via playwright-core, and
// the page is screenshotted, so no image library is needed. Everything is inlined: nothing is fetched.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { chromium } from 'playwright-core';

const require = createRequire(import.meta.url);

/** The series a soak chart shows (one point per sample). */
export interface ChartSample {
  t: number;
  sockets: number;
  rssBytes: number;
  heapUsedBytes: number;
  loopLagP99Ms: number;
  loopLagMaxMs: number;
}

/** The flags this machine's Chromium needs (as in e2e-kit/browser.ts). */
const CHROMIUM_FLAGS = ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'];

/** Why: the page is built as a string, so it can be checked without a browser. */
export function chartPage(samples: ChartSample[], drawTimes: number[], title: string): string {
  const minutes = samples.map((s) => s.t / 60);
  const data = {
    title,
    x: minutes,
    rss: samples.map((s) => s.rssBytes / 2 ** 20),
    heap: samples.map((s) => s.heapUsedBytes / 2 ** 20),
    sockets: samples.map((s) => s.sockets),
    p99: samples.map((s) => s.loopLagP99Ms),
    max: samples.map((s) => s.loopLagMaxMs),
    draws: drawTimes.map((t) => t / 60),
  };
  const css = readFileSync(require.resolve('uplot/dist/uPlot.min.css'), 'utf8');
  const js = readFileSync(require.resolve('uplot/dist/uPlot.iife.min.js'), 'utf8');
  // JSON inside a <script>: "<" escaped so no sample can close the tag.
  const json = JSON.stringify(data).replace(/</g, '\\u003c');
  return `<!doctype html><html><head><meta charset="utf-8"><style>${css}
body{margin:0;padding:12px;font:14px sans-serif;background:#fff;width:960px}h1{font-size:16px;margin:0 0 8px}</style></head>
<body><div id="chart"><h1 id="title"></h1><div id="mem"></div><div id="lag"></div></div>
<script>${js}</script><script>
const d = ${json};
document.getElementById('title').textContent = 'Drawcast soak: ' + d.title + ' (vertical lines: draws)';
const drawLines = { hooks: { draw: [(u) => { const c = u.ctx; c.save(); c.strokeStyle = '#bbb'; c.setLineDash([4, 4]);
  for (const t of d.draws) { const x = u.valToPos(t, 'x', true); c.beginPath(); c.moveTo(x, u.bbox.top); c.lineTo(x, u.bbox.top + u.bbox.height); c.stroke(); }
  c.restore(); }] } };
const base = { width: 940, height: 300, scales: { x: { time: false } }, plugins: [drawLines] };
new uPlot({ ...base, title: 'Server memory (MiB) and connected phones',
  axes: [{ label: 'minutes' }, { label: 'MiB' }, { side: 1, scale: 'n', label: 'phones', grid: { show: false } }],
  series: [{ label: 'min' }, { label: 'RSS MiB', stroke: '#d33', width: 2 }, { label: 'heap used MiB', stroke: '#36c', width: 2 },
    { label: 'phones', stroke: '#999', scale: 'n' }] }, [d.x, d.rss, d.heap, d.sockets], document.getElementById('mem'));
new uPlot({ ...base, title: 'Event-loop lag per 5 s sample (ms)',
  axes: [{ label: 'minutes' }, { label: 'ms' }],
  series: [{ label: 'min' }, { label: 'p99 ms', stroke: '#d80', width: 2 }, { label: 'max ms', stroke: '#a3a', width: 1 }] },
  [d.x, d.p99, d.max], document.getElementById('lag'));
document.body.dataset.ready = '1';
</script></body></html>`;
}

/** Renders the chart and writes the PNG to `file`. */
export async function renderSoakChart(
  samples: ChartSample[],
  drawTimes: number[],
  file: string,
  title: string,
): Promise<void> {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: CHROMIUM_FLAGS,
  });
  try {
    const page = await browser.newPage({ viewport: { width: 984, height: 800 } });
    await page.setContent(chartPage(samples, drawTimes, title));
    await page.waitForSelector('body[data-ready="1"]');
    await page.locator('#chart').screenshot({ path: file });
  } finally {
    await browser.close();
  }
}
