import { describe, expect, it } from 'vitest';
import { syncClock } from './sync';

/** A fake network whose delays are driven by a virtual clock, so the test needs no real time. */
function virtualNetwork(delays: Array<[number, number]>, serverSkew: number) {
  let trueNow = 1_000_000;
  let i = 0;
  return {
    clientNow: () => trueNow,
    ping: async () => {
      const [up, down] = delays[i++ % delays.length]!;
      trueNow += up;
      const serverTime = trueNow + serverSkew;
      trueNow += down;
      return { serverTime };
    },
  };
}

describe('syncClock', () => {
  it('estimates the offset from N pings, robust to one slow lopsided exchange', async () => {
    const net = virtualNetwork(
      [
        [5, 5],
        [400, 2],
        [6, 6],
        [4, 4],
        [7, 7],
      ],
      -7000,
    );
    const est = await syncClock({ ping: net.ping, now: net.clientNow, samples: 5 });
    expect(est.samples).toHaveLength(5);
    expect(est.offsetMs).toBe(-7000);
    expect(est.roundTripMs).toBe(10);
  });

  it('propagates a failing ping instead of inventing an offset', async () => {
    await expect(
      syncClock({
        ping: () => Promise.reject(new Error('socket closed')),
        samples: 3,
      }),
    ).rejects.toThrow('socket closed');
  });
});
