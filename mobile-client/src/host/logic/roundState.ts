// What a round's card shows: its phase, and when the stage and the phones reveal it.
import type { RoundDto } from '@drawcast/shared';

/** The phases the round screen distinguishes. */
export type RoundPhase = 'committed' | 'drawing' | 'onStage' | 'revealed' | 'cancelled';

/**
 * Why: the host must see what the phones see and when: after the draw the stage animates until
 * revealAt, the phones follow at phoneRevealAt (the stream delay later).
 */
export function roundPhase(
  round: Pick<RoundDto, 'status' | 'revealAt' | 'phoneRevealAt'>,
  now: number,
): RoundPhase {
  if (round.status === 'cancelled') return 'cancelled';
  if (round.status === 'committed') return 'committed';
  if (round.revealAt !== null && now < round.revealAt) return 'drawing';
  if (round.phoneRevealAt !== null && now < round.phoneRevealAt) return 'onStage';
  return 'revealed';
}

/** Whole seconds until a server time (never negative). */
export function secondsUntil(at: number | null, now: number): number {
  return at === null ? 0 : Math.max(0, Math.ceil((at - now) / 1000));
}

/** The round that can be drawn next: the oldest committed one. */
export function armedRound<T extends Pick<RoundDto, 'status' | 'createdAt'>>(rounds: readonly T[]): T | null {
  let best: T | null = null;
  for (const r of rounds) if (r.status === 'committed' && (!best || r.createdAt < best.createdAt)) best = r;
  return best;
}

/** Applies a live broadcast to the round list: replaces the round by id, or appends it. */
export function upsertById<T extends { id: string }>(list: readonly T[], item: T): T[] {
  const i = list.findIndex((x) => x.id === item.id);
  if (i < 0) return [...list, item];
  const copy = [...list];
  copy[i] = item;
  return copy;
}
