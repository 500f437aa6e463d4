// What a phone sees before joining: the event and what can be won.
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { PublicEventInfoDto } from '@drawcast/shared';
import { openEventWithPrize, startTestServer } from './harness';
import type { TestServer } from './harness';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(async () => {
  await t.close();
});

it('GET /api/join lists only the events open for joining', async () => {
  const { joinCode } = await openEventWithPrize(t, { title: 'Open one' });
  const draft = await t.api<{ id: string; joinCode: string }>('POST', '/api/events', { title: 'Draft one' });
  const res = await t.api<{ events: Array<{ title: string; joinCode: string }> }>(
    'GET',
    '/api/join',
    undefined,
    null,
  );
  expect(res.status).toBe(200);
  expect(res.body.events).toContainEqual({ title: 'Open one', joinCode });
  expect(res.body.events.map((e) => e.joinCode)).not.toContain(draft.body.joinCode);
});

it('GET /api/join/:code lists the prizes with their quantities, without the host token', async () => {
  const { joinCode, prizeId } = await openEventWithPrize(t, { quantity: 3 });
  const res = await t.api<PublicEventInfoDto>('GET', `/api/join/${joinCode.toLowerCase()}`, undefined, null);
  expect(res.status).toBe(200);
  expect(res.body.prizes).toEqual([
    { id: prizeId, name: 'Gift card', description: '', quantity: 3, awarded: 0 },
  ]);
});
