// Command-line options of `npm run loadtest`, parsed and checked in one place so a typo fails at once.
import { parseArgs } from 'node:util';

/** The scenarios one command runs (each an artillery script in loadtest/artillery/, soak has its own loop). */
export const SCENARIOS = ['join', 'live', 'host', 'steady', 'soak', 'watch'] as const;

/** One of SCENARIOS. */
export type Scenario = (typeof SCENARIOS)[number];

/** Everything a run needs; defaults are the small, quick version of each scenario. */
export interface LoadtestOptions {
  scenario: Scenario;
  /** Phones that join and stay (join, live, soak) or are already connected (steady). */
  phones: number;
  /** Seconds the phones take to arrive (join, live, and the steady run's base audience). */
  rampSeconds: number;
  /** steady: joins per second of the open loop; soak: derived from phones / stay when 0. */
  rate: number;
  /** steady and soak: seconds of the measured phase. */
  durationSeconds: number;
  /** join: seconds each phone stays after its join (0 = until the end of the ramp plus `holdSeconds`). */
  holdSeconds: number;
  /** Server URLs; empty = the CLI starts its own (one node, or `nodes` behind PostgreSQL + Redis). */
  targets: string[];
  nodes: number;
  hostToken: string | undefined;
  /** artillery processes the phones are spread over (each below the 20,000 open-file limit). */
  workers: number;
  /** host: rounds created, closed and drawn. */
  rounds: number;
  /** soak: seconds between draws. */
  drawEverySeconds: number;
  /** steady and watch: an existing event's join code (a watching audience started before stays on it). */
  event: string | undefined;
  /** steady: the base audience joins (join.yml) instead of watching the event (watch.yml). */
  baseJoined: boolean;
  /** steady: run the same open loop (and base audience) against a bare Socket.IO server instead. */
  bare: boolean;
  /** Where reports, samples and charts go. */
  outDir: string;
}

const USAGE = `usage: npm run loadtest -- --scenario ${SCENARIOS.join('|')} [--phones N] [--ramp S] [--rate R]
  [--duration S] [--hold S] [--target URL[,URL]] [--nodes 1|2] [--host-token T] [--workers W] [--rounds N]
  [--draw-every S] [--bare] [--base-joined] [--event CODE] [--out DIR]`;

/** A bad command line: the message says which option and shows the usage. */
export class UsageError extends Error {}

const positive = (name: string, raw: string | undefined, fallback: number, min = 1): number => {
  if (raw === undefined) return fallback;
  const n = Number(raw);
  if (!Number.isFinite(n) || n < min) throw new UsageError(`--${name} must be a number >= ${min}\n${USAGE}`);
  return n;
};

/** Why: one parser for every scenario, with defaults that keep an unconfigured run small and short. */
export function parseLoadtestArgs(argv: string[]): LoadtestOptions {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      options: {
        scenario: { type: 'string' },
        phones: { type: 'string' },
        ramp: { type: 'string' },
        rate: { type: 'string' },
        duration: { type: 'string' },
        hold: { type: 'string' },
        target: { type: 'string' },
        nodes: { type: 'string' },
        'host-token': { type: 'string' },
        workers: { type: 'string' },
        rounds: { type: 'string' },
        'draw-every': { type: 'string' },
        out: { type: 'string' },
        bare: { type: 'boolean' },
        'base-joined': { type: 'boolean' },
        event: { type: 'string' },
      },
      strict: true,
    }).values;
  } catch (err) {
    throw new UsageError(`${(err as Error).message}\n${USAGE}`);
  }
  const scenario = parsed.scenario as Scenario | undefined;
  if (!scenario || !SCENARIOS.includes(scenario)) {
    throw new UsageError(`--scenario must be one of ${SCENARIOS.join(', ')}\n${USAGE}`);
  }
  const defaults = {
    join: { phones: 1000, duration: 0 },
    live: { phones: 1000, duration: 0 },
    host: { phones: 0, duration: 0 },
    steady: { phones: 10_000, duration: 60 },
    soak: { phones: 1000, duration: 1800 },
    watch: { phones: 10_000, duration: 900 },
  }[scenario];
  const phones = positive('phones', parsed.phones, defaults.phones, 0);
  const nodes = positive('nodes', parsed.nodes, 1);
  if (nodes > 2) throw new UsageError(`--nodes must be 1 or 2\n${USAGE}`);
  const targets = parsed.target ? parsed.target.split(',').filter(Boolean) : [];
  return {
    scenario,
    phones,
    rampSeconds: positive('ramp', parsed.ramp, Math.max(5, Math.ceil(phones / 500))),
    rate: positive('rate', parsed.rate, scenario === 'steady' ? 5000 : 0, 0),
    durationSeconds: positive('duration', parsed.duration, defaults.duration, 0),
    holdSeconds: positive('hold', parsed.hold, 10, 0),
    targets,
    nodes: targets.length > 0 ? targets.length : nodes,
    hostToken: parsed['host-token'] ?? process.env.DRAWCAST_HOST_TOKEN,
    // One artillery process holds at most ~8,000 phones (one open file each, plus artillery's own).
    workers: positive('workers', parsed.workers, Math.max(1, Math.ceil(phones / 8000))),
    rounds: positive('rounds', parsed.rounds, 5),
    drawEverySeconds: positive('draw-every', parsed['draw-every'], 60),
    bare: parsed.bare ?? false,
    baseJoined: parsed['base-joined'] ?? false,
    event: parsed.event,
    outDir: parsed.out ?? '.tmp/loadtest',
  };
}
