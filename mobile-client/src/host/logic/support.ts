// The support inbox as threads: one per phone, newest activity first, with unread counts.
import type { SupportMessageDto } from '@drawcast/shared';

/** One phone's messages. */
export interface SupportThread {
  participantId: string;
  nickname: string;
  messages: SupportMessageDto[];
  unread: number;
  unanswered: number;
  lastAt: number;
}

/** Why: the host answers people, not single messages; the busiest (newest) thread comes first. */
export function threadsOf(messages: readonly SupportMessageDto[]): SupportThread[] {
  const byPhone = new Map<string, SupportThread>();
  for (const m of [...messages].sort((a, b) => a.createdAt - b.createdAt)) {
    const t = byPhone.get(m.participantId) ?? {
      participantId: m.participantId,
      nickname: m.nickname,
      messages: [],
      unread: 0,
      unanswered: 0,
      lastAt: 0,
    };
    t.messages.push(m);
    if (m.readAt === null) t.unread += 1;
    if (m.answer === null) t.unanswered += 1;
    t.lastAt = Math.max(t.lastAt, m.createdAt, m.answeredAt ?? 0);
    byPhone.set(m.participantId, t);
  }
  return [...byPhone.values()].sort((a, b) => b.lastAt - a.lastAt);
}

/** Unread messages of the event: the number on the Support tab. */
export function unreadCount(messages: readonly SupportMessageDto[]): number {
  return messages.filter((m) => m.readAt === null).length;
}
