// Heap per connected phone socket: a real server (SQLite) in this process, N socket.io phones in a child
// process (so their memory is not counted), heap read after forced GCs before and after. Used to find
// what made Drawcast's memory per phone ~2× bare Socket.IO (issue #15; docs/BENCHMARKS.md).
//   node --expose-gc --import tsx server/bench/socket-heap.ts      (HEAP_PHONES=2000, HEAP_JOIN=1)
import { fork } from 'node:child_process';
import { openEventWithPrize, startTestServer } from '../test/harness';

const PHONES = Number(process.env.HEAP_PHONES ?? 2000);
const JOIN = process.env.HEAP_JOIN !== '0';
const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('run with node --expose-gc');

function heap(): NodeJS.MemoryUsage {
  gc!();
  gc!();
  return process.memoryUsage();
}

const t = await startTestServer({ config: { maxConnectionsPerIp: 0, joinsPerIpPerMinute: 1_000_000 } });
const { joinCode } = await openEventWithPrize(t);
const children: ReturnType<typeof fork>[] = [];
const phones = (count: number) =>
  new Promise<void>((resolve, reject) => {
    const child = fork(
      new URL('./socket-heap-phones.ts', import.meta.url).pathname,
      [t.url, String(count), JOIN ? joinCode : ''],
      { execArgv: ['--import', 'tsx'] },
    );
    children.push(child);
    child.once('message', () => resolve());
    child.once('exit', (code) => reject(new Error(`phones exited with ${code}`)));
  });
await phones(50); // warm-up: every code path has run once before the baseline
const before = heap();
await phones(PHONES);
const after = heap();
const perPhone = (key: keyof NodeJS.MemoryUsage) => ((after[key] - before[key]) / 1024 / PHONES).toFixed(2);
console.log(
  `${PHONES} phones${JOIN ? ' joined' : ' connected'}: heapUsed ${perPhone('heapUsed')} KB/phone, rss ${perPhone('rss')} KB/phone`,
);
for (const child of children) child.kill();
await t.close();
