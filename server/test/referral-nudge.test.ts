// A friend joining through an invite link tells the referrer's phone, so it shows its bonus at once.
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { JoinAckDto } from '@drawcast/shared';
import { deviceToken, nextEvent, okData, openEventWithPrize, startTestServer } from './harness';
import type { TestServer } from './harness';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(async () => {
  await t.close();
});

it('sends you:referred to the referrer, and its state then counts the friend', async () => {
  const { eventId, joinCode } = await openEventWithPrize(t, {
    settings: {
      bonus: {
        referral: { enabled: true, ticketsPerFriend: 2, maxBonus: 4 },
        earlyBird: { enabled: false, before: 0, tickets: 1 },
      },
    },
  });
  const annToken = deviceToken();
  const ann = await t.connect();
  const annAck = okData<JoinAckDto>(
    await ann.emitWithAck('event:join', { joinCode, nickname: 'Ann', deviceToken: annToken }),
  );
  const nudged = nextEvent(ann, 'you:referred');
  const friend = await t.connect();
  okData(
    await friend.emitWithAck('event:join', {
      joinCode,
      nickname: 'Bo',
      deviceToken: deviceToken(),
      ref: annAck.shareCode!,
    }),
  );
  expect(await nudged).toEqual({ eventId });
  const state = okData(await ann.emitWithAck('participant:state', { eventId, deviceToken: annToken }));
  expect(state.participant).toMatchObject({ referrals: 1, tickets: 3 });

  // A join without a counted referral nudges nobody.
  let extra = 0;
  ann.on('you:referred', () => (extra += 1));
  const other = await t.connect();
  okData(
    await other.emitWithAck('event:join', {
      joinCode,
      nickname: 'Cy',
      deviceToken: deviceToken(),
      ref: 'nope',
    }),
  );
  await ann.emitWithAck('clock:ping', {});
  expect(extra).toBe(0);
});
