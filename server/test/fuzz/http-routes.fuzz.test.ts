// Every HTTP route (walked from the Express router stack, so new ones are fuzzed after merges) gets hostile path
// parameters, query strings, bodies and content types, with and without the host token: never a 5xx, /api errors
// are typed envelopes, a rejected request commits nothing, the store is unchanged and the heap flat.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fuzzRuns, settledHeap, startFuzzFixture, typedAckProblem } from './fuzzFixture';
import type { FuzzFixture } from './fuzzFixture';
import { hostilePayload, hostileString } from './hostileValues';
import { listRoutes } from './routeRegistry';
import type { RouteEntry } from './routeRegistry';

const RUNS = fuzzRuns(150);
/** Generous: a loaded 2-core machine answers a case in ~15 ms; the whole property runs in one test. */
const TIMEOUT_MS = RUNS * 60 * 100 + 60_000;

const CONTENT_TYPES = [
  'application/json',
  'application/json; charset=utf-16',
  'application/json; charset=nope',
  'text/plain',
  'text/csv',
  'application/octet-stream',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=x',
];

/** encodeURIComponent throws on lone surrogates: replace them with U+FFFD first (what toWellFormed does). */
const encodeUri = (s: string) =>
  encodeURIComponent(
    s.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD'),
  );

/** Percent-encodes anything, lone surrogates included (made well-formed first), or sends a broken escape. */
const pathSegment = (real: unknown[]) =>
  fc.oneof(
    fc.constantFrom(...real.map(String)),
    hostileString.map((s) => encodeUri(s).slice(0, 4000)),
    fc.constantFrom('%', '%E0%A4%A', '%00', '..', '%2e%2e%2f', '%C0%AF', '%FF%FE'),
  );

/** A request body: JSON of a hostile payload, broken JSON, or raw bytes. */
const body = (realValues: Record<string, unknown[]>) =>
  fc.oneof(
    hostilePayload(realValues).map((p) => JSON.stringify(p) ?? 'null'),
    fc.constantFrom(
      '{',
      '{"a":',
      '[1,2',
      '\u0000',
      '{"__proto__":{"admin":true}}',
      '{"constructor":{"prototype":{"x":1}}}',
    ),
    fc.uint8Array({ maxLength: 8192 }),
    fc.nat({ max: 300_000 }).map((n) => `{"title":"${'x'.repeat(n)}"}`),
  );

describe(`HTTP route fuzz (${RUNS} cases per route)`, () => {
  let f: FuzzFixture;
  let routes: RouteEntry[];
  let baseline: Record<string, string[]>;
  let version: number;
  let heapBefore: number;
  const statuses = new Map<number, number>();

  beforeAll(async () => {
    f = await startFuzzFixture();
    routes = listRoutes(f.t.server.app);
    for (const r of routes)
      await fetch(`${f.t.url}${r.path.replace(/:\w+|\{\*\w+\}/g, 'x')}`, { method: r.method });
    baseline = f.probe.snapshot();
    version = f.probe.dataVersion();
    heapBefore = settledHeap();
  });
  afterAll(async () => {
    f.probe.close();
    await f.t.close();
  });

  it('finds the public, host and page routes', () => {
    const names = routes.map((r) => `${r.method} ${r.path}`);
    // `/` itself is a route only while the apps are unbuilt (then the placeholder); built, it is static.
    expect(names).toEqual(
      expect.arrayContaining(['POST /api/events', 'GET /api/join/:joinCode', 'GET /docs/api']),
    );
  });

  // Routes are only known once the server is built (beforeAll), so one test loops over them, RUNS cases each.
  it(
    'answers every route without a 5xx, typed errors under /api, nothing committed when rejected',
    async () => {
      const params: Record<string, unknown[]> = {
        ...f.realValues,
        claim: f.realValues.claimId!,
        format: ['csv', 'xlsx', 'pdf'],
      };
      const perRoute = new Map<string, number>();
      for (const route of routes) {
        const key = `${route.method} ${route.path}`;
        const names = [...route.path.matchAll(/:(\w+)|\{\*(\w+)\}/g)].map((m) => m[1] ?? m[2]!);
        const request = fc.record({
          segments: fc.tuple(...names.map((n) => pathSegment(params[n] ?? ['x'])), fc.constant('')),
          query: fc.option(hostileString.map((s) => encodeUri(s).slice(0, 2000))),
          auth: fc.constantFrom('good', 'none', 'wrong'),
          contentType: fc.option(fc.constantFrom(...CONTENT_TYPES)),
          body: body(f.realValues),
        });
        const started = performance.now();
        await fc.assert(
          fc.asyncProperty(request, async (r) => {
            let i = 0;
            const url = route.path.replace(/:\w+|\{\*\w+\}/g, () => String(r.segments[i++]));
            const headers: Record<string, string> = {};
            if (r.auth === 'good') headers.authorization = `Bearer ${f.t.token}`;
            if (r.auth === 'wrong') headers.authorization = 'Bearer not-the-token-at-all';
            if (r.contentType) headers['content-type'] = r.contentType;
            const hasBody = route.method !== 'GET' && route.method !== 'HEAD';
            const res = await fetch(`${f.t.url}${url}${r.query ? `?q=${r.query}` : ''}`, {
              method: route.method,
              headers,
              body: hasBody ? r.body : undefined,
            });
            const text = await res.text();
            statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
            const where = `${route.method} ${url.slice(0, 200)} -> ${res.status} ${text.slice(0, 200)}`;
            expect(res.status, where).toBeLessThan(500);
            const json = (res.headers.get('content-type') ?? '').includes('application/json');
            const apiError = res.status >= 400 && url.startsWith('/api');
            const typedError = apiError ? typedAckProblem(JSON.parse(text)) : null;
            expect({ where, json: apiError ? json : true, typedError }).toEqual({
              where,
              json: true,
              typedError: null,
            });
            const now = f.probe.dataVersion();
            expect({ where, committedWhileRejected: now !== version && res.status >= 300 }).toEqual({
              where,
              committedWhileRejected: false,
            });
            if (now !== version) {
              version = now;
              baseline = f.probe.snapshot();
            }
          }),
          { numRuns: RUNS },
        );
        perRoute.set(key, Math.round(performance.now() - started));
      }
      if (process.env.DRAWCAST_FUZZ_TIMES) console.info(Object.fromEntries(perRoute));
      expect(perRoute.size).toBe(routes.length);
    },
    TIMEOUT_MS,
  );

  it('keeps the store as the last accepted request left it, stays up, and the heap flat', async () => {
    expect(f.probe.snapshot()).toEqual(baseline);
    expect((await fetch(`${f.t.url}/healthz`)).status).toBe(200);
    const heapAfter = settledHeap();
    console.info(
      `HTTP fuzz: ${RUNS} cases x ${routes.length} routes; statuses ${JSON.stringify(Object.fromEntries(statuses))}; heap ${(heapBefore / 1e6).toFixed(1)} -> ${(heapAfter / 1e6).toFixed(1)} MB`,
    );
    expect(heapAfter).toBeLessThan(heapBefore * 1.1);
  });
});
