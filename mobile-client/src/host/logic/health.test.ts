import { expect, test } from 'vitest';
import { HEALTHY, healthView } from './health';

// The reasons exactly as a cluster node words them (server/src/cluster/clusterNode.ts).
const REDIS_DOWN =
  "redis pub, sub, commands not ready (connect ECONNREFUSED 127.0.0.1:6390); broadcasts reach this node's phones only, reveals and odds go through the database";
const DB_DOWN = 'database unreachable: the database is unavailable; nothing was stored';

test('ok shows nothing', () => {
  expect(healthView(HEALTHY, { status: 200, body: { status: 'ok', ready: true, reasons: [] } })).toEqual(
    HEALTHY,
  );
});

test('Redis down: degraded, says joins and draws go on and reveals go through the database', () => {
  const v = healthView(HEALTHY, {
    status: 200,
    body: { status: 'degraded', ready: true, reasons: [REDIS_DOWN], sockets: 3 },
  });
  expect(v).toMatchObject({ level: 'degraded', title: 'health.redisTitle', details: [REDIS_DOWN] });
  expect(v.lines).toEqual(['health.redisWorks', 'health.redisReveals', 'health.redisLimits']);
});

test('another degradation gets the general wording', () => {
  const v = healthView(HEALTHY, { status: 200, body: { status: 'degraded', ready: true, reasons: ['x'] } });
  expect(v).toMatchObject({ level: 'degraded', title: 'health.degradedTitle' });
});

test('failed readiness: the database wording, whatever the status field says', () => {
  const down = { status: 503, body: { status: 'unavailable', ready: false, reasons: [DB_DOWN] } };
  expect(healthView(HEALTHY, down)).toMatchObject({ level: 'unavailable', title: 'health.databaseTitle' });
  const notReady = { status: 503, body: { status: 'degraded', ready: false, reasons: [] } };
  expect(healthView(HEALTHY, notReady).level).toBe('unavailable');
});

test('no answer twice in a row (not once) says the server is not answering; an answer clears it', () => {
  const once = healthView(HEALTHY, null);
  expect(once.level).toBe('ok');
  const twice = healthView(once, { status: 502, body: '<html>bad gateway</html>' });
  expect(twice).toMatchObject({
    level: 'unreachable',
    title: 'health.unreachableTitle',
    details: ['HTTP 502'],
  });
  expect(healthView(twice, { status: 200, body: { status: 'ok', ready: true, reasons: [] } })).toEqual(
    HEALTHY,
  );
});

test('a miss while degraded keeps the degraded banner until the second miss', () => {
  const degraded = healthView(HEALTHY, {
    status: 200,
    body: { status: 'degraded', ready: true, reasons: [REDIS_DOWN] },
  });
  expect(healthView(degraded, null)).toMatchObject({ level: 'degraded', misses: 1 });
});
