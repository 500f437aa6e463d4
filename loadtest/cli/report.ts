// The summary at the end of a run: artillery's per-process reports merged, and printed as one table.
import type { ArtilleryReport, HistogramSummary } from './artillery';

/** One histogram over all processes. Percentiles: the worst process's (an upper bound of the pooled one). */
export interface MergedHistogram {
  count: number;
  min: number;
  mean: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

/** Counters summed and histograms merged over every artillery process of one script. */
export interface MergedReport {
  counters: Record<string, number>;
  histograms: Record<string, MergedHistogram>;
}

/**
 * Why: artillery's JSON report keeps only percentiles, not the sketch, so processes cannot be pooled
 * exactly; the largest per-process percentile is a safe bound (at most 5 % of all samples exceed the
 * largest of the processes' p95s), and count and mean are exact.
 */
export function mergeReports(reports: ArtilleryReport[]): MergedReport {
  const counters: Record<string, number> = {};
  const parts: Record<string, HistogramSummary[]> = {};
  for (const r of reports) {
    for (const [k, v] of Object.entries(r.aggregate.counters)) counters[k] = (counters[k] ?? 0) + v;
    for (const [k, v] of Object.entries(r.aggregate.summaries)) (parts[k] ??= []).push(v);
  }
  const histograms: Record<string, MergedHistogram> = {};
  for (const [k, list] of Object.entries(parts)) {
    const count = list.reduce((s, h) => s + h.count, 0);
    histograms[k] = {
      count,
      min: Math.min(...list.map((h) => h.min)),
      mean: count ? list.reduce((s, h) => s + h.mean * h.count, 0) / count : NaN,
      p50: Math.max(...list.map((h) => h.p50)),
      p95: Math.max(...list.map((h) => h.p95)),
      p99: Math.max(...list.map((h) => h.p99)),
      max: Math.max(...list.map((h) => h.max)),
    };
  }
  return { counters, histograms };
}

/** Virtual phones that failed (any error, a refused ack included) per phone created. */
export function errorRate(m: MergedReport): number {
  const created = m.counters['vusers.created'] ?? 0;
  return created ? (m.counters['vusers.failed'] ?? 0) / created : 0;
}

/** Integers as they are; other numbers with three significant digits or so. */
export const fmt = (n: number): string =>
  !Number.isFinite(n)
    ? '–'
    : Number.isInteger(n) || Math.abs(n) >= 100
      ? n.toFixed(0)
      : Math.abs(n) >= 10
        ? n.toFixed(1)
        : n.toFixed(2);

/** Rows of [label, value] printed as a two-column table. */
export function table(title: string, rows: [string, string | number][]): string {
  const cells = rows.map(([k, v]) => [k, typeof v === 'number' ? fmt(v) : v] as const);
  const w0 = Math.max(title.length, ...cells.map(([k]) => k.length));
  const w1 = Math.max(5, ...cells.map(([, v]) => v.length));
  const line = `+${'-'.repeat(w0 + 2)}+${'-'.repeat(w1 + 2)}+`;
  return [
    line,
    `| ${title.padEnd(w0)} | ${''.padEnd(w1)} |`,
    line,
    ...cells.map(([k, v]) => `| ${k.padEnd(w0)} | ${v.padStart(w1)} |`),
    line,
  ].join('\n');
}

/** The rows every artillery script reports: phones, errors, ack latency and the custom histograms. */
export function reportRows(m: MergedReport): [string, string | number][] {
  const rows: [string, string | number][] = [
    ['phones created', m.counters['vusers.created'] ?? 0],
    ['phones completed', m.counters['vusers.completed'] ?? 0],
    ['phones failed', m.counters['vusers.failed'] ?? 0],
    ['error rate %', errorRate(m) * 100],
  ];
  for (const [k, v] of Object.entries(m.counters)) if (k.startsWith('errors.')) rows.push([k, v]);
  for (const [k, v] of Object.entries(m.counters)) if (k.startsWith('drawcast.')) rows.push([k, v]);
  for (const [name, label] of [
    ['socketio.response_time', 'ack ms'],
    ['vusers.session_length', 'session ms'],
    ['drawcast.reveal_lag_ms', 'reveal lag ms'],
    ['drawcast.reveal_margin_ms', 'reveal margin ms'],
  ] as const) {
    const h = m.histograms[name];
    if (!h) continue;
    rows.push([`${label} count`, h.count], [`${label} p50`, h.p50], [`${label} p95`, h.p95]);
    rows.push([`${label} p99`, h.p99], [`${label} max`, h.max]);
  }
  return rows;
}
