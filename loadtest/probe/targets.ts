// The servers a probe run measures: Drawcast (one SQLite node, a PostgreSQL + Redis cluster, or a running
// server) and the bare Socket.IO baseline, each with the pids whose memory and CPU are read.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import type { EventDto, RoundDto } from '@drawcast/shared';
import { startBenchChild } from '../../server/bench/child-protocol';
import { hostApi } from '../../server/bench/hostApi';
import { startLocalCluster } from '../../server/src/throwaway/localCluster';
import { kill9, startChildServer } from '../../server/test/child-server';

/** Servers under test: where phones connect (one URL per node) and what to measure. */
export interface Target {
  urls: string[];
  pids: number[];
  hostToken: string;
  stop(): Promise<void>;
}

/** Load runs lift the per-IP caps: every phone comes from a handful of loopback addresses. */
export const LOAD_ENV = {
  DRAWCAST_MAX_CONNECTIONS_PER_IP: '0',
  DRAWCAST_JOINS_PER_IP_PER_MINUTE: '1000000',
  DRAWCAST_LOG_LEVEL: 'warn',
};

/** Why: the probe starts what it measures, so one command reproduces a figure. */
export async function startDrawcast(
  nodes: number,
  env: Record<string, string> = {},
  nodeArgs: string[] = [],
): Promise<Target> {
  const hostToken = randomBytes(18).toString('base64url');
  if (nodes === 1) {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'drawcast-probe-'));
    const server = await startChildServer(dataDir, hostToken, { ...LOAD_ENV, ...env }, nodeArgs);
    return {
      urls: [server.url],
      pids: [server.proc.pid!],
      hostToken,
      stop: async () => {
        // SIGTERM first, so a --cpu-prof profile gets written; SIGKILL if it lingers.
        const exited = new Promise((resolve) => server.proc.once('exit', resolve));
        server.proc.kill('SIGTERM');
        await Promise.race([exited, delay(10_000)]);
        await kill9(server);
        rmSync(dataDir, { recursive: true, force: true });
      },
    };
  }
  const cluster = await startLocalCluster({ nodes, nginx: false, env: { ...LOAD_ENV, ...env } });
  return {
    urls: cluster.nodes.map((n) => n.url),
    pids: cluster.nodes.map((n) => n.child.pid!),
    hostToken: cluster.hostToken,
    stop: () => cluster.stop(),
  };
}

/** The bare baseline: one bare Socket.IO process per Drawcast node; `reveal` broadcasts on all at once. */
export async function startBare(
  nodes: number,
  leadMs: number,
  env: Record<string, string> = {},
): Promise<Target & { reveal(payload: unknown): void; commit(): void }> {
  const script = path.join(import.meta.dirname, '..', 'bare', 'bare-server.ts');
  const children = await Promise.all(
    Array.from({ length: nodes }, () => startBenchChild(script, { BARE_LEAD_MS: String(leadMs), ...env })),
  );
  return {
    urls: children.map((c) => `http://127.0.0.1:${c.port}`),
    pids: children.map((c) => c.proc.pid!),
    hostToken: '',
    commit: () => {
      for (const c of children) c.proc.stdin!.write('COMMIT\n');
    },
    reveal: (payload) => {
      for (const c of children) c.proc.stdin!.write(`REVEAL ${JSON.stringify(payload)}\n`);
    },
    stop: async () => {
      await Promise.all(
        children.map(
          (c) =>
            new Promise<void>((resolve) => {
              c.proc.once('exit', () => resolve());
              c.proc.kill('SIGTERM');
            }),
        ),
      );
    },
  };
}

/**
 * An open event for phones to join; `nextRound()` commits a round of `winners` and freezes its entries
 * (as the console does before a draw) and hands back its draw.
 */
export async function openDrawEvent(base: string, token: string, winners: number, draws: number) {
  const event = await hostApi<EventDto>(base, token, 'POST', '/api/events', { title: 'Fan-out probe' });
  await hostApi(base, token, 'POST', `/api/events/${event.id}/open`);
  const prize = await hostApi<{ id: string }>(base, token, 'POST', `/api/events/${event.id}/prizes`, {
    name: 'Probe prize',
    quantity: winners * draws,
  });
  return {
    event,
    async nextRound() {
      const round = await hostApi<RoundDto>(base, token, 'POST', `/api/events/${event.id}/rounds`, {
        prizeId: prize.id,
        winners,
      });
      await hostApi(base, token, 'POST', `/api/rounds/${round.id}/close`);
      return { roundId: round.id, fire: () => hostApi(base, token, 'POST', `/api/rounds/${round.id}/draw`) };
    },
  };
}
