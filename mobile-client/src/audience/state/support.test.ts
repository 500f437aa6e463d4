import { describe, expect, it } from 'vitest';
import type { SupportMessageDto } from '@drawcast/shared';
import { upsertMessages } from './support';

const msg = (id: string, createdAt: number, answer: string | null = null): SupportMessageDto => ({
  id,
  eventId: 'evt_1',
  participantId: 'p_1',
  nickname: 'Ann',
  body: `question ${id}`,
  createdAt,
  answer,
  answeredAt: answer === null ? null : createdAt + 1,
  readAt: null,
});

describe('upsertMessages', () => {
  it('keeps one copy of each message, the newest version, newest message first', () => {
    const list = upsertMessages([], [msg('a', 1), msg('b', 2)]);
    expect(list.map((m) => m.id)).toEqual(['b', 'a']);
    const answered = upsertMessages(list, [msg('a', 1, 'Yes, you won')]);
    expect(answered.map((m) => [m.id, m.answer])).toEqual([
      ['b', null],
      ['a', 'Yes, you won'],
    ]);
    expect(list.find((m) => m.id === 'a')?.answer).toBeNull(); // the input is not changed
  });

  it('orders messages sent in the same millisecond the same way every time', () => {
    expect(upsertMessages([], [msg('b', 5), msg('a', 5)]).map((m) => m.id)).toEqual(['a', 'b']);
  });
});
