// Transport-free operations the host console added: staff credentials, the event blocklist,
// participant search and the prize desk's code lookup.
import { DrawcastError, ErrorCode } from '@drawcast/shared';
import type { ConsoleParticipantRowDto, StaffCredentialDto, SupportMessageDto } from '@drawcast/shared';
import type { Actor } from '../domain/audit/actor';
import { parseClaimCode } from '../domain/claims/claimCode';
import { checkSingleLine } from '../domain/textRules';
import type { StaffCredential, SupportMessage } from '../store/consoleStore';
import { keyedHash } from './hashing';
import type { ClaimStaffView, Clock, DrawcastService, Random } from './types';
import type { Store } from '../store/store';

/** Staff credentials start with this, so the console and the auth layer tell them from the host token. */
export const STAFF_TOKEN_PREFIX = 'stf_';

/** What the console service needs. */
export interface ConsoleServiceDeps {
  store: Store;
  clock: Clock;
  random: Random;
  secret: string;
  service: DrawcastService;
}

/** Support messages a phone may send per window, and the window. */
export const SUPPORT_LIMIT = { messages: 5, windowMs: 10 * 60_000 };

/** A staff credential as the console lists it (never the token or its hash). */
export function toStaffDto(c: StaffCredential): StaffCredentialDto {
  return { id: c.id, eventId: c.eventId, label: c.label, createdAt: c.createdAt, revokedAt: c.revokedAt };
}

