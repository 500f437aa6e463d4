// A whole cluster on one machine: throwaway PostgreSQL (unless a URL is given), redis-server, N nodes and
// nginx in front. `npm run cluster` and the multi-node tests both start it.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startThrowawayNginx, type ThrowawayNginx } from './nginx';
import { startNodeProcess, type NodeProcess, type NodeSettings } from './nodes';
import { startThrowawayPostgres, type ThrowawayPostgres } from './postgres';
import { startThrowawayRedis, type ThrowawayRedis } from './redis';

/** A running local cluster. */
export interface LocalCluster {
  /** nginx's URL (the one to open), or the first node's without nginx. */
  url: string;
  hostToken: string;
  databaseUrl: string;
  postgres: ThrowawayPostgres | null;
  redis: ThrowawayRedis;
  nodes: NodeProcess[];
  nginx: ThrowawayNginx | null;
  settings: NodeSettings;
  /** Starts node i again (after a kill), on the same port so nginx finds it. */
  restartNode(i: number): Promise<NodeProcess>;
  stop(): Promise<void>;
}

/** Starts everything; on failure stops what was started. */
export async function startLocalCluster(
  options: {
    nodes?: number;
    databaseUrl?: string;
    nginx?: boolean;
    durable?: boolean;
    env?: Record<string, string>;
  } = {},
): Promise<LocalCluster> {
  const count = options.nodes ?? 3;
  const started: (() => Promise<void> | void)[] = [];
  const stopAll = async () => {
    for (const stop of started.splice(0).reverse()) await Promise.resolve(stop()).catch(() => undefined);
  };
  try {
    const postgres = options.databaseUrl
      ? null
      : await startThrowawayPostgres({ durable: options.durable ?? false });
    if (postgres) started.push(() => postgres.destroy());
    const databaseUrl = options.databaseUrl ?? postgres!.createDatabase('drawcast');
    const redis = await startThrowawayRedis();
    started.push(() => redis.destroy());
    const dataDir = mkdtempSync(path.join(tmpdir(), 'drawcast-cluster-'));
    started.push(() => rmSync(dataDir, { recursive: true, force: true }));
    const settings: NodeSettings = {
      databaseUrl,
      redisUrl: redis.url,
      dataDir,
      hostToken: randomBytes(18).toString('base64url'),
      secret: randomBytes(24).toString('base64url'),
      nodes: count,
      ...(options.env && { env: options.env }),
    };
    // The first node creates the shared secrets' files (contact key) and migrates; the others follow.
    const nodes: NodeProcess[] = [await startNodeProcess(settings)];
    nodes.push(...(await Promise.all(Array.from({ length: count - 1 }, () => startNodeProcess(settings)))));
    started.push(() => Promise.all(nodes.map((n) => n.stop())).then(() => undefined));
    const nginx = options.nginx === false ? null : await startThrowawayNginx(nodes.map((n) => n.port));
    if (nginx) started.push(() => nginx.stop());
    return {
      url: nginx?.url ?? (nodes[0] as NodeProcess).url,
      hostToken: settings.hostToken,
      databaseUrl,
      postgres,
      redis,
      nodes,
      nginx,
      settings,
      async restartNode(i) {
        const old = nodes[i] as NodeProcess;
        await old.stop();
        const fresh = await startNodeProcess({ ...settings, port: old.port });
        nodes[i] = fresh;
        return fresh;
      },
      stop: stopAll,
    };
  } catch (err) {
    await stopAll();
    throw err;
  }
}
