// The Redis connections of a node: adapter publish/subscribe and the shared rate limiters. Redis carries
// the fan-out, never the truth: nothing durable is written here, and every client reconnects by itself.
import { createAdapter } from '@socket.io/redis-adapter';
import { Redis } from 'ioredis';
import type { Logger } from 'pino';
import type { DrawcastIo } from '../realtime/socketTypes';

/** A node's Redis clients and what /healthz reports about them. */
export interface RedisLink {
  pub: Redis;
  sub: Redis;
  /** For rate limiters (commands fail at once while Redis is down, so the memory fallback answers). */
  commands: Redis;
  /** null while every client is ready, else why not. */
  problem(): string | null;
  close(): Promise<void>;
}

/** Reconnect quickly at first, then every 2 s at most, forever: the adapter resumes by itself. */
const retryStrategy = (times: number) => Math.min(times * 100, 2_000);

/** Opens the three clients; none of them ever throws into the process when Redis goes away. */
export function connectRedis(url: string, logger: Logger): RedisLink {
  const lastError = new Map<string, string>();
  const open = (name: string, offlineQueue: boolean) => {
    const client = new Redis(url, {
      retryStrategy,
      enableOfflineQueue: offlineQueue,
      maxRetriesPerRequest: offlineQueue ? null : 1,
      connectTimeout: 2_000,
      lazyConnect: false,
    });
    client.on('error', (err: Error) => {
      if (lastError.get(name) !== err.message) logger.warn({ redis: name, err: err.message }, 'redis error');
      lastError.set(name, err.message);
    });
    client.on('ready', () => {
      if (lastError.delete(name)) logger.info({ redis: name }, 'redis connection restored');
    });
    return client;
  };
  // The adapter publishes without awaiting; while Redis is down those publishes fail at once (the
  // broadcast has already reached this node's own sockets) and must not become unhandled rejections.
  const pub = open('pub', false);
  const publish = pub.publish.bind(pub) as (channel: string, message: string | Buffer) => Promise<number>;
  (pub as unknown as { publish: typeof publish }).publish = (channel, message) => {
    const sent = publish(channel, message);
    sent.catch(() => undefined);
    return sent;
  };
  const sub = open('sub', true);
  const commands = open('commands', false);
  const clients = { pub, sub, commands };
  return {
    pub,
    sub,
    commands,
    problem() {
      const down = Object.entries(clients).filter(([, c]) => c.status !== 'ready');
      if (down.length === 0) return null;
      const [name] = down[0] as [string, Redis];
      return `redis ${down.map(([n]) => n).join(', ')} not ready (${lastError.get(name) ?? 'connecting'})`;
    },
    async close() {
      await Promise.all(Object.values(clients).map((c) => c.quit().catch(() => c.disconnect())));
    },
  };
}

/** Broadcasts of this node reach sockets on every node through Redis pub/sub. */
export function installRedisAdapter(io: DrawcastIo, link: RedisLink): void {
  io.adapter(createAdapter(link.pub, link.sub, { key: 'drawcast' }));
}
