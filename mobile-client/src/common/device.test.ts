import { expect, it } from 'vitest';
import { deviceTokenSchema } from '../../../shared/src/protocol/schemas';
import { deviceToken, forgetDevice, joinedEventId, rememberJoined } from './device';
import type { KeyValue } from './device';

const memory = (): KeyValue & { map: Map<string, string> } => {
  const map = new Map<string, string>();
  return { map, getItem: (k) => map.get(k) ?? null, setItem: (k, v) => void map.set(k, v) };
};
let n = 0;
const random = (b: Uint8Array) => b.map(() => (n = (n * 31 + 7) % 256));

it('creates the token once and keeps it; it passes the server schema', () => {
  const store = memory();
  const a = deviceToken(store, random);
  expect(deviceToken(store, random)).toBe(a);
  expect(deviceTokenSchema.safeParse(a).success).toBe(true);
  expect(a).toHaveLength(32);
});

it('replaces a damaged stored token and works without storage', () => {
  const store = memory();
  store.setItem('drawcast.deviceToken', 'bad token');
  expect(deviceToken(store, random)).not.toBe('bad token');
  expect(deviceToken(null, random)).toHaveLength(32);
});

it('remembers joined events by code', () => {
  const store = memory();
  expect(joinedEventId(store, 'ABC')).toBeNull();
  rememberJoined(store, 'ABC', 'evt_1');
  expect(joinedEventId(store, 'ABC')).toBe('evt_1');
});

it('forgets the token and the joined events after "delete my data"; the next token is new', () => {
  const store = memory();
  const removable = { ...store, removeItem: (k: string) => void store.map.delete(k) };
  const before = deviceToken(removable, random);
  rememberJoined(removable, 'ABC', 'evt_1');
  rememberJoined(removable, 'XYZ', 'evt_2');
  forgetDevice(removable, ['ABC']);
  expect(store.map.has('drawcast.deviceToken')).toBe(false);
  expect(joinedEventId(removable, 'ABC')).toBeNull();
  expect(joinedEventId(removable, 'XYZ')).toBe('evt_2');
  expect(deviceToken(removable, random)).not.toBe(before);
  expect(() => forgetDevice(null, ['ABC'])).not.toThrow();
});
