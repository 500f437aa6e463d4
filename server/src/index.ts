// Entry point: read config, open the store (the SQLite file, or PostgreSQL when DATABASE_URL is set), build
// the server, listen, print the URL (QR on a terminal).
import { mkdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import QRCode from 'qrcode';
import { createServer } from './app';
import type { ClusterNode } from './cluster/clusterNode';
import { ConfigError, loadConfig } from './config';
import { listenErrorMessage, startupBanner } from './startupMessages';
import { loadOrCreateContactKey } from './io/keys/contactKeyFile';
import { loadOperatorCertificate, loadOrCreateSelfSigned } from './io/keys/tlsCertificate';
import { cryptoRandom, systemClock } from './services';
import { createSqliteStore } from './store/sqlite/sqliteStore';

/** The address phones on the same Wi-Fi can reach: the first non-internal IPv4, else localhost. */
function lanAddress(): string {
  for (const addresses of Object.values(os.networkInterfaces())) {
    for (const a of addresses ?? []) if (a.family === 'IPv4' && !a.internal) return a.address;
  }
  return 'localhost';
}

async function main(): Promise<void> {
  const { config, hostTokenSource, secret } = loadConfig();
  const logger = pino({ level: config.logLevel });
  mkdirSync(config.dataDir, { recursive: true });
  const { databaseUrl } = config;
  // Several nodes: PostgreSQL (+ Redis); otherwise one process on its SQLite file, exactly as before.
  const cluster: ClusterNode | null = databaseUrl
    ? // Loaded only for several nodes: pg, ioredis and the Redis adapter slow down every single-node start.
      await (await import('./cluster/clusterNode')).openClusterNode({ ...config, databaseUrl }, logger)
    : null;
  const store = cluster?.store ?? createSqliteStore({ file: path.join(config.dataDir, 'drawcast.db') });
  const contactKey = loadOrCreateContactKey(config.dataDir).key;
  const lanHost = config.bindAddress === '0.0.0.0' ? lanAddress() : config.bindAddress;
  // HTTPS only when asked for (DRAWCAST_HTTPS_PORT): a self-signed certificate makes every browser warn,
  // so a plain `npm start` stays HTTP; the desk URL in a winner's QR works over HTTP too.
  const tls =
    config.httpsPort === undefined
      ? null
      : config.tlsCertFile && config.tlsKeyFile
        ? loadOperatorCertificate(config.tlsCertFile, config.tlsKeyFile)
        : await loadOrCreateSelfSigned(config.dataDir, lanHost === 'localhost' ? [] : [lanHost]);
  const server = await createServer({
    store,
    clock: systemClock,
    random: cryptoRandom,
    config,
    secret,
    contactKey,
    logger,
    defaultMetrics: true,
    ...(cluster && { limiters: cluster.limiters, health: () => cluster.health() }),
    ...(tls && { tls: { cert: tls.cert, key: tls.key } }),
  });
  cluster?.attach(server);
  const port = await server.listen(config.port, config.bindAddress).catch((err: unknown) => {
    const message = listenErrorMessage(err, config.port, config.bindAddress);
    if (message === null) throw err;
    console.error(message); // one line a user can act on, not a stack (nothing was written yet)
    process.exit(1);
  });
  const httpsPort =
    tls && config.httpsPort !== undefined
      ? await server.listenHttps(config.httpsPort, config.bindAddress).catch((err: unknown) => {
          const message = listenErrorMessage(err, config.httpsPort!, config.bindAddress);
          if (message === null) throw err;
          console.error(message.replace(/\bPORT=/g, 'DRAWCAST_HTTPS_PORT='));
          process.exit(1);
        })
      : null;

  const local = config.bindAddress === '0.0.0.0' ? '127.0.0.1' : config.bindAddress;
  const lan = config.bindAddress === '0.0.0.0' ? lanHost : local;
  const joinUrl = `http://${lan}:${port}/`;
  const isTty = process.stdout.isTTY === true;
  const banner = startupBanner({
    localUrl: `http://${local}:${port}`,
    joinUrl,
    dataDir: config.dataDir,
    hostToken: config.hostToken,
    hostTokenSource,
    isTty,
    ...(cluster && { storeLabel: `PostgreSQL${config.redisUrl ? ' + Redis' : ''}` }),
    ...(tls &&
      httpsPort !== null && {
        https: {
          url: `https://${lan}:${httpsPort}`,
          fingerprint256: tls.fingerprint256,
          source: tls.source,
          certFile: tls.certFile,
        },
      }),
    ...(isTty && { qr: await QRCode.toString(joinUrl, { type: 'terminal', small: true }) }),
  });
  process.stdout.write(banner);

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    setTimeout(() => process.exit(1), 5000).unref();
    Promise.all([cluster?.close(), server.close()]).then(
      () => process.exit(0),
      (err: unknown) => {
        logger.error({ err }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

main().catch((err: unknown) => {
  if (err instanceof ConfigError) console.error(`Configuration error: ${err.message}`);
  else console.error(err);
  process.exit(1);
});
