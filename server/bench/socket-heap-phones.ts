// socket-heap.ts's phones: connect (and join) argv[3] sockets one by one, then tell the parent.
import { io } from 'socket.io-client';
import type { Socket } from 'socket.io-client';
import { PROTOCOL_VERSION } from '@drawcast/shared';

const [url, count, joinCode] = process.argv.slice(2);
const sockets: Socket[] = [];
for (let i = 0; i < Number(count); i++) {
  const socket = io(url!, {
    transports: ['websocket'],
    forceNew: true,
    reconnection: false,
    auth: { protocolVersion: PROTOCOL_VERSION },
  });
  sockets.push(socket);
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', reject);
  });
  if (joinCode) {
    const ack = (await socket.emitWithAck('event:join', {
      joinCode,
      nickname: `Phone ${i}`,
      deviceToken: `heap-${process.pid}-${i}-device`,
    })) as { ok: boolean };
    if (!ack.ok) throw new Error(JSON.stringify(ack));
  }
}
process.send!('ready');
