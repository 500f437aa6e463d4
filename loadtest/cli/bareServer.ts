// The bare baseline of the join runs: plain Socket.IO on plain node:http, no Drawcast logic, that acks
// `event:join` at once and puts the socket in one room, plus the few /metrics lines the CLI follows.
// Started as its own process by the CLI (`--bare`), so it shares the machine exactly as the real server does.
import { createServer } from 'node:http';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { Server } from 'socket.io';

const loop = monitorEventLoopDelay({ resolution: 10 });
loop.enable();
let joins = 0;

const http = createServer((req, res) => {
  if (req.url === '/metrics') {
    const cpu = process.cpuUsage();
    res.end(
      [
        `drawcast_connected_sockets ${io.engine.clientsCount}`,
        `drawcast_joins_total{result="created"} ${joins}`,
        `drawcast_joins_total{result="existing"} 0`,
        `drawcast_joins_total{result="failed"} 0`,
        `drawcast_process_resident_memory_bytes ${process.memoryUsage.rss()}`,
        `drawcast_nodejs_heap_size_used_bytes ${process.memoryUsage().heapUsed}`,
        `drawcast_process_cpu_seconds_total ${(cpu.user + cpu.system) / 1e6}`,
        `drawcast_nodejs_eventloop_lag_p99_seconds ${loop.percentile(99) / 1e9}`,
        `drawcast_nodejs_eventloop_lag_max_seconds ${loop.max / 1e9}`,
        '',
      ].join('\n'),
    );
    loop.reset();
    return;
  }
  res.statusCode = 404;
  res.end();
});
const io = new Server(http, { transports: ['websocket'] });
io.on('connection', (socket) => {
  socket.on('event:join', (_payload: unknown, ack: (a: unknown) => void) => {
    joins += 1;
    void socket.join('audience');
    ack({ ok: true, data: { participantId: socket.id } });
  });
});
http.listen(0, '127.0.0.1', () => {
  const addr = http.address();
  if (addr && typeof addr === 'object')
    process.stdout.write(`bare listening on http://127.0.0.1:${addr.port}\n`);
});
