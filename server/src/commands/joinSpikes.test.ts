import type { JoinSpikeDto } from '@drawcast/shared';
import { describe, expect, it } from 'vitest';
import { JoinSpikes } from './joinSpikes';

/** A watch on a hand-driven clock; pushes and disqualifications are recorded. */
function watch() {
  let now = 1_800_000_000_000;
  const pushes: JoinSpikeDto[] = [];
  const disqualified: string[] = [];
  const spikes = new JoinSpikes({
    clock: { now: () => now },
    keyOf: (ip) =>
      ip
        .replace(/[^0-9]/g, '')
        .padStart(16, '0')
        .slice(-16),
    push: (s) => pushes.push(s),
    disqualify: async (_eventId, participantId) => {
      const changed = !disqualified.includes(participantId);
      if (changed) disqualified.push(participantId);
      return { changed };
    },
    eventIdOf: async (id) => {
      if (id !== 'evt_1') throw Object.assign(new Error('no such event'), { code: 'EVENT_NOT_FOUND' });
      return id;
    },
  });
  return { spikes, pushes, disqualified, advance: (ms: number) => (now += ms), now: () => now };
}

describe('JoinSpikes', () => {
  it('pushes when a spike starts and when it ends, with the flooding address masked on top', async () => {
    const w = watch();
    for (let i = 0; i < 10; i += 1) w.spikes.record('evt_1', `198.51.100.${i}`, `p_ok${i}`);
    expect(w.pushes).toEqual([]);
    for (let i = 0; i < 100; i += 1) {
      w.advance(100);
      w.spikes.record('evt_1', '203.0.113.9', i % 2 === 0 ? `p_bot${i}` : null);
    }
    expect(w.pushes).toHaveLength(1);
    expect(w.pushes[0]).toMatchObject({ active: true });
    expect(w.pushes[0]!.topSources[0]).toMatchObject({ ipMasked: '203.0.113.*' });
    expect(JSON.stringify(w.pushes)).not.toContain('203.0.113.9');
    const reading = await w.spikes.status('evt_1');
    expect(reading.topSources[0]).toMatchObject({ joins: 100, entriesSince: 50 });

    // Quiet for two minutes: the next attempt ends it and says so.
    w.advance(120_000);
    w.spikes.record('evt_1', '198.51.100.1', null);
    expect(w.pushes.at(-1)).toMatchObject({ active: false });
    w.spikes.close();
  });

  it('disqualifies the entries of one key since a time, once, and refuses an unknown key', async () => {
    const w = watch();
    w.spikes.record('evt_1', '203.0.113.9', 'p_early');
    w.advance(1000);
    const since = w.now();
    w.spikes.record('evt_1', '203.0.113.9', 'p_a');
    w.spikes.record('evt_1', '203.0.113.9', 'p_b');
    const key = (await w.spikes.status('evt_1')).topSources[0]!.ipKey;
    expect(await w.spikes.disqualifyFrom('evt_1', key, since)).toEqual({
      participantIds: ['p_a', 'p_b'],
      disqualified: 2,
    });
    expect(w.disqualified).toEqual(['p_a', 'p_b']);
    expect((await w.spikes.status('evt_1')).topSources[0]).toMatchObject({ entriesSince: 1 }); // p_early only
    expect((await w.spikes.disqualifyFrom('evt_1', key, since)).disqualified).toBe(0);
    await expect(w.spikes.disqualifyFrom('evt_1', 'f'.repeat(16), 0)).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    await expect(w.spikes.status('evt_nope')).rejects.toMatchObject({ code: 'EVENT_NOT_FOUND' });
  });
});
