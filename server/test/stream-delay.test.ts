// A stream delay holds the audience's result back (even across a restart); the stage gets it at once.
import { rmSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import type { RoundDto } from '@drawcast/shared';
import { deviceToken, nextEvent, okData, openEventWithPrize, startTestServer, tempDataDir } from './harness';
import type { TestServer } from './harness';

const LEAD_MS = 300;
const DELAY_MS = 1500;
/** How late after the phones' reveal time a winner's notice may arrive (one winner, a loaded CI machine). */
const LATE_MARGIN_MS = 250;

describe('stream delay', () => {
  const dataDir = tempDataDir();
  const servers: TestServer[] = [];
  afterAll(async () => {
    for (const s of servers) await s.close();
    rmSync(dataDir, { recursive: true, force: true });
  });
  const restartDir = tempDataDir();
  afterAll(() => rmSync(restartDir, { recursive: true, force: true }));

  it('sends the stage result at once and the audience result only at phoneRevealAt − lead', async () => {
    const t = await startTestServer({ dataDir });
    servers.push(t);
    const { eventId, joinCode, prizeId } = await openEventWithPrize(t, {
      settings: { revealLeadMs: LEAD_MS, streamDelayMs: 0 },
    });
    const delay = await t.api<{ settings: { streamDelayMs: number } }>(
      'PUT',
      `/api/events/${eventId}/stream-delay`,
      {
        streamDelayMs: DELAY_MS,
      },
    );
    expect(delay.body.settings.streamDelayMs).toBe(DELAY_MS);

    const phone = await t.connect();
    const token = deviceToken();
    const me = okData(
      await phone.emitWithAck('event:join', { joinCode, nickname: 'Viewer', deviceToken: token }),
    );
    // The host's own stage screen presents the token; a stage opened by anyone else does not.
    const stage = await t.connect({ role: 'stage', eventId, hostToken: t.token });
    const publicStage = await t.connect({ role: 'stage', eventId });
    const round = (await t.api<RoundDto>('POST', `/api/events/${eventId}/rounds`, { prizeId, winners: 1 }))
      .body;

    let revealReceivedAt = 0;
    let wonReceivedAt = 0;
    const reveal = nextEvent(phone, 'round:reveal').then((r) => ((revealReceivedAt = Date.now()), r));
    const won = nextEvent(phone, 'you:won').then((w) => ((wonReceivedAt = Date.now()), w));
    const onStage = nextEvent(stage, 'round:drawn');
    let publicStageAt = 0;
    const onPublicStage = nextEvent(publicStage, 'round:drawn').then(
      (d) => ((publicStageAt = Date.now()), d),
    );
    const drawn = (await t.api<RoundDto>('POST', `/api/rounds/${round.id}/draw`)).body;
    expect(drawn.phoneRevealAt! - drawn.revealAt!).toBe(DELAY_MS);
    expect((await onStage).revealAt).toBe(drawn.revealAt);

    // During the hold: nothing about the winner is public, not even on a state resync or in the proof.
    expect(t.server.hub.pendingReveals).toBe(1);
    const during = okData(await phone.emitWithAck('participant:state', { eventId, deviceToken: token }));
    expect(during.pendingReveals.map((p) => p.roundId)).toEqual([round.id]);
    expect(during.results).toEqual([]);
    expect(during.wins).toEqual([]);
    const proof = await t.api<Record<string, unknown>>(
      'GET',
      `/api/rounds/${round.id}/proof`,
      undefined,
      null,
    );
    expect(proof.body).not.toHaveProperty('serverSeed');

    const [r, w] = await Promise.all([reveal, won]);
    const releaseAt = drawn.phoneRevealAt! - LEAD_MS;
    expect(revealReceivedAt).toBeGreaterThanOrEqual(releaseAt);
    expect(wonReceivedAt).toBeGreaterThanOrEqual(releaseAt);
    expect(wonReceivedAt).toBeLessThanOrEqual(drawn.phoneRevealAt! + LATE_MARGIN_MS);
    expect(revealReceivedAt).toBeLessThanOrEqual(drawn.phoneRevealAt! + LATE_MARGIN_MS);
    expect(r.revealAt).toBe(drawn.phoneRevealAt);
    expect(w).toMatchObject({ roundId: round.id, place: 1, revealAt: drawn.phoneRevealAt });
    expect(r.winners[0]!.participantId).toBe(me.participantId);
    const onPublic = await onPublicStage;
    expect(publicStageAt).toBeGreaterThanOrEqual(releaseAt);
    expect(onPublic.revealAt).toBe(drawn.phoneRevealAt);
  });

  it('re-arms a held-back reveal after a restart', async () => {
    const first = await startTestServer({ dataDir: restartDir });
    servers.push(first);
    // A longer delay here leaves ample margin for the restart on a busy CI machine.
    const { eventId, joinCode, prizeId } = await openEventWithPrize(first, {
      settings: { revealLeadMs: LEAD_MS, streamDelayMs: 2 * DELAY_MS },
    });
    const token = deviceToken();
    const phone = await first.connect();
    okData(await phone.emitWithAck('event:join', { joinCode, nickname: 'Patient', deviceToken: token }));
    const round = (
      await first.api<RoundDto>('POST', `/api/events/${eventId}/rounds`, { prizeId, winners: 1 })
    ).body;
    const drawn = (await first.api<RoundDto>('POST', `/api/rounds/${round.id}/draw`)).body;
    await first.close();
    servers.pop();

    const second = await startTestServer({ dataDir: restartDir });
    servers.push(second);
    expect(second.server.hub.pendingReveals).toBe(1);
    // The phone reconnects with its device token: it gets its state (pending) and then the re-armed reveal.
    const back = second.open({ eventId, deviceToken: token });
    const won = nextEvent(back, 'you:won');
    const reveal = await nextEvent(back, 'round:reveal');
    expect(Date.now()).toBeGreaterThanOrEqual(drawn.phoneRevealAt! - LEAD_MS);
    expect(reveal.roundId).toBe(round.id);
    expect((await won).roundId).toBe(round.id);
  });
});
