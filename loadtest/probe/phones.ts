// One phone-fleet child process: many socket.io phones from one source address, each joining (when given a
// join code), syncing its deliberately skewed clock with clock:ping (again when a round is committed, as
// the phone app does), then recording the round:reveal.
import { setTimeout as delay } from 'node:timers/promises';
import { io } from 'socket.io-client';
import type { Socket } from 'socket.io-client';
import {
  PROTOCOL_VERSION,
  RESYNC_DEFAULTS,
  estimateFromPool,
  mergeSamples,
  resyncDelays,
  serverToLocal,
  syncClock,
} from '@drawcast/shared';
import type { Ack, ClockPong, ClockSample, RoundRevealDto } from '@drawcast/shared';
import type { FleetCommand, FleetReport, PhoneRecord, StartCommand } from './fleetProtocol';
import { skewOf } from './fleetProtocol';

const send = (report: FleetReport) => process.send!(report);

async function ackOf<T>(socket: Socket, event: string, payload: unknown): Promise<T> {
  const ack = (await socket.timeout(120_000).emitWithAck(event, payload)) as Ack<T>;
  if (!ack.ok) throw new Error(`${event}: ${ack.code} ${ack.message}`);
  return ack.data;
}

async function run(start: StartCommand): Promise<void> {
  const sockets: Socket[] = [];
  // Per round (one per draw), every phone's record, sent once all ready phones have it (or on collect).
  const byRound = new Map<string, PhoneRecord[]>();
  // Each ready phone's clock sync again (the probe's --resync: a sync in a quiet moment, before a draw).
  const resyncs: (() => Promise<void>)[] = [];
  let ready = 0;
  let failed = 0;
  let firstError = '';
  const progress = setInterval(() => send({ type: 'progress', ready, failed }), 1000);

  const onReveal = (record: PhoneRecord, roundId: string) => {
    const records = byRound.get(roundId) ?? [];
    byRound.set(roundId, records);
    records.push(record);
    if (records.length === ready) send({ type: 'revealed', roundId, records });
  };

  const setUp = async (k: number) => {
    const index = start.first + k;
    const skew = skewOf(index, start.maxSkewMs);
    const now = () => Date.now() + skew;
    const socket = io(start.urls[index % start.urls.length]!, {
      transports: start.transports,
      forceNew: true,
      reconnection: false,
      timeout: 120_000,
      auth: { protocolVersion: PROTOCOL_VERSION },
      // engine.io-client hands localAddress (and perMessageDeflate) through to ws.
      ...({
        localAddress: start.localAddress,
        perMessageDeflate: start.perMessageDeflate,
      } as object),
    });
    sockets.push(socket);
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', () => resolve());
      socket.once('connect_error', reject);
    });
    if (start.joinCode) {
      await ackOf(socket, 'event:join', {
        joinCode: start.joinCode,
        nickname: `Phone ${index}`,
        deviceToken: `probe-${start.runId}-${index}`,
      });
    }
    // As mobile-client/src/common/clock.ts: the fastest samples kept over time, estimate from the pool.
    let pool: ClockSample[] = [];
    const sync = async (samples: number) => {
      const fresh = await syncClock({
        ping: () => ackOf<ClockPong>(socket, 'clock:ping', {}),
        now,
        samples,
      });
      pool = mergeSamples(pool, fresh.samples, now());
      return estimateFromPool(pool);
    };
    let estimate = await sync(start.clockSamples);
    resyncs.push(async () => {
      estimate = await sync(start.clockSamples);
    });
    if (start.resyncOnCommit) {
      // The app's quiet-moment re-sync: on round:committed / round:entriesClosed, at a random moment.
      let pending = false;
      let lastResyncAt: number | null = null;
      const resyncSoon = () => {
        const delays = resyncDelays({
          now: now(),
          lastResyncAt,
          pending,
          randoms: Array.from({ length: RESYNC_DEFAULTS.samples }, Math.random),
          windowMs: start.resyncWindowMs,
        });
        if (delays === null) return;
        pending = true;
        const pings = delays.map((d) =>
          delay(d)
            .then(() => sync(1))
            .then((e) => {
              estimate = e;
            })
            .catch(() => undefined),
        );
        void Promise.all(pings).finally(() => {
          pending = false;
          lastResyncAt = now();
        });
      };
      socket.on('round:committed', resyncSoon);
      socket.on('round:entriesClosed', resyncSoon);
    }
    socket.on('round:reveal', (reveal: RoundRevealDto) => {
      const receivedAt = Date.now();
      if (k === 0) send({ type: 'payload', roundId: reveal.roundId, payload: reveal });
      onReveal(
        {
          index,
          skewMs: skew,
          syncErrorMs: estimate.offsetMs + skew,
          receivedAt,
          revealAt: reveal.revealAt,
          // The phone fires at revealAt on its own (skewed) clock; mapped back to true time.
          localRevealTrue: serverToLocal(reveal.revealAt, estimate) - skew,
        },
        reveal.roundId,
      );
    });
    ready++;
  };

  // At most `concurrency` phones setting up at once: a ramp, not a stampede.
  let next = 0;
  const worker = async () => {
    while (next < start.count && Date.now() < (start.rampDeadline ?? Infinity)) {
      const k = next++;
      try {
        await setUp(k);
      } catch (err) {
        failed++;
        firstError ||= err instanceof Error ? err.message : String(err);
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(start.concurrency, start.count) }, worker));
  const resyncAll = async () => {
    let at = 0;
    const again = async () => {
      while (at < resyncs.length) await resyncs[at++]!().catch(() => undefined);
    };
    await Promise.all(Array.from({ length: start.concurrency }, again));
    send({ type: 'resynced' });
  };
  clearInterval(progress);
  send({ type: 'ready', ready, failed, firstError });

  process.on('message', (command: FleetCommand) => {
    if (command.type === 'resync') void resyncAll();
    if (command.type === 'collect')
      send({
        type: 'revealed',
        roundId: command.roundId,
        records: byRound.get(command.roundId) ?? [],
      });
    if (command.type === 'close') {
      for (const s of sockets) s.disconnect();
      setTimeout(() => process.exit(0), 200);
    }
  });
}

process.once('message', (command: FleetCommand) => {
  if (command.type === 'start') void run(command);
});
process.on('disconnect', () => process.exit(0));
