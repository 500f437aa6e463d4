import { expect, test } from 'vitest';
import { singleFlight } from './singleFlight';

test('a second call while the first runs gets the same promise; later calls run again', async () => {
  let calls = 0;
  let release!: (v: number) => void;
  const draw = singleFlight(() => {
    calls += 1;
    return new Promise<number>((r) => (release = r));
  });
  const a = draw();
  const b = draw();
  expect(draw.busy()).toBe(true);
  expect(b).toBe(a);
  release(7);
  expect(await a).toBe(7);
  expect(calls).toBe(1);
  expect(draw.busy()).toBe(false);
  const c = draw();
  release(8);
  expect(await c).toBe(8);
  expect(calls).toBe(2);
});

test('a failure frees the guard', async () => {
  const act = singleFlight(async () => {
    throw new Error('no');
  });
  await expect(act()).rejects.toThrow('no');
  expect(act.busy()).toBe(false);
});
