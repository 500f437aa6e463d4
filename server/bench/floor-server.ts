// The join's transport floor: a Socket.IO server whose `event:join` does everything the real handler
// does around the service (zod, the join rate limits, two rooms, a join ack of the real size) and
// nothing else: no store, no odds, no broadcast. What a join costs before any Drawcast work.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Server } from 'socket.io';
import { joinSchema, ok, parsePayload, rooms } from '@drawcast/shared';
import type { JoinAckDto } from '@drawcast/shared';
import { eventSettingsFixture } from '@drawcast/shared/testing';
import { JoinLimits } from '../src/commands/joinLimits';
import { announceReady } from './child-protocol';

// Lifted as in drawcast-server.ts: every client is 127.0.0.1 and rejoins once per pass.
const limits = new JoinLimits({ perIpPerMinute: 1_000_000, perDevicePerMinute: 1_000_000 });
const eventId = 'evt_DsjUoTqRlZ8Gd0Fc';
/** A real join ack (~1 KB), as the Drawcast server sends for an open event with a committed round. */
const ack: JoinAckDto = {
  participantId: 'p_M90arc0olpd4T_bu',
  eventId,
  nickname: 'Fan',
  tickets: 1,
  created: true,
  event: {
    id: eventId,
    title: 'Bench',
    joinCode: 'J3AHXE',
    status: 'open',
    settings: eventSettingsFixture(), // maxBonus 0 where it was 5: the same bytes on the wire
    createdAt: 1795687172130,
  },
  round: {
    id: 'rnd_HWdl904lcA0mamti',
    prizeId: 'prz_9luGxvBoDWoUvWkm',
    prizeName: 'Prize',
    commitment: '0192a0e3b0b6d2a1fcaa11c8799ecc6c23aef525369a24a6832c0d34023444a1',
    k: 10,
    entriesClosedAt: null,
    entryCount: null,
    entriesDigest: null,
  },
  aggregate: { eventId, roundId: 'rnd_HWdl904lcA0mamti', k: 10, counts: { 1: 1000 }, total: 1000 },
  eligible: true,
  odds: 0.01,
  oddsExact: true,
  shareCode: '9QSXT4SJ',
  sharePath: '/join/J3AHXE?ref=9QSXT4SJ',
  ticketBreakdown: { base: 1, referral: 0, earlyBird: 0, total: 1 },
  referral: null,
};

const httpServer = http.createServer();
const io = new Server(httpServer, { maxHttpBufferSize: 64 * 1024, serveClient: false });
io.on('connection', (socket) => {
  socket.on('event:join', async (payload: unknown, reply: (a: unknown) => void) => {
    const parsed = parsePayload(joinSchema, payload);
    if (!parsed.ok) return reply(parsed);
    await limits.consume(socket.handshake.address, parsed.data.deviceToken);
    await socket.join([rooms.audience(eventId), rooms.participant(parsed.data.deviceToken)]);
    reply(ok({ ...ack, nickname: parsed.data.nickname }));
  });
});
httpServer.listen(0, '127.0.0.1', () => {
  announceReady((httpServer.address() as AddressInfo).port);
});
process.on('SIGTERM', () => {
  io.close();
  process.exit(0);
});
