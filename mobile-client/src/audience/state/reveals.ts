// The reveal queue: each new result runs its suspense until revealAt (server clock), then shows.
import { shallowRef } from 'vue';
import type { RoundRevealDto } from '@drawcast/shared';
import { browserStorage } from '../../common/device';
import type { EntryState } from './entry';
import { planReveal, revealedBeforeJoining } from './reveal';
import type { RevealPlan } from './reveal';

/** The reveal on screen: suspense until `plan.showAtLocal`, then the result. */
export interface ActiveReveal {
  result: RoundRevealDto;
  plan: RevealPlan;
  shown: boolean;
  /** Local Date.now() when the result appeared (tests compare phones with it). */
  shownAt: number | null;
}

const SEEN_KEY = 'drawcast.seenResults';

function loadSeen(): Set<string> {
  try {
    return new Set(JSON.parse(browserStorage()?.getItem(SEEN_KEY) ?? '[]') as string[]);
  } catch {
    return new Set();
  }
}

function saveSeen(seen: Set<string>): void {
  try {
    browserStorage()?.setItem(SEEN_KEY, JSON.stringify([...seen].slice(-200)));
  } catch {
    // storage off: a reload shows the last result again, which is harmless
  }
}

/** Why: a result must appear at the same instant on every phone, and a missed one when the phone is back. */
export function useReveals(offsetMs: () => number) {
  const active = shallowRef<ActiveReveal | null>(null);
  const seen = loadSeen();
  const handled = new Set<string>();
  const queue: RoundRevealDto[] = [];
  let timer: ReturnType<typeof setTimeout> | null = null;
  // Server time of this page's own join (null after a reload: then every unseen result shows).
  const joinedAt = shallowRef<number | null>(null);

  function show(): void {
    const current = active.value;
    if (!current || current.shown) return;
    active.value = { ...current, shown: true, shownAt: Date.now() };
    seen.add(current.result.roundId);
    saveSeen(seen);
  }

  function startNext(): void {
    const result = queue.shift();
    if (!result) return;
    const plan = planReveal(result.revealAt, offsetMs(), Date.now());
    active.value = { result, plan, shown: false, shownAt: null };
    if (plan.late) show();
    else timer = setTimeout(show, plan.showAtLocal - Date.now());
  }

  /** Queues every result of the state this page has not handled and this phone has not shown before. */
  function sync(entry: EntryState): void {
    for (const result of entry.results) {
      if (handled.has(result.roundId)) continue;
      handled.add(result.roundId);
      if (seen.has(result.roundId)) continue;
      if (revealedBeforeJoining(result, joinedAt.value, entry.me.id)) {
        seen.add(result.roundId); // never shown, and not after a reload either
        saveSeen(seen);
        continue;
      }
      queue.push(result);
    }
    if (!active.value) startNext();
  }

  /** The phone has just joined (server ms): results revealed before it are not its results. */
  function joinedNow(serverNow: number): void {
    joinedAt.value = serverNow;
  }

  /** Closes the result and moves on to the next queued one. */
  function dismiss(): void {
    if (timer) clearTimeout(timer);
    timer = null;
    active.value = null;
    startNext();
  }

  return { active, sync, dismiss, joinedNow, joinedAt };
}
