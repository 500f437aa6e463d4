import { describe, expect, it } from 'vitest';
import { KeyedMutex } from './keyedMutex';

function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve = () => {};
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

describe('KeyedMutex', () => {
  it('runs tasks of one key one at a time and in order, passing errors through', async () => {
    const mutex = new KeyedMutex();
    const log: string[] = [];
    const gate = deferred();
    const a = mutex.run('e1', async () => {
      log.push('a start');
      await gate.promise;
      log.push('a end');
      return 'a';
    });
    const b = mutex.run('e1', async () => {
      log.push('b');
      throw new Error('boom');
    });
    const c = mutex.run('e1', async () => {
      log.push('c');
      return 'c';
    });
    const other = mutex.run('e2', async () => {
      log.push('other');
      return 'other';
    });
    await other;
    expect(log).toEqual(['a start', 'other']);
    gate.resolve();
    await expect(a).resolves.toBe('a');
    await expect(b).rejects.toThrow('boom');
    await expect(c).resolves.toBe('c');
    expect(log).toEqual(['a start', 'other', 'a end', 'b', 'c']);
    await Promise.resolve();
    await new Promise((r) => setImmediate(r));
    expect(mutex.activeKeys).toBe(0);
  });
});
