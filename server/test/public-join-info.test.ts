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

it('GET /api/join/:code lists the prizes with their quantities, without the host token', async () => {
  const { joinCode, prizeId } = await openEventWithPrize(t, { quantity: 3 });
  const res = await t.api<PublicEventInfoDto>('GET', `/api/join/${joinCode.toLowerCase()}`, undefined, null);
  expect(res.status).toBe(200);
  expect(res.body.prizes).toEqual([
    { id: prizeId, name: 'Gift card', description: '', quantity: 3, awarded: 0 },
  ]);
});
