// The tiny stdio protocol between bench/run.ts and a server child: READY on start, CPU on request.

/**
 * Prints `READY <port> ...` and answers each `CPU` line on stdin with the process's CPU time (all
 * threads) and its event loop's busy time so far, both in µs.
 */
export function announceReady(port: number, ...extra: string[]): void {
  process.stdin.setEncoding('utf8');
  process.stdin.on('data', (chunk: string) => {
    for (const line of chunk.split('\n')) {
      if (line.trim() !== 'CPU') continue;
      const { user, system } = process.cpuUsage();
      const loopMicros = Math.round(performance.eventLoopUtilization().active * 1000);
      process.stdout.write(`CPU ${user + system} ${loopMicros}\n`);
    }
  });
  process.stdout.write(`READY ${[port, ...extra].join(' ')}\n`);
}
