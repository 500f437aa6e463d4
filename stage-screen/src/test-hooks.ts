// What the end-to-end tests and the frame-time bench read from the page (window.__stage). Read-only views
// of the screen's state, plus a frame-time recorder; the synthetic-crowd bench runs only with ?bench=1.
import type { StageApp } from './app';
import type { RevealRecord } from './app';
import type { SlotsState } from './scenes/slots-view';
import type { WheelState } from './scenes/wheel-view';

/** The page's test surface. */
export interface StageTestHooks {
  ready: boolean;
  scene: 'lobby' | 'draw' | 'results';
  offsetMs: () => number;
  wheel: () => WheelState | null;
  slots: () => SlotsState | null;
  reveals: () => RevealRecord[];
  /** The draw being shown: its round, mode and local start/end (ms). */
  draw: () => { roundId: string; mode: string; startAt: number; endAt: number } | null;
  /** The lobby: armed prize, count text, joiners shown so far. */
  lobby: () => {
    prize: string | null;
    commitment: string | null;
    joiners: string[];
    auditHead: string;
    prizeImage: boolean;
  };
  /** Language, colour and logo in use (the event's, or the URL's overrides). */
  look: () => { lang: string; primaryColor: string | null; logoUrl: string | null; logoShown: boolean };
  layout: () => string;
  /** The winners-history panel's text, one string per line. */
  history: () => string;
  /** Starts recording frame times (ms between ticker frames). */
  recordFrames: () => void;
  /** Stops recording and returns the frame times. */
  frames: () => number[];
  /** ?bench=1 only: animates a synthetic draw over `entries` names for `ms` (no server involved). */
  bench?: (mode: 'wheel' | 'slots', entries: number, winners: number, ms: number) => void;
}

declare global {
  interface Window {
    __stage?: StageTestHooks;
  }
}

/** Why: tests must read the wheel's final angle and the reveal instant, which a canvas does not expose. */
export function exposeTestHooks(stage: StageApp): void {
  let recording: number[] | null = null;
  let last = 0;
  stage.app.ticker.add(() => {
    const now = performance.now();
    if (recording && last > 0) recording.push(now - last);
    last = now;
  });
  const hooks: StageTestHooks = {
    ready: false,
    scene: 'lobby',
    offsetMs: () => stage.conn.offsetMs,
    wheel: () => stage.draw.wheel.state,
    slots: () => stage.draw.slots.state,
    reveals: () => stage.reveals,
    history: () => stage.history.text,
    draw: () => {
      const p = stage.draw.plan;
      return p ? { roundId: p.roundId, mode: p.mode, startAt: p.startAt, endAt: p.endAt } : null;
    },
    lobby: () => ({
      prize: stage.lobby.shownRound?.prizeName ?? null,
      commitment: stage.lobby.shownRound?.commitment ?? null,
      joiners: [...stage.lobby.shownJoiners],
      auditHead: stage.lobby.shownAuditHead,
      prizeImage: stage.lobby.prizeImageShown,
    }),
    look: () => ({ ...stage.lookInUse, logoShown: stage.logoShown }),
    layout: () => `${stage.currentLayout.kind} ${stage.currentLayout.width}x${stage.currentLayout.height}`,
    recordFrames: () => {
      recording = [];
      last = 0;
    },
    frames: () => {
      const out = recording ?? [];
      recording = null;
      return out;
    },
  };
  if (new URLSearchParams(window.location.search).get('bench') === '1') {
    (window as unknown as { __app: unknown }).__app = stage.app;
    hooks.bench = (mode, entries, winners, ms) => {
      const pool = Array.from({ length: entries }, (_, i) => ({ id: `b${i}`, name: `Guest ${i}` }));
      const chosen = pool.slice(0, winners);
      const now = Date.now();
      stage.draw.start({
        roundId: `bench-${now}`,
        prizeName: 'Bench',
        mode,
        winners: chosen,
        pool,
        startAt: now,
        endAt: now + ms,
        rng: Math.random,
      });
      stage.draw.show();
      stage.lobby.hide();
    };
  }
  window.__stage = hooks;
}
