// The phone's support thread: its messages to the host and the answers, live (support:answered) and on reconnect.
import { ref } from 'vue';
import type { SupportMessageDto } from '@drawcast/shared';
import { send } from '../../common/socket';
import type { AppSocket } from '../../common/socket';
import type { UiError } from './session';

/** Longest message a phone may send (the server's support:send limit). */
export const SUPPORT_MAX_LENGTH = 500;

/** Why: a live answer, a resend and a reload may all carry the same message; keep one, newest first. */
export function upsertMessages(
  list: readonly SupportMessageDto[],
  incoming: readonly SupportMessageDto[],
): SupportMessageDto[] {
  const byId = new Map(list.map((m) => [m.id, m]));
  for (const m of incoming) byId.set(m.id, m);
  return [...byId.values()].sort((a, b) => b.createdAt - a.createdAt || (a.id < b.id ? -1 : 1));
}

/** Why: the host's answer must reach the phone live and after a reconnect, without a page reload. */
export function useSupport(
  socket: AppSocket,
  deviceToken: string,
  eventId: () => string | null,
  errorOf: (ack: { ok: false; code: string }) => UiError,
) {
  const messages = ref<SupportMessageDto[]>([]);

  socket.on('support:answered', (m) => {
    if (m.eventId === eventId()) messages.value = upsertMessages(messages.value, [m]);
  });

  /** support:list: this phone's messages and their answers (after joining and on each reconnect). */
  async function reload(): Promise<void> {
    const id = eventId();
    if (!id) return;
    const ack = await send<'support:list', SupportMessageDto[]>(socket, 'support:list', {
      eventId: id,
      deviceToken,
    });
    if (ack.ok) messages.value = upsertMessages([], ack.data);
  }

  /** support:send: one short message to the host; a typed error (rate limit, length) comes back as UiError. */
  async function sendMessage(body: string): Promise<UiError | null> {
    const id = eventId();
    if (!id) return { key: 'generic', params: { code: 'NO_ENTRY' } };
    const ack = await send<'support:send', SupportMessageDto>(socket, 'support:send', {
      eventId: id,
      deviceToken,
      body,
    });
    if (!ack.ok) return errorOf(ack);
    messages.value = upsertMessages(messages.value, [ack.data]);
    return null;
  }

  return { messages, reload, send: sendMessage };
}

/** The support thread the views receive. */
export type Support = ReturnType<typeof useSupport>;
