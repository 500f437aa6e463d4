// The HTTP route fuzz, for one share of the routes (walked from the Express router stack, so new ones are fuzzed
// after merges): hostile path parameters, query strings, bodies and content types, with the host token, a staff
// credential, a wrong one or none, sent in concurrent batches over keep-alive connections. Never a 5xx, /api
// errors are typed envelopes, a rejected request commits nothing, the store is unchanged and the heap flat.
import http from 'node:http';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runInBatches } from './batchRunner';
import type { Verdict } from './batchRunner';
import { fuzzRuns, fuzzSeed, settledHeap, startFuzzFixture, typedAckProblem } from './fuzzFixture';
import type { FuzzFixture } from './fuzzFixture';
import { hostilePayload, hostileString, seededBytes } from './hostileValues';
import { listRoutes } from './routeRegistry';
import type { RouteEntry } from './routeRegistry';

const RUNS = fuzzRuns();
/** Requests in flight at once, over at most SOCKETS keep-alive connections. */
const BATCH = 64;
const SOCKETS = 8;
/** A loaded 2-core machine answers ~1 request per ms when pipelined; leave ten times that per route. */
const TIMEOUT_PER_ROUTE_MS = RUNS * 10;

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

/** A request body: JSON of a hostile payload, broken JSON, raw bytes, or (rarely: each costs its size) a huge one. */
const body = (realValues: Record<string, unknown[]>) =>
  fc.oneof(
    { weight: 20, arbitrary: hostilePayload(realValues).map((p) => JSON.stringify(p) ?? 'null') },
    {
      weight: 4,
      arbitrary: fc.constantFrom(
        '{',
        '{"a":',
        '[1,2',
        '\u0000',
        '{"__proto__":{"admin":true}}',
        '{"constructor":{"prototype":{"x":1}}}',
      ),
    },
    { weight: 4, arbitrary: fc.uint8Array({ maxLength: 64 }) },
    {
      weight: 1,
      arbitrary: fc.oneof(
        fc.tuple(fc.nat({ max: 8192 }), fc.integer()).map(([n, s]) => seededBytes(n, s)),
        fc.nat({ max: 300_000 }).map((n) => `{"title":"${'x'.repeat(n)}"}`),
      ),
    },
  );

interface Answer {
  status: number;
  type: string;
  text: string;
}