/** Why: the console's additions stay in one module beside the main service (no change to its interface). */
export function createConsoleService(deps: ConsoleServiceDeps) {
  const { store, clock, random, secret, service } = deps;
  const meta = (actor: Actor = 'host') => ({ actor, at: clock.now() });
  const hash = (token: string) => keyedHash(secret, 'staff', token);
  const b64 = (n: number) => Buffer.from(random.bytes(n)).toString('base64url');

  const sent = new Map<string, number[]>();
  const nicknames = async (eventId: string, ids: readonly string[]) =>
    new Map(
      (await store.getParticipantsByIds(eventId, [...new Set(ids)])).map((p) => [p.id, p.nickname] as const),
    );
  const toSupportDto = (m: SupportMessage, nickname: string): SupportMessageDto => ({ ...m, nickname });
  const phoneOf = async (eventId: string, deviceToken: string) => {
    const participant = await service.getParticipantByDevice(eventId, deviceToken);
    if (!participant) {
      throw new DrawcastError(
        ErrorCode.PARTICIPANT_NOT_FOUND,
        'deviceToken: this phone has not joined the event',
        'deviceToken',
      );
    }
    return participant;
  };

  return {
    /** A phone's message to the host: 5 per 10 minutes per entry; stored, then pushed to host consoles. */
    async sendSupport(input: {
      eventId: string;
      deviceToken: string;
      body: string;
    }): Promise<SupportMessageDto> {
      const participant = await phoneOf(input.eventId, input.deviceToken);
      const now = clock.now();
      const recent = (sent.get(participant.id) ?? []).filter((t) => t > now - SUPPORT_LIMIT.windowMs);
      if (recent.length >= SUPPORT_LIMIT.messages) {
        throw new DrawcastError(
          ErrorCode.RATE_LIMITED,
          'body: too many messages, wait a few minutes',
          'body',
        );
      }
      sent.set(participant.id, [...recent, now]);
      const message: SupportMessage = {
        id: `msg_${b64(12)}`,
        eventId: participant.eventId,
        participantId: participant.id,
        body: input.body,
        createdAt: now,
        answer: null,
        answeredAt: null,
        readAt: null,
      };
      await store.insertSupportMessage(message, meta(`participant:${participant.id}`));
      const dto = toSupportDto(message, participant.nickname);
      return dto;
    },

    /** A phone's own messages with answers (after a reconnect). */
    async listOwnSupport(input: { eventId: string; deviceToken: string }): Promise<SupportMessageDto[]> {
      const participant = await phoneOf(input.eventId, input.deviceToken);
      return (await store.listSupportMessages(participant.eventId, participant.id)).map((m) =>
        toSupportDto(m, participant.nickname),
      );
    },

    /** The host's inbox for an event, oldest first. */
    async listSupport(eventId: string): Promise<SupportMessageDto[]> {
      const event = await service.getEvent(eventId);
      const messages = await store.listSupportMessages(event.id);
      const names = await nicknames(
        event.id,
        messages.map((m) => m.participantId),
      );
      return messages.map((m) => toSupportDto(m, names.get(m.participantId) ?? ''));
    },

    /** The host answers; the phone gets it live (support:answered) and in support:list. */
    async answerSupport(messageId: string, answer: string): Promise<SupportMessageDto> {
      const updated = await store.answerSupportMessage(messageId, answer, meta());
      if (!updated) throw new DrawcastError(ErrorCode.NOT_FOUND, 'messageId: no such message', 'messageId');
      const names = await nicknames(updated.eventId, [updated.participantId]);
      const dto = toSupportDto(updated, names.get(updated.participantId) ?? '');
      return dto;
    },

    /** Marks messages the console has shown as read (for the unread count). */
    async markSupportRead(eventId: string, messageIds: string[]): Promise<{ changed: number }> {
      const event = await service.getEvent(eventId);
      return { changed: await store.markSupportRead(event.id, messageIds, clock.now()) };
    },

    /** Mints a credential for one event; the token is returned once and only its hash is stored. */
    async createStaffCredential(
      eventId: string,
      label: string,
    ): Promise<StaffCredentialDto & { token: string }> {
      const event = await service.getEvent(eventId);
      const clean = checkSingleLine(label, {
        field: 'label',
        code: ErrorCode.VALIDATION_FAILED,
        min: 1,
        max: 40,
        label: 'label',
      });
      const token = `${STAFF_TOKEN_PREFIX}${b64(24)}`;
      const credential: StaffCredential = {
        id: `stc_${b64(12)}`,
        eventId: event.id,
        label: clean,
        tokenHash: hash(token),
        createdAt: clock.now(),
        revokedAt: null,
      };
      await store.insertStaffCredential(credential, meta());
      return { ...toStaffDto(credential), token };
    },

    async listStaffCredentials(eventId: string): Promise<StaffCredentialDto[]> {
      const event = await service.getEvent(eventId);
      return (await store.listStaffCredentials(event.id)).map(toStaffDto);
    },

    /** Revokes at once: the next request or socket with it is refused. */
    async revokeStaffCredential(eventId: string, credentialId: string): Promise<StaffCredentialDto> {
      const listed = await store.listStaffCredentials(eventId);
      if (!listed.some((c) => c.id === credentialId)) {
        throw new DrawcastError(
          ErrorCode.NOT_FOUND,
          'credentialId: no such staff credential in this event',
          'credentialId',
        );
      }
      return toStaffDto((await store.revokeStaffCredential(credentialId, meta()))!);
    },

    /** The live (not revoked) credential for a presented token, or null. */
    async authenticateStaff(token: string): Promise<StaffCredential | null> {
      if (!token.startsWith(STAFF_TOKEN_PREFIX) || token.length > 200) return null;
      const found = await store.getStaffCredentialByHash(hash(token));
      return found && found.revokedAt === null ? found : null;
    },

    /** Disqualify (true) or re-admit (false): new rounds and redraws leave disqualified people out. */
    async setDisqualified(
      eventId: string,
      participantId: string,
      disqualified: boolean,
    ): Promise<{ changed: boolean }> {
      const event = await service.getEvent(eventId);
      const changed = await store.setDisqualified(event.id, participantId, disqualified, meta());
      if (!changed && disqualified !== (await store.listDisqualified(event.id)).includes(participantId)) {
        throw new DrawcastError(
          ErrorCode.PARTICIPANT_NOT_FOUND,
          'participantId: not a participant of this event',
          'participantId',
        );
      }
      return { changed };
    },

    async listDisqualified(eventId: string): Promise<string[]> {
      return store.listDisqualified((await service.getEvent(eventId)).id);
    },

    /** Search by nickname or entry id, paged, with check-in and disqualification shown. */
    async searchParticipants(eventId: string, query: string, page: { offset: number; limit: number }) {
      const event = await service.getEvent(eventId);
      const [found, disqualified] = await Promise.all([
        store.searchParticipants(event.id, query, page),
        store.listDisqualified(event.id),
      ]);
      const out = new Set(disqualified);
      const participants: ConsoleParticipantRowDto[] = found.participants.map((p) => ({
        id: p.id,
        nickname: p.nickname,
        phoneMasked: p.phoneMasked,
        tickets: p.weight,
        baseTickets: p.baseWeight,
        joinedAt: p.joinedAt,
        checkedInAt: p.checkedInAt,
        disqualified: out.has(p.id),
      }));
      return { total: found.total, offset: page.offset, limit: page.limit, participants };
    },

    /** Counts for the live dashboard: joins per bucket, rounds, and claims by state. */
    async dashboard(eventId: string, bucketMs: number) {
      const event = await service.getEvent(eventId);
      const [joins, participants, phoneJoins, rounds, claims] = await Promise.all([
        store.joinHistogram(event.id, bucketMs),
        store.countParticipants(event.id),
        store.countPhoneJoins(event.id),
        store.listRounds(event.id),
        store.listClaims(event.id),
      ]);
      const count = (status: string) => claims.filter((c) => c.status === status).length;
      return {
        eventId: event.id,
        bucketMs,
        joins,
        participants,
        // Joins from a phone only (imported people count once they link one): conversion = phoneJoins / views.
        phoneJoins,
        roundsDrawn: rounds.filter((r) => r.status === 'drawn').length,
        roundsCommitted: rounds.filter((r) => r.status === 'committed').length,
        awarded: count('pending') + count('redeemed'),
        redeemed: count('redeemed'),
        pending: count('pending'),
        forfeited: count('forfeited'),
        serverNow: clock.now(),
      };
    },

    /** The desk's lookup of a typed or scanned code; staff only see their own event's claims. */
    async findClaimByCode(code: string, onlyEventId?: string): Promise<ClaimStaffView> {
      const record = await store.getClaimByCode(parseClaimCode(code));
      if (!record || (onlyEventId !== undefined && record.eventId !== onlyEventId)) {
        throw new DrawcastError(ErrorCode.CLAIM_NOT_FOUND, 'code: no win has this code', 'code');
      }
      return service.getClaim(record.id);
    },
  };
}

/** The console service's type, for the transports. */
export type ConsoleService = ReturnType<typeof createConsoleService>;
