import { describe, expect, it } from 'vitest';
import { share, type ArtilleryReport } from './artillery';
import { parseServerSample } from './hostApi';
import { errorRate, fmt, mergeReports, table } from './report';

const report = (
  created: number,
  failed: number,
  p95: number,
  count: number,
  mean: number,
): ArtilleryReport => ({
  aggregate: {
    counters: { 'vusers.created': created, 'vusers.failed': failed, 'errors.Failed match': failed },
    summaries: {
      'socketio.response_time': { min: 1, max: p95 * 2, count, mean, p50: p95 / 2, p95, p99: p95 * 1.5 },
    },
  },
});

describe('mergeReports', () => {
  it('sums counters, pools count and mean exactly and bounds percentiles by the worst process', () => {
    const m = mergeReports([report(1000, 1, 100, 1000, 50), report(3000, 0, 300, 3000, 10)]);
    expect(m.counters['vusers.created']).toBe(4000);
    expect(m.counters['errors.Failed match']).toBe(1);
    const h = m.histograms['socketio.response_time']!;
    expect(h.count).toBe(4000);
    expect(h.mean).toBeCloseTo(20);
    expect(h.p95).toBe(300);
    expect(h.max).toBe(600);
    expect(errorRate(m)).toBeCloseTo(1 / 4000);
  });
});

describe('share', () => {
  it('splits arrivals over processes without losing any', () => {
    const parts = [0, 1, 2].map((i) => share(10, 3, i));
    expect(parts).toEqual([4, 3, 3]);
  });
});

describe('table and fmt', () => {
  it('prints integers as they are and aligns the columns', () => {
    expect(fmt(3)).toBe('3');
    expect(fmt(3.14159)).toBe('3.14');
    expect(fmt(NaN)).toBe('–');
    const lines = table('t', [
      ['a', 1],
      ['longer', 'x'],
    ]).split('\n');
    expect(new Set(lines.map((l) => l.length)).size).toBe(1);
  });
});

describe('parseServerSample', () => {
  it('reads the Prometheus lines a run follows', () => {
    const s = parseServerSample(
      [
        'drawcast_connected_sockets 12',
        'drawcast_joins_total{result="created"} 10',
        'drawcast_joins_total{result="existing"} 2',
        'drawcast_joins_total{result="failed"} 1',
        'drawcast_process_resident_memory_bytes 1048576',
        'drawcast_nodejs_eventloop_lag_p99_seconds 0.012',
      ].join('\n'),
    );
    expect(s).toMatchObject({ sockets: 12, joins: 12, joinsFailed: 1, rssBytes: 1048576 });
    expect(s.loopLagP99Ms).toBeCloseTo(12);
  });
});
