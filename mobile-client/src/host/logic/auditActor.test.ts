import { expect, test } from 'vitest';
import { actorParts } from './auditActor';

test('host and system have no id', () => {
  expect(actorParts('host')).toEqual({ kind: 'host', id: null });
  expect(actorParts('system')).toEqual({ kind: 'system', id: null });
});

test('staff and participants keep their id, colons included', () => {
  expect(actorParts('staff:Desk 1')).toEqual({ kind: 'staff', id: 'Desk 1' });
  expect(actorParts('participant:p_abc')).toEqual({ kind: 'participant', id: 'p_abc' });
  expect(actorParts('staff:a:b')).toEqual({ kind: 'staff', id: 'a:b' });
});

test('an unknown actor stays readable', () => {
  expect(actorParts('robot')).toEqual({ kind: 'other', id: 'robot' });
  expect(actorParts('hostile')).toEqual({ kind: 'other', id: 'hostile' });
});
