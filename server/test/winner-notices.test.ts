// 500 winners: every `you:won` (with its claim code and QR) leaves within a few ms of the phones' reveal
// time, because the notices are prepared when the round is drawn, seconds before.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JoinAckDto, RoundDto, YouWonDto } from '@drawcast/shared';
import { deviceToken, nextEvent, okData, openEventWithPrize, startTestServer } from './harness';
import type { Client, TestServer } from './harness';

const WINNERS = 500;
/** Seconds between the draw and the phones' reveal: ample time to prepare 500 notices. */
const LEAD_MS = 5000;
/**
 * How late after its due time the first notice may leave. The target is a few ms; this bound leaves room
 * for a timer firing late on a loaded CI machine. What makes the notices punctual is checked exactly:
 * all 500 leave in one event-loop turn, with no store read or QR rendering left to wait for.
 */
const MAX_FIRST_LATE_MS = 100;

describe('500 winners', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer();
  });
  afterAll(async () => {
    await t.close();
  });

  it('sends every winner its notice at the phone reveal time, within a few ms, none early', async () => {
    const { eventId, joinCode, prizeId } = await openEventWithPrize(t, {
      quantity: WINNERS,
      settings: { revealLeadMs: LEAD_MS },
    });
    const phones: Client[] = await Promise.all(Array.from({ length: WINNERS }, () => t.connect()));
    const acks: JoinAckDto[] = await Promise.all(
      phones.map(async (p, i) =>
        okData(
          await p.emitWithAck('event:join', { joinCode, nickname: `W${i}`, deviceToken: deviceToken() }),
        ),
      ),
    );
    const round = (
      await t.api<RoundDto>('POST', `/api/events/${eventId}/rounds`, { prizeId, winners: WINNERS })
    ).body;

    // When each notice leaves the server: the moment Socket.IO's adapter writes it to the winner's room.
    // A burst ends when the event loop next reaches its check phase (setImmediate): any I/O wait between
    // two sends would start a second burst.
    const sentAt = new Map<string, number>();
    let bursts = 0;
    let inBurst = false;
    const adapter = t.server.io.sockets.adapter;
    const broadcast = adapter.broadcast.bind(adapter);
    adapter.broadcast = (packet, opts) => {
      if (packet.data?.[0] === 'you:won') {
        const room = [...opts.rooms][0] as string;
        sentAt.set(room, Date.now());
        if (!inBurst) {
          inBurst = true;
          bursts += 1;
          setImmediate(() => (inBurst = false));
        }
      }
      return broadcast(packet, opts);
    };
    const received = phones.map((p) => nextEvent(p, 'you:won'));

    const drawn = (await t.api<RoundDto>('POST', `/api/rounds/${round.id}/draw`)).body;
    const due = drawn.phoneRevealAt!;
    const notices: YouWonDto[] = await Promise.all(received);

    expect(sentAt.size).toBe(WINNERS);
    const late = [...sentAt.values()].map((at) => at - due).sort((a, b) => a - b);
    expect(bursts).toBe(1);
    expect(late[0]).toBeGreaterThanOrEqual(0);
    expect(late[0]).toBeLessThanOrEqual(MAX_FIRST_LATE_MS);
    console.info(
      `you:won x${WINNERS}: first sent ${late[0]} ms after the reveal time, last ${late[late.length - 1]} ms (median ${late[WINNERS >> 1]}), in ${bursts} event-loop turn`,
    );

    const byParticipant = new Map(acks.map((a, i) => [a.participantId, i]));
    const places = new Set<number>();
    for (const n of notices) {
      expect(n).toMatchObject({ roundId: round.id, revealAt: due });
      expect(n.claim?.code).toEqual(expect.any(String));
      expect(n.claim?.qrSvg).toContain('<svg');
      places.add(n.place);
    }
    expect(places.size).toBe(WINNERS);
    expect(byParticipant.size).toBe(WINNERS);
  });
});
