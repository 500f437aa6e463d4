// Join-spike detection for one event: the join rate over a sliding window against an EWMA baseline.
import { HeavyHitters } from './heavyHitters';
import type { HeavyHitter } from './heavyHitters';

/** Tuning; defaults in DEFAULT_SPIKE_OPTIONS. */
export interface SpikeOptions {
  /** Bucket width; the baseline learns once per closed bucket. */
  bucketMs: number;
  /** The "current rate" window (a whole number of buckets). */
  windowMs: number;
  /** EWMA weight of each closed bucket in the baseline (0..1); a bucket counts at most the threshold. */
  alpha: number;
  /** A spike: the window's rate above factor × normal… */
  factor: number;
  /** …and at least this many joins per minute (a quiet event's first 20 joins are no spike). */
  floorPerMinute: number;
  /** The spike ends once the rate falls below this share of the alert threshold (hysteresis). */
  endRatio: number;
  /** Source counters kept per event (space-saving capacity: bounded memory). */
  sourceCapacity: number;
  /** Sources reported in an alert. */
  topN: number;
}

/** Why these: 10 s buckets see a burst within seconds; 5× normal and 60/min keep a busy but honest event quiet. */
export const DEFAULT_SPIKE_OPTIONS: SpikeOptions = {
  bucketMs: 10_000,
  windowMs: 60_000,
  alpha: 0.05,
  factor: 5,
  floorPerMinute: 60,
  endRatio: 0.5,
  sourceCapacity: 64,
  topN: 5,
};

/** What the detector says about an event now. */
export interface SpikeStatus {
  active: boolean;
  /** The host dismissed the current spike (it stays active until the rate falls). */
  dismissed: boolean;
  /** When the current (or last) spike began; null before any. */
  since: number | null;
  /** Joins per minute over the window. */
  ratePerMinute: number;
  /** The learned normal (EWMA), per minute. */
  normalPerMinute: number;
  /** The rate above which a spike starts: max(factor × normal, floor). */
  thresholdPerMinute: number;
  /** Busiest sources since the spike began (or over the window when none), largest first. */
  topSources: HeavyHitter[];
}

/**
 * Why: the host cannot watch a counter all night; this says "joins are 40× normal, mostly from one
 * address" the moment it happens. Pure: the caller passes the time, so tests drive the clock.
 */
export class JoinRateDetector {
  private readonly buckets: number[];
  /** Index (time / bucketMs) of the newest bucket. */
  private head: number | null = null;
  private baseline = 0;
  private active = false;
  /** The host called this spike normal: the baseline learns from it again. */
  private dismissed = false;
  private since: number | null = null;
  /** Sources since the spike began (or since the last quiet window). */
  private sources: HeavyHitters;

  constructor(private readonly options: SpikeOptions = DEFAULT_SPIKE_OPTIONS) {
    if (options.windowMs % options.bucketMs !== 0 || options.windowMs < options.bucketMs)
      throw new RangeError('windowMs must be a whole number of buckets');
    this.buckets = new Array<number>(options.windowMs / options.bucketMs).fill(0);
    this.sources = new HeavyHitters(options.sourceCapacity);
  }

  /** One join attempt from `source` at `now`; answers whether a spike started (or ended) with it. */
  record(now: number, source: string): { started: boolean; ended: boolean } {
    this.advance(now);
    const slot = this.slotOf(this.head!);
    this.buckets[slot] = (this.buckets[slot] ?? 0) + 1;
    this.sources.add(source);
    return this.evaluate(now);
  }

  /** The host says the current spike is normal traffic (e.g. the QR just went on air): learn from it. */
  dismiss(now: number): void {
    this.advance(now);
    if (this.active) this.dismissed = true;
  }

  /** The status at `now` (moves the window; a spike that faded ends here). */
  status(now: number): SpikeStatus & { ended: boolean } {
    this.advance(now);
    const { ended } = this.evaluate(now);
    return { ...this.snapshot(), ended };
  }

  private snapshot(): SpikeStatus {
    return {
      active: this.active,
      dismissed: this.dismissed,
      since: this.since,
      ratePerMinute: round1(this.ratePerMinute()),
      normalPerMinute: round1(this.baseline),
      thresholdPerMinute: round1(this.threshold()),
      topSources: this.sources.top(this.options.topN),
    };
  }

  private threshold(): number {
    return Math.max(this.options.factor * this.baseline, this.options.floorPerMinute);
  }

  private ratePerMinute(): number {
    const total = this.buckets.reduce((a, b) => a + b, 0);
    return (total * 60_000) / this.options.windowMs;
  }

  private evaluate(now: number): { started: boolean; ended: boolean } {
    const rate = this.ratePerMinute();
    if (!this.active && rate > this.threshold()) {
      this.active = true;
      this.dismissed = false;
      this.since = this.windowStart(now);
      return { started: true, ended: false };
    }
    if (this.active && rate < this.options.endRatio * this.threshold()) {
      this.active = false;
      this.dismissed = false;
      return { started: false, ended: true };
    }
    return { started: false, ended: false };
  }

  /** Start of the oldest bucket in the window holding a join: the joins that made the spike count too. */
  private windowStart(now: number): number {
    const n = this.buckets.length;
    for (let age = n - 1; age > 0; age -= 1)
      if ((this.buckets[this.slotOf(this.head! - age)] ?? 0) > 0)
        return (this.head! - age) * this.options.bucketMs;
    return Math.min(now, this.head! * this.options.bucketMs);
  }

  private slotOf(bucket: number): number {
    const n = this.buckets.length;
    return ((bucket % n) + n) % n;
  }

  /**
   * Closes the buckets between the last one and `now`. Each closed bucket teaches the baseline, counting at
   * most the threshold (one burst cannot drag "normal" up with it); an undismissed spike teaches nothing.
   */
  private advance(now: number): void {
    const { bucketMs, alpha } = this.options;
    const bucket = Math.floor(now / bucketMs);
    if (this.head === null) {
      this.head = bucket;
      return;
    }
    if (bucket <= this.head) return; // same bucket, or a clock that stepped back: count it in the newest
    const learning = !this.active || this.dismissed;
    const perMinute = 60_000 / bucketMs;
    const steps = bucket - this.head;
    const n = this.buckets.length;
    if (learning) {
      const sample = Math.min((this.buckets[this.slotOf(this.head)] ?? 0) * perMinute, this.threshold());
      this.baseline += alpha * (sample - this.baseline);
      // Buckets after it were empty: the baseline decays towards 0 for each.
      if (steps > 1) this.baseline *= (1 - alpha) ** (steps - 1);
    }
    for (let i = 1; i <= Math.min(steps, n); i += 1) this.buckets[this.slotOf(this.head + i)] = 0;
    this.head = bucket;
    // Quiet again (no spike, empty window): count sources afresh, so old ones fade.
    if (!this.active && this.buckets.every((b) => b === 0))
      this.sources = new HeavyHitters(this.options.sourceCapacity);
  }
}

const round1 = (x: number) => Math.round(x * 10) / 10;
