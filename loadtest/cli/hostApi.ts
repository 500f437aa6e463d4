// The host side of a load run over the REST API (docs/API.md): prepare an event, commit rounds, draw them,
// and read the server's own metrics. The artillery host scenario does the same over the socket.

/** The ids a scenario needs. */
export interface PreparedEvent {
  eventId: string;
  joinCode: string;
  prizeId: string;
  revealLeadMs: number;
}

/** Why: one typed wrapper that names the route and status when the server refuses. */
export class HostApi {
  constructor(
    private readonly url: string,
    private readonly token: string,
  ) {}

  private async call<T>(method: string, route: string, body?: unknown): Promise<T> {
    const res = await fetch(`${this.url}${route}`, {
      method,
      headers: {
        authorization: `Bearer ${this.token}`,
        ...(body !== undefined && { 'content-type': 'application/json' }),
      },
      ...(body !== undefined && { body: JSON.stringify(body) }),
    });
    const text = await res.text();
    if (!res.ok) throw new Error(`${method} ${route}: ${res.status} ${text.slice(0, 300)}`);
    return JSON.parse(text) as T;
  }

  /** An open event with one big prize, so any number of rounds can be drawn from it. */
  async prepareEvent(title: string, revealLeadMs: number): Promise<PreparedEvent> {
    const event = await this.call<{ id: string; joinCode: string }>('POST', '/api/events', {
      title,
      settings: { revealLeadMs, streamDelayMs: 0 },
    });
    await this.call('POST', `/api/events/${event.id}/open`);
    const prize = await this.call<{ id: string }>('POST', `/api/events/${event.id}/prizes`, {
      name: 'Load-test prize',
      quantity: 1_000_000,
    });
    return { eventId: event.id, joinCode: event.joinCode, prizeId: prize.id, revealLeadMs };
  }

  /** An event made earlier (by a `watch` run), found by its join code. */
  async findEvent(joinCode: string): Promise<{ eventId: string; joinCode: string }> {
    const res = await fetch(`${this.url}/api/join/${encodeURIComponent(joinCode)}`);
    if (!res.ok) throw new Error(`GET /api/join/${joinCode}: ${res.status}`);
    const info = (await res.json()) as { id: string; joinCode: string };
    return { eventId: info.id, joinCode: info.joinCode };
  }

  /** A committed round (phones' odds refer to it). */
  async createRound(ev: PreparedEvent, winners = 1): Promise<string> {
    const round = await this.call<{ id: string }>('POST', `/api/events/${ev.eventId}/rounds`, {
      prizeId: ev.prizeId,
      winners,
      excludePreviousWinners: false,
    });
    return round.id;
  }

  /** Closes the entries and draws; resolves with the draw's ack time in ms. */
  async closeAndDraw(roundId: string): Promise<{ closeMs: number; drawMs: number; entries: number }> {
    const t0 = performance.now();
    const closed = await this.call<{ entryCount?: number }>('POST', `/api/rounds/${roundId}/close`);
    const t1 = performance.now();
    await this.call('POST', `/api/rounds/${roundId}/draw`);
    return { closeMs: t1 - t0, drawMs: performance.now() - t1, entries: closed.entryCount ?? -1 };
  }
}

/** The Prometheus samples a load run follows (the server's own view: sockets, joins, memory, loop lag). */
export interface ServerSample {
  sockets: number;
  joins: number;
  joinsFailed: number;
  rssBytes: number;
  heapUsedBytes: number;
  cpuSeconds: number;
  loopLagP99Ms: number;
  loopLagMaxMs: number;
}

const metric = (text: string, name: string): number => {
  const m = new RegExp(`^${name}(?:\\{[^}]*\\})? ([0-9.eE+-]+)$`, 'm').exec(text);
  return m ? Number(m[1]) : NaN;
};

/** Why: parsing stays pure (tested); only `readServerSample` touches the network. */
export function parseServerSample(text: string): ServerSample {
  return {
    sockets: metric(text, 'drawcast_connected_sockets'),
    joins:
      metric(text, 'drawcast_joins_total\\{result="created"\\}') +
      metric(text, 'drawcast_joins_total\\{result="existing"\\}'),
    joinsFailed: metric(text, 'drawcast_joins_total\\{result="failed"\\}'),
    rssBytes: metric(text, 'drawcast_process_resident_memory_bytes'),
    heapUsedBytes: metric(text, 'drawcast_nodejs_heap_size_used_bytes'),
    cpuSeconds: metric(text, 'drawcast_process_cpu_seconds_total'),
    loopLagP99Ms: metric(text, 'drawcast_nodejs_eventloop_lag_p99_seconds') * 1000,
    loopLagMaxMs: metric(text, 'drawcast_nodejs_eventloop_lag_max_seconds') * 1000,
  };
}

/** One scrape of /metrics. */
export async function readServerSample(url: string): Promise<ServerSample> {
  const res = await fetch(`${url}/metrics`);
  return parseServerSample(await res.text());
}
