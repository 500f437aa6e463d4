import { afterEach, describe, expect, it } from 'vitest';
import { oddsByWeight } from '@drawcast/shared';
import { OddsWorkerClient } from './oddsWorkerClient';

const clients: OddsWorkerClient[] = [];
afterEach(async () => {
  for (const client of clients.splice(0)) await client.close();
});

describe('OddsWorkerClient (real worker thread)', () => {
  it('answers with exactly what oddsByWeight computes on the main thread', async () => {
    const client = new OddsWorkerClient();
    clients.push(client);
    const counts = { 1: 300, 2: 40, 5: 10 };
    const [a, b] = await Promise.all([client.compute(counts, 100), client.compute({ 1: 10, 3: 1 }, 4)]);
    expect(a).toEqual(oddsByWeight(counts, 100));
    expect(b).toEqual(oddsByWeight({ 1: 10, 3: 1 }, 4));
  });

  it('rejects with the error oddsByWeight threw, and keeps serving', async () => {
    const client = new OddsWorkerClient();
    clients.push(client);
    await expect(client.compute({ 1: 10 }, 0)).rejects.toThrow(/k must be a positive integer/);
    expect(await client.compute({ 1: 10 }, 2)).toEqual({ 1: 0.2 });
  });

  it('rejects computations still running when closed, and starts again on next use', async () => {
    const client = new OddsWorkerClient();
    clients.push(client);
    const running = client.compute({ 1: 9000, 3: 1000 }, 5000);
    await client.close();
    await expect(running).rejects.toThrow(/closed|exited/);
    expect(await client.compute({ 1: 4 }, 1)).toEqual({ 1: 0.25 });
  });
});
