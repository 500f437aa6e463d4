// The messages between the probe and its phone-fleet children (over the fork IPC channel).
import type { RoundRevealDto } from '@drawcast/shared';

/** Start phones [first, first+count) of a run. */
export interface StartCommand {
  type: 'start';
  runId: string;
  /** Phone i connects to urls[i % urls.length] (one per node). */
  urls: string[];
  first: number;
  count: number;
  /** A 127.x.y.z address of its own, so no child runs out of loopback ports. */
  localAddress: string;
  /** Drawcast: the event to join; the bare baseline has none. */
  joinCode: string | null;
  maxSkewMs: number;
  clockSamples: number;
  /** Re-sync on round:committed / round:entriesClosed as the phone app does (off: connect sync only). */
  resyncOnCommit: boolean;
  /** The app's window (RESYNC_DEFAULTS.windowMs); the smoke test shortens it. */
  resyncWindowMs: number;
  concurrency: number;
  transports: ('websocket' | 'polling')[];
  perMessageDeflate: boolean;
  /** Epoch ms after which no further phone starts (the biggest-audience ramp); absent = no limit. */
  rampDeadline?: number;
}

/** What the probe tells a fleet child: start, report the reveals (even if some are missing), close. */
export type FleetCommand =
  StartCommand | { type: 'resync' } | { type: 'collect'; roundId: string } | { type: 'close' };

/** One phone's measurements; times are true (unskewed) epoch ms, NaN until the reveal arrives. */
export interface PhoneRecord {
  index: number;
  skewMs: number;
  /** Its clock-offset estimate's error (ms): offset + skew, 0 when perfect. */
  syncErrorMs: number;
  receivedAt: number;
  revealAt: number;
  /** The true instant the phone would reveal at (revealAt on its clock, after sync). */
  localRevealTrue: number;
}

/** What a fleet child reports. */
export type FleetReport =
  | { type: 'progress'; ready: number; failed: number }
  | { type: 'ready'; ready: number; failed: number; firstError: string }
  /** A child's first phone got a round's reveal: the payload as it came. */
  | { type: 'payload'; roundId: string; payload: RoundRevealDto }
  | { type: 'revealed'; roundId: string; records: PhoneRecord[] }
  | { type: 'resynced' };

/** Why: phone i's clock skew, spread evenly but scrambled over [-max, +max] ms, the same in every run. */
export function skewOf(index: number, maxSkewMs: number): number {
  const u = ((index * 7919) % 10_007) / 10_006; // 7919 and 10,007 are prime: a permutation of 0..10,006
  return Math.round((u * 2 - 1) * maxSkewMs);
}
