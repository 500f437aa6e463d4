// Import rules of the server's layers (docs/ARCHITECTURE.md, "may import") and no cycles anywhere.
// Run by `npm run lint` (depcruise), so a new cycle or a layer leak fails CI.
const SRC = '^server/src/';
const layer = (name) => `${SRC}${name}/`;
const TRANSPORT_LIBS =
  '^(express|socket\\.io|better-sqlite3|pg|ioredis|@socket\\.io/redis-adapter|helmet|prom-client)$';
const notIn = (...names) => ({ path: names.map((n) => (n.endsWith('.ts') ? `${SRC}${n}$` : layer(n))) });

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      comment: 'No import cycles anywhere (type-only imports included).',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'domain-is-pure',
      comment: 'domain/: pure rules; may import shared and other domain modules only.',
      severity: 'error',
      from: { path: layer('domain') },
      to: {
        pathNot: [
          layer('domain'),
          '^shared/',
          '^@drawcast/shared$',
          '^node_modules/(@noble|zod|qrcode|@drawcast)/',
        ],
        dependencyTypesNot: ['core'],
      },
    },
    {
      name: 'store-below-services',
      comment: 'store/: may import domain (and its own drivers), never what sits above it.',
      severity: 'error',
      from: { path: layer('store') },
      to: notIn(
        'services',
        'commands',
        'http',
        'realtime',
        'io',
        'cli',
        'cluster',
        'throwaway',
        'app.ts',
        'index.ts',
        'config.ts',
      ),
    },
    {
      name: 'io-below-services',
      comment: 'io/: files and keys; may import domain, never services or anything above.',
      severity: 'error',
      from: { path: layer('io') },
      to: notIn('store', 'services', 'commands', 'http', 'realtime', 'cli', 'cluster', 'app.ts', 'index.ts'),
    },
    {
      name: 'services-transport-free',
      comment: 'services/: domain, store, io; no transport, no command layer.',
      severity: 'error',
      from: { path: layer('services') },
      to: {
        path: [
          ...notIn('commands', 'http', 'realtime', 'cli', 'cluster', 'app.ts', 'index.ts').path,
          TRANSPORT_LIBS,
        ],
      },
    },
    {
      name: 'commands-transport-neutral',
      comment: 'commands/: services, domain, io types; never a transport.',
      severity: 'error',
      from: { path: layer('commands') },
      to: {
        path: [
          ...notIn('http', 'realtime', 'cli', 'store', 'cluster', 'app.ts', 'index.ts').path,
          '^(express|socket\\.io)$',
        ],
      },
    },
    {
      name: 'http-not-realtime',
      comment: 'http/ never imports realtime/ (both call commands/).',
      severity: 'error',
      from: { path: layer('http') },
      to: notIn('realtime', 'store', 'cli', 'cluster', 'app.ts', 'index.ts'),
    },
    {
      name: 'realtime-not-http',
      comment: 'realtime/ never imports http/ (both call commands/).',
      severity: 'error',
      from: { path: layer('realtime') },
      to: notIn('http', 'store', 'io', 'cli', 'cluster', 'app.ts', 'index.ts'),
    },
    {
      name: 'cli-no-transport',
      comment: 'cli/: builds a service from a store; no transport.',
      severity: 'error',
      from: { path: layer('cli') },
      to: notIn('commands', 'http', 'realtime', 'cluster', 'app.ts', 'index.ts'),
    },
    {
      name: 'postgres-store-contained',
      comment:
        'store/postgres/: the shared store; may import store/ (the interface, SQLite row mappers), domain and pg, nothing above the store.',
      severity: 'error',
      from: { path: `${SRC}store/postgres/` },
      to: {
        path: [
          ...notIn('services', 'commands', 'http', 'realtime', 'io', 'cli', 'cluster', 'throwaway').path,
          `${SRC}(app|index|config)\\.ts$`,
          '^(express|socket\\.io|ioredis|@socket\\.io/redis-adapter)$',
        ],
      },
    },
    {
      name: 'cluster-beside-app',
      comment:
        'cluster/: wires PostgreSQL, Redis and the draw relay around a built server; may import commands, realtime, services types, store, config; never http, cli, io or the factory.',
      severity: 'error',
      from: { path: layer('cluster') },
      to: notIn('http', 'cli', 'io', 'throwaway', 'app.ts', 'index.ts'),
    },
    {
      name: 'throwaway-for-tests-and-scripts',
      comment:
        'throwaway/: test and `npm run cluster` processes; no server code imports it, it imports only Node.',
      severity: 'error',
      from: { path: SRC, pathNot: [layer('throwaway')] },
      to: { path: layer('throwaway') },
    },
    {
      name: 'throwaway-node-only',
      comment: 'throwaway/ starts processes with Node only, so tests never depend on server code to set up.',
      severity: 'error',
      from: { path: layer('throwaway') },
      to: { path: SRC, pathNot: [layer('throwaway')] },
    },
    {
      name: 'only-index-imports-app',
      comment: 'app.ts is the factory; inside server/src only index.ts uses it.',
      severity: 'error',
      from: { path: SRC, pathNot: [`${SRC}index\\.ts$`] },
      to: { path: [`${SRC}app\\.ts$`, `${SRC}index\\.ts$`] },
    },
    {
      name: 'shared-fairness-portable',
      comment: 'shared/src/fairness runs in Node and browsers: @noble/hashes and zod only.',
      severity: 'error',
      from: { path: '^shared/src/(fairness|protocol|clock)/' },
      to: { dependencyTypes: ['core'] },
    },
  ],
  options: {
    tsPreCompilationDeps: true,
    doNotFollow: { path: 'node_modules' },
    exclude: { path: ['\\.test\\.ts$', '/dist/'] },
  },
};
