// Prometheus metrics on a private registry, so several servers in one test process do not collide.
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/** What /metrics exposes; handlers update these directly. */
export interface DrawcastMetrics {
  registry: Registry;
  connectedSockets: Gauge;
  joins: Counter<'result'>;
  draws: Counter;
  ackLatency: Histogram<'event'>;
  /** Records one ack's latency; the labelled child is cached per event name (it is on the hot path). */
  observeAck(event: string, seconds: number): void;
}

/** The `result` label values of drawcast_joins_total (docs/API.md). */
export const JOIN_RESULTS = ['created', 'existing', 'failed'] as const;

/** Why: the issue asks for connected sockets, joins, draws and ack latency per event name. */
export function createMetrics(
  options: { defaultMetrics?: boolean; commandNames?: readonly string[] } = {},
): DrawcastMetrics {
  const registry = new Registry();
  if (options.defaultMetrics) collectDefaultMetrics({ register: registry, prefix: 'drawcast_' });
  const ackLatency = new Histogram({
    name: 'drawcast_ack_latency_seconds',
    help: 'Time from receiving a socket command to sending its ack',
    labelNames: ['event'] as const,
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    registers: [registry],
  });
  const ackChildren = new Map<string, { observe(value: number): void }>();
  const joins = new Counter({
    name: 'drawcast_joins_total',
    help: 'Join commands by result (created, existing, failed)',
    labelNames: ['result'] as const,
    registers: [registry],
  });
  // Every documented series exists from the start (at 0), so dashboards and rate() see it before it happens.
  for (const result of JOIN_RESULTS) joins.inc({ result }, 0);
  for (const event of options.commandNames ?? []) ackLatency.zero({ event });
  return {
    registry,
    connectedSockets: new Gauge({
      name: 'drawcast_connected_sockets',
      help: 'Socket.IO connections currently open',
      registers: [registry],
    }),
    joins,
    draws: new Counter({
      name: 'drawcast_draws_total',
      help: 'Rounds drawn (a repeated draw command is not counted)',
      registers: [registry],
    }),
    ackLatency,
    observeAck(event, seconds) {
      let child = ackChildren.get(event);
      if (!child) {
        child = ackLatency.labels({ event });
        ackChildren.set(event, child);
      }
      child.observe(seconds);
    },
  };
}
