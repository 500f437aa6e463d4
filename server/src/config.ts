// Server configuration from the environment, validated once at start so a typo fails loudly.
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync, chmodSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

const int = (min: number, max: number, fallback: number) =>
  z.coerce.number().int().min(min).max(max).default(fallback);

const envSchema = z.object({
  PORT: int(0, 65535, 3000),
  DRAWCAST_BIND: z.string().min(1).default('0.0.0.0'),
  DRAWCAST_DATA_DIR: z.string().min(1).default('./data'),
  DRAWCAST_HOST_TOKEN: z.string().min(16, 'must be at least 16 characters').optional(),
  DRAWCAST_SECRET: z.string().min(16, 'must be at least 16 characters').optional(),
  DRAWCAST_JOINS_PER_IP_PER_MINUTE: int(1, 1_000_000, 1200),
  DRAWCAST_JOINS_PER_DEVICE_PER_MINUTE: int(1, 10_000, 30),
  DRAWCAST_AUTH_MAX_FAILURES: int(1, 1000, 10),
  DRAWCAST_AUTH_WINDOW_SECONDS: int(1, 86_400, 300),
  DRAWCAST_ODDS_INTERVAL_MS: int(10, 10_000, 250),
  DRAWCAST_ODDS_MESSAGES_PER_SECOND: int(100, 10_000_000, 4000),
  DRAWCAST_CLAIM_SWEEP_SECONDS: int(0, 86_400, 60),
  DRAWCAST_RETENTION_SWEEP_SECONDS: int(0, 86_400, 3600),
  DRAWCAST_MAX_CONNECTIONS_PER_IP: int(0, 1_000_000, 2000),
  DRAWCAST_HEADERS_TIMEOUT_MS: int(100, 600_000, 20_000),
  DRAWCAST_REQUEST_TIMEOUT_MS: int(100, 3_600_000, 120_000),
  DRAWCAST_SOCKET_CONNECT_TIMEOUT_MS: int(100, 600_000, 10_000),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// URL')
    .optional(),
  REDIS_URL: z
    .string()
    .regex(/^rediss?:\/\//, 'must be a redis:// URL')
    .optional(),
  DRAWCAST_CLUSTER_NODES: int(1, 64, 1),
  DRAWCAST_TRUST_PROXY: z.string().min(1).optional(),
  DRAWCAST_HTTPS_PORT: z.coerce.number().int().min(0).max(65535).optional(),
  DRAWCAST_TLS_CERT: z.string().min(1).optional(),
  DRAWCAST_TLS_KEY: z.string().min(1).optional(),
  DRAWCAST_LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

/** Everything the transports need to know; passed to createServer so tests can set any knob. */
export interface ServerConfig {
  port: number;
  bindAddress: string;
  dataDir: string;
  hostToken: string;
  joinsPerIpPerMinute: number;
  joinsPerDevicePerMinute: number;
  authMaxFailures: number;
  authWindowMs: number;
  oddsIntervalMs: number;
  /** Budget of odds messages per second for the whole server, charged with what each broadcast sent. */
  oddsMessagesPerSecond: number;
  /** Phones an odds broadcast is written to per event-loop turn (big audiences go out in slices). */
  oddsBroadcastSlice: number;
  maxSocketPayloadBytes: number;
  httpBodyLimit: string;
  /** How often unredeemed wins past their event's claim deadline are forfeited (0 = never, e.g. tests). */
  claimSweepIntervalMs: number;
  /** How often closed events past their retention days are purged of personal data (0 = never, e.g. tests). */
  retentionSweepIntervalMs: number;
  logLevel: string;
  /** Open TCP connections one IP may hold (HTTP and websockets); 0 = no cap (tests, benches). */
  maxConnectionsPerIp: number;
  /** Slowloris: a request whose headers are not complete by then is answered 408 and closed. */
  headersTimeoutMs: number;
  /** A request (body included) not received in full by then is answered 408 and closed. */
  requestTimeoutMs: number;
  /** A websocket that opened but never sent the Socket.IO CONNECT packet is closed after this. */
  socketConnectTimeoutMs: number;
  /** Built UIs served when present; absent folders fall back to the placeholder page. */
  staticDirs: { stage: string; mobile: string };
  /** Several nodes (issue #13): PostgreSQL as the shared store; absent = the embedded SQLite file. */
  databaseUrl?: string;
  /** Several nodes: Redis for the Socket.IO fan-out and shared rate limits; absent = this process only. */
  redisUrl?: string;
  /** Express `trust proxy` value (e.g. "loopback"): whose X-Forwarded-For names the client. */
  trustProxy?: string;
  /**
   * Optional HTTPS listener (cameras on LAN tablets need a secure context); absent = HTTP only. Same app
   * and sockets as the HTTP port. 0 = any free port (tests).
   */
  httpsPort?: number;
  /** The operator's certificate and key (PEM files); absent = a self-signed one kept in the data dir. */
  tlsCertFile?: string;
  tlsKeyFile?: string;
  /** Nodes sharing the odds budget (each spends oddsMessagesPerSecond / clusterNodes on its own phones). */
  clusterNodes?: number;
}

/** Sensible defaults for tests and embedding; `index.ts` overlays the environment. */
export function defaultConfig(
  overrides: Partial<ServerConfig> & Pick<ServerConfig, 'hostToken'>,
): ServerConfig {
  const repoRoot = path.resolve(import.meta.dirname, '..', '..');
  return {
    port: 0,
    bindAddress: '127.0.0.1',
    dataDir: './data',
    joinsPerIpPerMinute: 1200,
    joinsPerDevicePerMinute: 30,
    authMaxFailures: 10,
    authWindowMs: 300_000,
    oddsIntervalMs: 250,
    oddsMessagesPerSecond: 4000,
    oddsBroadcastSlice: 500,
    maxSocketPayloadBytes: 64 * 1024,
    httpBodyLimit: '100kb',
    claimSweepIntervalMs: 0,
    retentionSweepIntervalMs: 0,
    logLevel: 'silent',
    maxConnectionsPerIp: 0,
    headersTimeoutMs: 20_000,
    requestTimeoutMs: 120_000,
    socketConnectTimeoutMs: 10_000,
    staticDirs: {
      stage: path.join(repoRoot, 'stage-screen', 'dist'),
      mobile: path.join(repoRoot, 'mobile-client', 'dist'),
    },
    ...overrides,
  };
}

/** A misconfiguration names the variable, instead of surfacing later as a bare TypeError. */
export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

/**
 * A secret from the environment, or the one kept in `dataDir/name` (mode 0600), generated at first start;
 * `generated` tells the caller to print it once.
 */
export function resolveSecret(
  dataDir: string,
  name: string,
  fromEnv: string | undefined,
): { value: string; generated: boolean } {
  if (fromEnv) return { value: fromEnv, generated: false };
  const file = path.join(dataDir, name);
  if (existsSync(file)) {
    const value = readFileSync(file, 'utf8').trim();
    if (value.length >= 16) return { value, generated: false };
  }
  mkdirSync(dataDir, { recursive: true });
  const value = randomBytes(24).toString('base64url');
  writeFileSync(file, `${value}\n`, { mode: 0o600 });
  chmodSync(file, 0o600);
  return { value, generated: true };
}

/** Reads and validates the environment; the token may be generated, so the caller can print it once. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): {
  config: ServerConfig;
  hostTokenGenerated: boolean;
  /** Where the host token came from, so every start can say so (without printing it again). */
  hostTokenSource: 'env' | 'file' | 'generated';
  secret: string;
} {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new ConfigError(`${issue.path.join('.')}: ${issue.message}`);
  }
  const e = parsed.data;
  if ((e.DRAWCAST_TLS_CERT === undefined) !== (e.DRAWCAST_TLS_KEY === undefined))
    throw new ConfigError('DRAWCAST_TLS_CERT and DRAWCAST_TLS_KEY go together: set both, or neither');
  if (e.DRAWCAST_TLS_CERT !== undefined && e.DRAWCAST_HTTPS_PORT === undefined)
    throw new ConfigError('DRAWCAST_TLS_CERT is set but DRAWCAST_HTTPS_PORT is not: set the HTTPS port too');
  // `npm start` runs in server/, but the user typed it at the repo root: resolve from where npm was invoked.
  const dataDir = path.resolve(env.INIT_CWD ?? process.cwd(), e.DRAWCAST_DATA_DIR);
  const hostToken = resolveSecret(dataDir, 'host-token', e.DRAWCAST_HOST_TOKEN);
  const secret = resolveSecret(dataDir, 'secret', e.DRAWCAST_SECRET);
  const config = defaultConfig({
    port: e.PORT,
    bindAddress: e.DRAWCAST_BIND,
    dataDir,
    hostToken: hostToken.value,
    joinsPerIpPerMinute: e.DRAWCAST_JOINS_PER_IP_PER_MINUTE,
    joinsPerDevicePerMinute: e.DRAWCAST_JOINS_PER_DEVICE_PER_MINUTE,
    authMaxFailures: e.DRAWCAST_AUTH_MAX_FAILURES,
    authWindowMs: e.DRAWCAST_AUTH_WINDOW_SECONDS * 1000,
    oddsIntervalMs: e.DRAWCAST_ODDS_INTERVAL_MS,
    oddsMessagesPerSecond: e.DRAWCAST_ODDS_MESSAGES_PER_SECOND,
    logLevel: e.DRAWCAST_LOG_LEVEL,
    claimSweepIntervalMs: e.DRAWCAST_CLAIM_SWEEP_SECONDS * 1000,
    retentionSweepIntervalMs: e.DRAWCAST_RETENTION_SWEEP_SECONDS * 1000,
    maxConnectionsPerIp: e.DRAWCAST_MAX_CONNECTIONS_PER_IP,
    headersTimeoutMs: e.DRAWCAST_HEADERS_TIMEOUT_MS,
    requestTimeoutMs: e.DRAWCAST_REQUEST_TIMEOUT_MS,
    socketConnectTimeoutMs: e.DRAWCAST_SOCKET_CONNECT_TIMEOUT_MS,
    ...(e.DATABASE_URL !== undefined && { databaseUrl: e.DATABASE_URL }),
    ...(e.REDIS_URL !== undefined && { redisUrl: e.REDIS_URL }),
    clusterNodes: e.DRAWCAST_CLUSTER_NODES,
    ...(e.DRAWCAST_TRUST_PROXY !== undefined && { trustProxy: e.DRAWCAST_TRUST_PROXY }),
    ...(e.DRAWCAST_HTTPS_PORT !== undefined && { httpsPort: e.DRAWCAST_HTTPS_PORT }),
    ...(e.DRAWCAST_TLS_CERT !== undefined && {
      tlsCertFile: path.resolve(env.INIT_CWD ?? process.cwd(), e.DRAWCAST_TLS_CERT),
      tlsKeyFile: path.resolve(env.INIT_CWD ?? process.cwd(), e.DRAWCAST_TLS_KEY!),
    }),
  });
  const hostTokenSource = e.DRAWCAST_HOST_TOKEN ? 'env' : hostToken.generated ? 'generated' : 'file';
  return { config, hostTokenGenerated: hostToken.generated, hostTokenSource, secret: secret.value };
}
