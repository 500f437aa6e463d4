// Join-spike watch (issue #14): feeds every join attempt to a per-event detector, pushes the alert to host
// consoles, and remembers which entries came from which address (as a keyed hash) for the batch action.
import { DrawcastError, ErrorCode } from '@drawcast/shared';
import type { JoinSpikeDto, SpikeDisqualifyResultDto } from '@drawcast/shared';
import { DEFAULT_SPIKE_OPTIONS, JoinRateDetector } from '../domain/spike/joinRate';
import type { SpikeOptions } from '../domain/spike/joinRate';
import { maskIp } from '../domain/spike/maskIp';
import type { Clock } from '../services/types';

/** Entries created from one address: memory only, so a restart forgets them (docs/SECURITY.md). */
interface SourceEntries {
  masked: string;
  /** Participant ids with their join time, oldest first; `taken` once the batch action disqualified them. */
  entries: Array<{ participantId: string; at: number; taken?: boolean }>;
}

interface EventWatch {
  detector: JoinRateDetector;
  bySource: Map<string, SourceEntries>;
}

/** Masked forms of refused-only sources (they have no entries), kept for at most this many keys. */
const MAX_LABELS = 4096;

/** What the watch needs from outside: the time, the hash, the push, and how to disqualify one entry. */
export interface JoinSpikeDeps {
  clock: Clock;
  /** Keyed hash of an address (16 hex digits): the only form of it kept per entry. */
  keyOf: (ip: string) => string;
  push: (spike: JoinSpikeDto) => void;
  /** The console's existing disqualify (one entry; audited); answers whether it changed anything. */
  disqualify: (eventId: string, participantId: string) => Promise<{ changed: boolean }>;
  /** The event's id, or EVENT_NOT_FOUND (the REST and socket forms name events alike). */
  eventIdOf: (eventId: string) => Promise<string>;
  options?: Partial<SpikeOptions> & { pushIntervalMs?: number };
}

/** Why: a flood of fake devices must reach the host's eyes in seconds, with something to act on. */
export class JoinSpikes {
  private readonly events = new Map<string, EventWatch>();
  private readonly labels = new Map<string, string>();
  private readonly options: SpikeOptions;
  private readonly pushIntervalMs: number;
  private timer: ReturnType<typeof setInterval> | null = null;

  constructor(private readonly deps: JoinSpikeDeps) {
    this.options = { ...DEFAULT_SPIKE_OPTIONS, ...deps.options };
    this.pushIntervalMs = deps.options?.pushIntervalMs ?? 1000;
  }

  /** A join attempt that reached an event: `participantId` when it created an entry, null otherwise. */
  record(eventId: string, ip: string, participantId: string | null): void {
    const now = this.deps.clock.now();
    const watch = this.watchOf(eventId);
    const key = this.deps.keyOf(ip);
    if (participantId) {
      let source = watch.bySource.get(key);
      if (!source) watch.bySource.set(key, (source = { masked: maskIp(ip), entries: [] }));
      source.entries.push({ participantId, at: now });
    } else if (!watch.bySource.has(key) && !this.labels.has(key)) {
      if (this.labels.size >= MAX_LABELS) this.labels.delete(this.labels.keys().next().value!);
      this.labels.set(key, maskIp(ip));
    }
    const { started, ended } = watch.detector.record(now, key);
    if (started || ended) this.deps.push(this.reading(eventId, watch));
    if (started) this.startTimer();
  }

  /** The reading now (REST and spike:status, after a console reload). */
  async status(eventId: string): Promise<JoinSpikeDto> {
    const id = await this.deps.eventIdOf(eventId);
    return this.reading(id, this.watchOf(id));
  }

  /** The host calls the spike normal: hidden in the console, learned by the baseline. */
  async dismiss(eventId: string): Promise<JoinSpikeDto> {
    const id = await this.deps.eventIdOf(eventId);
    const watch = this.watchOf(id);
    watch.detector.dismiss(this.deps.clock.now());
    const dto = this.reading(id, watch);
    this.deps.push(dto);
    return dto;
  }

  /** Disqualifies every entry created from the keyed address at or after `since` (NOT_FOUND: none known). */
  async disqualifyFrom(eventId: string, ipKey: string, since: number): Promise<SpikeDisqualifyResultDto> {
    const id = await this.deps.eventIdOf(eventId);
    const source = this.events.get(id)?.bySource.get(ipKey);
    if (!source) {
      throw new DrawcastError(
        ErrorCode.NOT_FOUND,
        'ipKey: no entry joined from this address in this event since the server started',
        'ipKey',
      );
    }
    const participantIds: string[] = [];
    let disqualified = 0;
    for (const entry of source.entries) {
      if (entry.at < since) continue;
      try {
        if ((await this.deps.disqualify(id, entry.participantId)).changed) disqualified += 1;
        participantIds.push(entry.participantId);
      } catch (err) {
        // deleted since (privacy): nothing left to disqualify
        if (!(err instanceof DrawcastError && err.code === ErrorCode.PARTICIPANT_NOT_FOUND)) throw err;
      }
      entry.taken = true;
    }
    // Every console sees that source's entries taken care of.
    this.deps.push(this.reading(id, this.watchOf(id)));
    return { participantIds, disqualified };
  }

  /** Stops the push timer (server close). */
  close(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  private watchOf(eventId: string): EventWatch {
    let watch = this.events.get(eventId);
    if (!watch) {
      watch = { detector: new JoinRateDetector(this.options), bySource: new Map() };
      this.events.set(eventId, watch);
    }
    return watch;
  }

  /** While any spike lasts: a fresh reading every pushIntervalMs, and one last when it ends. */
  private startTimer(): void {
    if (this.timer) return;
    this.timer = setInterval(() => {
      let anyActive = false;
      for (const [eventId, watch] of this.events) {
        const before = watch.detector.status(this.deps.clock.now());
        if (!before.active && !before.ended) continue;
        anyActive ||= before.active;
        this.deps.push(this.reading(eventId, watch));
      }
      if (!anyActive) this.close();
    }, this.pushIntervalMs);
    this.timer.unref();
  }

  private reading(eventId: string, watch: EventWatch): JoinSpikeDto {
    const now = this.deps.clock.now();
    const s = watch.detector.status(now);
    const since = s.since ?? 0;
    return {
      eventId,
      active: s.active,
      dismissed: s.dismissed,
      since: s.since,
      ratePerMinute: s.ratePerMinute,
      normalPerMinute: s.normalPerMinute,
      thresholdPerMinute: s.thresholdPerMinute,
      topSources: s.topSources.map((c) => {
        const source = watch.bySource.get(c.key);
        return {
          ipKey: c.key,
          ipMasked: source?.masked ?? this.labels.get(c.key) ?? '*',
          joins: c.count,
          overcount: c.error,
          entriesSince: source ? countSince(source.entries, since) : 0,
        };
      }),
      at: now,
    };
  }
}

/** Entries at or after `since` not yet taken by the batch action (in join order: binary search to the first). */
function countSince(entries: SourceEntries['entries'], since: number): number {
  let lo = 0;
  let hi = entries.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (entries[mid]!.at < since) lo = mid + 1;
    else hi = mid;
  }
  let count = 0;
  for (let i = lo; i < entries.length; i += 1) if (!entries[i]!.taken) count += 1;
  return count;
}