/** Registers the describe block for share `part` of `parts` of the routes (sorted, so the split is stable). */
export function describeHttpFuzz(part: number, parts: number): void {
  describe(`HTTP route fuzz, share ${part + 1} of ${parts} (${RUNS} cases per route)`, () => {
    let f: FuzzFixture;
    let all: RouteEntry[];
    let routes: RouteEntry[];
    let baseline: Record<string, string[]>;
    let heapBefore: number;
    const seed = fuzzSeed();
    const statuses = new Map<number, number>();
    const agent = new http.Agent({ keepAlive: true, maxSockets: SOCKETS });

    /** One request over the keep-alive pool; the whole answer is read. */
    function request(
      path: string,
      method: string,
      headers: Record<string, string>,
      payload?: string | Uint8Array,
    ): Promise<Answer> {
      return new Promise((resolve, reject) => {
        const req = http.request(`${f.t.url}${path}`, { method, headers, agent }, (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () =>
            resolve({
              status: res.statusCode ?? 0,
              type: String(res.headers['content-type'] ?? ''),
              text: Buffer.concat(chunks).toString('utf8'),
            }),
          );
          res.on('error', reject);
        });
        req.setTimeout(30_000, () => req.destroy(new Error('no answer in 30 s')));
        req.on('error', reject);
        req.end(payload);
      });
    }

    beforeAll(async () => {
      f = await startFuzzFixture();
      all = listRoutes(f.t.server.app);
      routes = [...all]
        .sort((a, b) => `${a.path} ${a.method}`.localeCompare(`${b.path} ${b.method}`))
        .filter((_r, i) => i % parts === part);
      for (const r of routes)
        await request(
          r.path.replace(/:\w+|\{\*\w+\}/g, 'x'),
          r.method,
          {},
          r.method === 'GET' ? undefined : '',
        );
      baseline = f.probe.snapshot();
      heapBefore = settledHeap();
    });
    afterAll(async () => {
      agent.destroy();
      f.probe.close();
      await f.t.close();
    });

    it('finds the public, staff, host and page routes', () => {
      const names = all.map((r) => `${r.method} ${r.path}`);
      // `/` itself is a route only while the apps are unbuilt (then the placeholder); built, it is static.
      expect(names).toEqual(
        expect.arrayContaining([
          'POST /api/events',
          'GET /api/join/:joinCode',
          'POST /api/desk/redeem',
          'GET /docs/api',
        ]),
      );
      expect(routes.length).toBeGreaterThan(0);
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
        const tokens = { good: f.t.token, staff: f.staffToken, wrong: 'not-the-token-at-all', none: '' };
        const perRoute: Record<string, string> = {};
        for (const [index, route] of routes.entries()) {
          const names = [...route.path.matchAll(/:(\w+)|\{\*(\w+)\}/g)].map((m) => m[1] ?? m[2]!);
          const arbitrary = fc.record({
            segments: fc.tuple(...names.map((n) => pathSegment(params[n] ?? ['x'])), fc.constant('')),
            query: fc.option(hostileString.map((s) => encodeUri(s).slice(0, 2000))),
            auth: fc.constantFrom('good', 'staff', 'none', 'wrong'),
            contentType: fc.option(fc.constantFrom(...CONTENT_TYPES)),
            body: body(f.realValues),
          });
          const started = performance.now();
          const hasBody = route.method !== 'GET' && route.method !== 'HEAD';
          const stats = await runInBatches({
            name: `${route.method} ${route.path}`,
            arbitrary,
            runs: RUNS,
            batch: BATCH,
            seed: seed + (part + index * parts) * 100_000,
            probe: f.probe,
            async send(r): Promise<Verdict> {
              let i = 0;
              const url = route.path.replace(/:\w+|\{\*\w+\}/g, () => String(r.segments[i++]));
              const headers: Record<string, string> = {};
              const token = tokens[r.auth];
              if (token) headers.authorization = `Bearer ${token}`;
              if (r.contentType) headers['content-type'] = r.contentType;
              const path = `${url}${r.query ? `?q=${r.query}` : ''}`;
              let res: Answer;
              try {
                res = await request(path, route.method, headers, hasBody ? r.body : undefined);
              } catch (err) {
                return { problem: `no answer: ${String(err)}`, accepted: false, where: () => path };
              }
              statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
              const where = () =>
                `${route.method} ${path.slice(0, 200)} (${r.auth}) -> ${res.status} ${res.text.slice(0, 200)}`;
              return { problem: httpProblem(url, res), accepted: res.status < 300, where };
            },
            onCommit: () => {
              baseline = f.probe.snapshot();
            },
          });
          expect(stats.cases).toBe(RUNS);
          perRoute[`${route.method} ${route.path}`] = `${Math.round(performance.now() - started)} ms`;
        }
        if (process.env.DRAWCAST_FUZZ_TIMES) console.info(perRoute);
        expect(Object.keys(perRoute)).toHaveLength(routes.length);
      },
      60_000 + TIMEOUT_PER_ROUTE_MS * 40,
    );

    it('keeps the store as the last accepted request left it, stays up, and the heap flat', async () => {
      expect(f.probe.snapshot()).toEqual(baseline);
      expect((await request('/healthz', 'GET', {})).status).toBe(200);
      const heapAfter = settledHeap();
      console.info(
        `HTTP fuzz share ${part + 1}/${parts} (seed ${seed}): ${RUNS} cases x ${routes.length} of ${all.length} routes = ${RUNS * routes.length} cases; statuses ${JSON.stringify(Object.fromEntries(statuses))}; heap ${(heapBefore / 1e6).toFixed(1)} -> ${(heapAfter / 1e6).toFixed(1)} MB`,
      );
      expect(heapAfter).toBeLessThan(heapBefore * 1.1);
    });
  });
}

/** Why a response is wrong: a 5xx, or an /api error that is not a typed JSON envelope; null when fine. */
function httpProblem(url: string, res: Answer): string | null {
  if (res.status >= 500) return `status ${res.status}`;
  if (res.status < 400 || !url.startsWith('/api')) return null;
  if (!res.type.includes('application/json')) return `error as ${res.type || 'no content type'}`;
  try {
    return typedAckProblem(JSON.parse(res.text));
  } catch {
    return 'error body is not JSON';
  }
}
