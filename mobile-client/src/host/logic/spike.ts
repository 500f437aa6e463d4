// The join-spike banner's decisions: when it shows, how far above normal, and what the batch action takes.
import type { JoinSpikeDto, SpikeSourceDto } from '@drawcast/shared';

/** Why: the banner shows only for the open event, while the spike lasts and until the host dismisses it. */
export function visibleSpike(spike: JoinSpikeDto | null, eventId: string | null): JoinSpikeDto | null {
  if (!spike || spike.eventId !== eventId) return null;
  return spike.active && !spike.dismissed ? spike : null;
}

/** "12×" normal, one decimal under 10; null while there is no normal yet (the floor decided). */
export function timesNormal(spike: Pick<JoinSpikeDto, 'ratePerMinute' | 'normalPerMinute'>): string | null {
  if (spike.normalPerMinute <= 0) return null;
  const x = spike.ratePerMinute / spike.normalPerMinute;
  return x >= 10 ? String(Math.round(x)) : x.toFixed(1);
}

/** Below this many attempts a source is one of the crowd: no batch button next to it. */
export const MIN_ACTION_JOINS = 10;

/** Sources the batch action can act on (busy, with entries not yet taken since the spike began). */
export function actionableSources(spike: JoinSpikeDto): SpikeSourceDto[] {
  return spike.topSources.filter((s) => s.entriesSince > 0 && s.joins >= MIN_ACTION_JOINS);
}

/** A short tag that tells apart sources whose masked forms are equal (same /24). */
export function sourceTag(source: Pick<SpikeSourceDto, 'ipKey'>): string {
  return `#${source.ipKey.slice(0, 4)}`;
}

/** A newer reading replaces an older one of the same event; another event's is ignored. */
export function nextSpike(
  current: JoinSpikeDto | null,
  incoming: JoinSpikeDto,
  eventId: string | null,
): JoinSpikeDto | null {
  if (incoming.eventId !== eventId) return current;
  if (current && current.eventId === incoming.eventId && current.at > incoming.at) return current;
  return incoming;
}
