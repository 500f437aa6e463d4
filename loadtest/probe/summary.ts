// Pure figures from the phones' records: reveal lag percentiles, reveal spread, share ahead of revealAt.
import { percentile } from '../../server/bench/load';
import type { PhoneRecord } from './fleetProtocol';

/** The reveal figures of one run (ms unless named otherwise). */
export interface RevealSummary {
  phones: number;
  received: number;
  lagP50: number;
  lagP95: number;
  lagP99: number;
  lagMax: number;
  /** Latest minus earliest true instant at which the phones would reveal. */
  spread: number;
  /** The same without the 1 % furthest from revealAt (what one stalled phone cannot move). */
  spreadP99: number;
  /** Worst |clock-sync error| over the phones. */
  syncErrorMax: number;
  /** Share of the phones that held the result before their own reveal instant. */
  aheadShare: number;
}

/**
 * Why: one definition of every figure for Drawcast and bare alike. Lag is each phone's receipt minus the
 * server's send instant, which is revealAt − leadMs (the release instant; the bare server stamps it so).
 */
export function summarize(records: readonly PhoneRecord[], phones: number, leadMs: number): RevealSummary {
  const got = records.filter((r) => Number.isFinite(r.receivedAt));
  const lags = got.map((r) => r.receivedAt - (r.revealAt - leadMs)).sort((a, b) => a - b);
  const instants = got.map((r) => r.localRevealTrue).sort((a, b) => a - b);
  const revealAt = got[0]?.revealAt ?? Number.NaN;
  const byDistance = [...instants].sort((a, b) => Math.abs(a - revealAt) - Math.abs(b - revealAt));
  const kept = byDistance.slice(0, Math.max(1, Math.ceil(byDistance.length * 0.99)));
  return {
    phones,
    received: got.length,
    lagP50: percentile(lags, 50),
    lagP95: percentile(lags, 95),
    lagP99: percentile(lags, 99),
    lagMax: lags.at(-1) ?? Number.NaN,
    spread: got.length ? instants.at(-1)! - instants[0]! : Number.NaN,
    spreadP99: got.length ? Math.max(...kept) - Math.min(...kept) : Number.NaN,
    syncErrorMax: Math.max(...records.map((r) => Math.abs(r.syncErrorMs))),
    aheadShare: got.filter((r) => r.receivedAt < r.localRevealTrue).length / Math.max(1, phones),
  };
}

/** Why: one noisy draw must not decide a figure; each field is the median over a run's draws. */
export function medianSummary(draws: readonly RevealSummary[]): RevealSummary {
  const med = (key: keyof RevealSummary) => {
    const v = draws.map((d) => d[key]).sort((a, b) => a - b);
    const m = Math.floor(v.length / 2);
    return v.length % 2 ? v[m]! : (v[m - 1]! + v[m]!) / 2;
  };
  const keys = Object.keys(draws[0]!) as (keyof RevealSummary)[];
  return Object.fromEntries(keys.map((k) => [k, med(k)])) as unknown as RevealSummary;
}
