// A LISTEN connection to PostgreSQL that reconnects by itself: the fast path of the draw and odds relays
// (a notice is sent at COMMIT). Each relay also polls, so a notice lost while this was down is caught.
import pg from 'pg';

/** A running listener. */
export interface PgListener {
  close(): Promise<void>;
}

/**
 * Listens on `channel` until closed; after every (re)connect calls `onListening`, so the caller polls
 * at once for what was committed while no listener was up. Never throws; retries every `retryMs`.
 */
export function listenForever(options: {
  connectionString: string;
  channel: string;
  onNotify: (payload: string) => void;
  onListening: () => void;
  retryMs?: number;
}): PgListener {
  let closed = false;
  let listener: pg.Client | null = null;

  async function listen(): Promise<void> {
    if (closed) return;
    const client = new pg.Client({
      connectionString: options.connectionString,
      connectionTimeoutMillis: 2_000,
    });
    client.on('error', () => undefined);
    client.on('notification', (msg) => {
      if (msg.channel === options.channel && msg.payload) options.onNotify(msg.payload);
    });
    let retrying = false;
    const retry = () => {
      if (listener === client) listener = null;
      if (retrying || closed) return;
      retrying = true;
      setTimeout(() => void listen(), options.retryMs ?? 1_000).unref();
    };
    client.on('end', retry);
    try {
      await client.connect();
      await client.query(`LISTEN ${client.escapeIdentifier(options.channel)}`);
      listener = client;
      if (closed) await client.end();
      else options.onListening();
    } catch {
      await client.end().catch(() => undefined);
      retry();
    }
  }

  void listen();
  return {
    async close() {
      closed = true;
      const client = listener;
      listener = null;
      await client?.end().catch(() => undefined);
    },
  };
}
