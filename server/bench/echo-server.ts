// The bare baseline: a Socket.IO server that acks each `echo` with its payload, nothing else.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Server } from 'socket.io';
import { announceReady } from './child-protocol';

const httpServer = http.createServer();
const io = new Server(httpServer, { maxHttpBufferSize: 64 * 1024, serveClient: false });
io.on('connection', (socket) => {
  socket.on('echo', (payload: unknown, ack: (a: unknown) => void) => {
    if (typeof ack === 'function') ack({ ok: true, data: payload });
  });
});
httpServer.listen(0, '127.0.0.1', () => {
  announceReady((httpServer.address() as AddressInfo).port);
});
process.on('SIGTERM', () => {
  io.close();
  process.exit(0);
});
