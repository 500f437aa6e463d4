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
      to: notIn('services', 'commands', 'http', 'realtime', 'io', 'cli', 'app.ts', 'index.ts', 'config.ts'),
    },
    {
      name: 'io-below-services',
      comment: 'io/: files and keys; may import domain, never services or anything above.',
      severity: 'error',
      from: { path: layer('io') },
      to: notIn('store', 'services', 'commands', 'http', 'realtime', 'cli', 'app.ts', 'index.ts'),
    },
    {
      name: 'services-transport-free',
      comment: 'services/: domain, store, io; no transport, no command layer.',
      severity: 'error',
      from: { path: layer('services') },
      to: {
        path: [...notIn('commands', 'http', 'realtime', 'cli', 'app.ts', 'index.ts').path, TRANSPORT_LIBS],
      },
    },
    {
      name: 'commands-transport-neutral',
      comment: 'commands/: services, domain, io types; never a transport.',
      severity: 'error',
      from: { path: layer('commands') },
      to: {
        path: [
          ...notIn('http', 'realtime', 'cli', 'store', 'app.ts', 'index.ts').path,
          '^(express|socket\\.io)$',
        ],
      },
    },
    {
      name: 'http-not-realtime',
      comment: 'http/ never imports realtime/ (both call commands/).',
      severity: 'error',
      from: { path: layer('http') },
      to: notIn('realtime', 'store', 'cli', 'app.ts', 'index.ts'),
    },
    {
      name: 'realtime-not-http',
      comment: 'realtime/ never imports http/ (both call commands/).',
      severity: 'error',
      from: { path: layer('realtime') },
      to: notIn('http', 'store', 'io', 'cli', 'app.ts', 'index.ts'),
    },
    {
      name: 'cli-no-transport',
      comment: 'cli/: builds a service from a store; no transport.',
      severity: 'error',
      from: { path: layer('cli') },
      to: notIn('commands', 'http', 'realtime', 'app.ts', 'index.ts'),
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
