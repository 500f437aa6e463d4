// Follows a run while it goes: the servers' own metrics, the CPU of servers and load generators (from
// /proc), and the load average; prints a progress line and keeps every sample for the summary and charts.
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { readServerSample, type ServerSample } from './hostApi';

const TICK = 100; // clock ticks per second (getconf CLK_TCK on Linux)

/** CPU seconds (user + system, all threads) a process has used, or NaN once it is gone. */
export function cpuSecondsOf(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / TICK;
  } catch {
    return NaN;
  }
}

/** One sample of the whole run, summed over the servers. */
export interface RunSample extends ServerSample {
  t: number;
  load1: number;
  /** Cores the load generators used since the previous sample. */
  generatorCores: number;
  serverCores: number;
}

/** Why: one loop both for the progress line and for the soak's memory and loop-lag series. */
export class Monitor {
  readonly samples: RunSample[] = [];
  private timer: ReturnType<typeof setInterval> | undefined;
  private readonly t0 = Date.now();
  private readonly genCpu = new Map<number, number>();
  private lastGen = 0;
  private lastServer = 0;
  private lastAt = Date.now();

  constructor(
    private readonly urls: string[],
    private readonly serverPids: number[],
    private readonly generatorPids: () => number[],
    private readonly label: () => string = () => '',
  ) {}

  /** Seconds since the monitor was made (the time axis of its samples). */
  elapsed(): number {
    return (Date.now() - this.t0) / 1000;
  }

  /** Total CPU seconds of every generator process seen so far (a finished one keeps its last reading). */
  generatorCpuSeconds(): number {
    for (const pid of this.generatorPids()) {
      const s = cpuSecondsOf(pid);
      if (Number.isFinite(s)) this.genCpu.set(pid, s);
    }
    return [...this.genCpu.values()].reduce((a, b) => a + b, 0);
  }

  /** Takes one sample now. */
  async sample(): Promise<RunSample | undefined> {
    let server: ServerSample[];
    try {
      server = await Promise.all(this.urls.map((u) => readServerSample(u)));
    } catch {
      return undefined;
    }
    const sum = (f: (s: ServerSample) => number) => server.reduce((a, s) => a + f(s), 0);
    const max = (f: (s: ServerSample) => number) => Math.max(...server.map(f));
    const now = Date.now();
    const dt = Math.max(0.001, (now - this.lastAt) / 1000);
    const gen = this.generatorCpuSeconds();
    const srv = this.serverPids.length
      ? this.serverPids.map(cpuSecondsOf).reduce((a, b) => a + b, 0)
      : sum((s) => s.cpuSeconds);
    const s: RunSample = {
      t: (now - this.t0) / 1000,
      sockets: sum((x) => x.sockets),
      joins: sum((x) => x.joins),
      joinsFailed: sum((x) => x.joinsFailed),
      rssBytes: sum((x) => x.rssBytes),
      heapUsedBytes: sum((x) => x.heapUsedBytes),
      cpuSeconds: srv,
      loopLagP99Ms: max((x) => x.loopLagP99Ms),
      loopLagMaxMs: max((x) => x.loopLagMaxMs),
      load1: loadavg()[0]!,
      generatorCores: this.samples.length ? (gen - this.lastGen) / dt : 0,
      serverCores: this.samples.length ? (srv - this.lastServer) / dt : 0,
    };
    this.lastGen = gen;
    this.lastServer = srv;
    this.lastAt = now;
    this.samples.push(s);
    return s;
  }

  /** Samples every `everyMs` and prints a progress line. */
  start(everyMs: number): void {
    let previousJoins = NaN;
    this.timer = setInterval(() => {
      void this.sample().then((s) => {
        if (!s) return;
        const rate = Number.isFinite(previousJoins) ? (s.joins - previousJoins) / (everyMs / 1000) : 0;
        previousJoins = s.joins;
        process.stdout.write(
          `[${s.t.toFixed(0).padStart(5)} s] ${this.label()} sockets ${s.sockets} | joins ${s.joins} ` +
            `(${rate.toFixed(0)}/s, failed ${s.joinsFailed}) | server rss ${(s.rssBytes / 2 ** 20).toFixed(0)} MiB, ` +
            `cpu ${s.serverCores.toFixed(2)} cores, loop p99 ${s.loopLagP99Ms.toFixed(0)} ms | ` +
            `generators ${s.generatorCores.toFixed(2)} cores | load ${s.load1.toFixed(2)}\n`,
        );
      });
    }, everyMs);
  }

  stop(): void {
    clearInterval(this.timer);
  }
}
