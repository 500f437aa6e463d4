// Per-IP cap on open TCP connections (HTTP and websockets alike), counted on the http.Server itself.
import type { Server, Socket } from 'node:net';

/**
 * Why: one address holding thousands of idle or half-open sockets would exhaust file descriptors for
 * everyone; beyond `maxPerIp` its new connections are closed at once (0 = no cap). A shop's phones share
 * one Wi-Fi address, so the default is generous. Returns the live counts (for tests and metrics).
 */
export function limitConnectionsPerIp(server: Server, maxPerIp: number): Map<string, number> {
  const open = new Map<string, number>();
  if (maxPerIp <= 0) return open;
  server.on('connection', (socket: Socket) => {
    const ip = socket.remoteAddress ?? 'unknown';
    const count = open.get(ip) ?? 0;
    if (count >= maxPerIp) {
      socket.destroy();
      return;
    }
    open.set(ip, count + 1);
    socket.once('close', () => {
      const left = (open.get(ip) ?? 1) - 1;
      if (left <= 0) open.delete(ip);
      else open.set(ip, left);
    });
  });
  return open;
}

/**
 * Why: a client that connects and stays silent must not hold its socket forever. Node 18+ also times such
 * a socket out (headersTimeout counts from the connection, and it answers 408), but only on its
 * connectionsCheckingInterval and only while headersTimeout is set; this guard does not depend on either.
 * One that has sent nothing after `ms` is closed without a word (whichever of the two comes first wins).
 */
export function dropSilentConnections(server: Server, ms: number): void {
  server.on('connection', (socket: Socket) => {
    const timer = setTimeout(() => {
      if (socket.bytesRead === 0) socket.destroy();
    }, ms);
    timer.unref();
    socket.once('close', () => clearTimeout(timer));
  });
}
