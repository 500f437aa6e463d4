// The bare baseline: a Socket.IO server with no Drawcast logic. It answers clock:ping and, on a
// `REVEAL <json>` line on stdin, broadcasts that payload as round:reveal to every socket, with
// revealAt = its send instant + the lead (so phones measure lag exactly as against Drawcast).
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createInterface } from 'node:readline';
import { Server } from 'socket.io';
import { announceReady } from '../../server/bench/child-protocol';

const leadMs = Number(process.env.BARE_LEAD_MS ?? 5000);
const httpServer = http.createServer();
const io = new Server(httpServer, {
  serveClient: false,
  perMessageDeflate: process.env.BARE_DEFLATE === '1',
});
io.on('connection', (socket) => {
  socket.on('clock:ping', (_payload: unknown, ack: (a: unknown) => void) => {
    if (typeof ack === 'function') ack({ ok: true, data: { serverTime: Date.now() } });
  });
});
createInterface({ input: process.stdin }).on('line', (line) => {
  // The cue on which the phones re-sync their clocks (Drawcast sends it when a round is committed).
  if (line === 'COMMIT') io.emit('round:committed', {});
  if (!line.startsWith('REVEAL ')) return;
  const payload = JSON.parse(line.slice('REVEAL '.length)) as Record<string, unknown>;
  io.emit('round:reveal', { ...payload, revealAt: Date.now() + leadMs });
});
httpServer.listen(0, '127.0.0.1', () => {
  announceReady((httpServer.address() as AddressInfo).port);
});
process.on('SIGTERM', () => {
  io.close();
  process.exit(0);
});
