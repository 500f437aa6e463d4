// Issue #12 on the server: the host picks the stage animation per round (wheel or slots), and a stage
// pages through nicknames (stage:names) for the wheel, the reels and the lobby's new joiners.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RoundDto } from '@drawcast/shared';
import { deviceToken, nextEvent, okData, openEventWithPrize, startTestServer } from './harness';
import type { TestServer } from './harness';

describe('stage: draw mode and names', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer();
  });
  afterAll(async () => {
    await t.close();
  });

  it('a round carries the host-chosen draw mode to the stage; default wheel; junk refused', async () => {
    const { eventId, joinCode, prizeId } = await openEventWithPrize(t, { quantity: 5 });
    for (let i = 0; i < 3; i++) {
      const phone = await t.connect();
      okData(
        await phone.emitWithAck('event:join', {
          joinCode,
          nickname: `Guest ${i}`,
          deviceToken: deviceToken(),
        }),
      );
    }
    const stage = await t.connect({ role: 'stage', hostToken: t.token });
    okData(await stage.emitWithAck('stage:watch', { eventId }));

    const bad = await t.api('POST', `/api/events/${eventId}/rounds`, {
      prizeId,
      winners: 1,
      drawMode: 'dice',
    });
    expect(bad.status).toBe(400);
    const plain = await t.api<RoundDto>('POST', `/api/events/${eventId}/rounds`, { prizeId, winners: 1 });
    expect(plain.body.drawMode).toBe('wheel');
    await t.api('POST', `/api/rounds/${plain.body.id}/cancel`);

    const committed = nextEvent(stage, 'round:committed');
    const slots = await t.api<RoundDto>('POST', `/api/events/${eventId}/rounds`, {
      prizeId,
      winners: 2,
      drawMode: 'slots',
    });
    expect(slots.status).toBe(201);
    expect(slots.body.drawMode).toBe('slots');
    expect((await committed).drawMode).toBe('slots');
    const drawn = nextEvent(stage, 'round:drawn');
    await t.api('POST', `/api/rounds/${slots.body.id}/draw`);
    expect((await drawn).drawMode).toBe('slots');
    const listed = await t.api<RoundDto[]>('GET', `/api/events/${eventId}/rounds`);
    expect(listed.body.map((r) => r.drawMode)).toEqual(['wheel', 'slots']);
  });

  it('stage:names pages nicknames in join order to stages, never to phones', async () => {
    const { eventId, joinCode } = await openEventWithPrize(t, { quantity: 1 });
    const phone = await t.connect();
    for (const nickname of ['Ann', '小明', 'Bo']) {
      okData(await phone.emitWithAck('event:join', { joinCode, nickname, deviceToken: deviceToken() }));
    }
    const stage = await t.connect({ role: 'stage' });
    const page = okData(await stage.emitWithAck('stage:names', { eventId, offset: 1, limit: 5 }));
    expect(page.total).toBe(3);
    expect(page.offset).toBe(1);
    expect(page.names.map((n) => n.nickname)).toEqual(['小明', 'Bo']);
    expect(page.names[0]!.id).toMatch(/^p_/);

    const refused = await phone.emitWithAck('stage:names', { eventId });
    expect(refused).toMatchObject({ ok: false, code: 'UNAUTHORIZED' });
    const junk = await stage.emitWithAck('stage:names', { eventId, limit: 5000 });
    expect(junk).toMatchObject({ ok: false, code: 'VALIDATION_FAILED' });
    const unknown = await stage.emitWithAck('stage:names', { eventId: 'evt_nope' });
    expect(unknown).toMatchObject({ ok: false, code: 'EVENT_NOT_FOUND' });
  });
});
