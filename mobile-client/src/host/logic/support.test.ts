import type { SupportMessageDto } from '@drawcast/shared';
import { expect, test } from 'vitest';
import { threadsOf, unreadCount } from './support';

const msg = (
  id: string,
  participantId: string,
  createdAt: number,
  extra: Partial<SupportMessageDto> = {},
) => ({
  id,
  eventId: 'e',
  participantId,
  nickname: participantId.toUpperCase(),
  body: id,
  createdAt,
  answer: null,
  answeredAt: null,
  readAt: null,
  ...extra,
});

test('groups messages per phone, newest activity first, counting unread and unanswered', () => {
  const all = [
    msg('m1', 'a', 10, { readAt: 11, answer: 'ok', answeredAt: 50 }),
    msg('m2', 'b', 20),
    msg('m3', 'a', 5, { readAt: 6 }),
  ];
  const threads = threadsOf(all);
  expect(threads.map((t) => t.participantId)).toEqual(['a', 'b']);
  expect(threads[0]!.messages.map((m) => m.id)).toEqual(['m3', 'm1']);
  expect(threads[0]).toMatchObject({ unread: 0, unanswered: 1, lastAt: 50 });
  expect(threads[1]).toMatchObject({ unread: 1, unanswered: 1 });
  expect(unreadCount(all)).toBe(1);
});
