// Store contract: the console's staff credentials, disqualifications and participant search.
import { describe, expect, it } from 'vitest';
import { UNLINKED_DEVICE_PREFIX } from '../../domain/types';
import type { StaffCredential } from '../consoleStore';
import { fixtures, SYS } from './kit';
import type { ConformanceKit } from './kit';

let n = 0;
const credential = (eventId: string, overrides: Partial<StaffCredential> = {}): StaffCredential => {
  n += 1;
  return {
    id: `stc_${String(n).padStart(16, '0')}`,
    eventId,
    label: `Desk ${n}`,
    tokenHash: `hash-${n}-${'x'.repeat(8)}`,
    createdAt: 1_000 + n,
    revokedAt: null,
    ...overrides,
  };
};

/** Registers the console part of the Store contract. */
export function describeConsoleContract(kit: ConformanceKit): void {
  describe('staff credentials', () => {
    it('stores, finds by hash, lists per event, survives a reopen, and revokes once', async () => {
      const { store, reopen } = await kit.setup();
      const { event } = await kit.seeded(store, 1);
      const { event: other } = await kit.seeded(store, 1);
      const a = credential(event.id);
      const b = credential(event.id);
      await store.insertStaffCredential(a, SYS);
      await store.insertStaffCredential(b, SYS);
      await store.insertStaffCredential(credential(other.id), SYS);
      expect(await store.getStaffCredentialByHash(a.tokenHash)).toEqual(a);
      expect(await store.getStaffCredentialByHash('nope')).toBeNull();
      expect((await store.listStaffCredentials(event.id)).map((c) => c.id)).toEqual([a.id, b.id]);

      const revoked = await store.revokeStaffCredential(a.id, { actor: 'host', at: 9_000 });
      expect(revoked?.revokedAt).toBe(9_000);
      const again = await store.revokeStaffCredential(a.id, { actor: 'host', at: 9_500 });
      expect(again?.revokedAt).toBe(9_000);
      expect(await store.revokeStaffCredential('stc_unknown', SYS)).toBeNull();

      const reopened = await reopen();
      expect((await reopened.getStaffCredentialByHash(a.tokenHash))?.revokedAt).toBe(9_000);
      expect((await reopened.getStaffCredentialByHash(b.tokenHash))?.revokedAt).toBeNull();
      const actions = (await reopened.listAudit(event.id, 0, 100)).map((r) => r.action);
      expect(actions.filter((x) => x === 'staff.create')).toHaveLength(2);
      expect(actions.filter((x) => x === 'staff.revoke')).toHaveLength(1);
    });
  });

  describe('disqualified participants', () => {
    it('disqualifies and re-admits once each, only participants of that event', async () => {
      const { store } = await kit.setup();
      const { event, participants } = await kit.seeded(store, 3);
      const { participants: others } = await kit.seeded(store, 1);
      const [p1, p2] = participants;
      expect(await store.setDisqualified(event.id, p2!.id, true, SYS)).toBe(true);
      expect(await store.setDisqualified(event.id, p1!.id, true, SYS)).toBe(true);
      expect(await store.setDisqualified(event.id, p1!.id, true, SYS)).toBe(false);
      expect(await store.setDisqualified(event.id, others[0]!.id, true, SYS)).toBe(false);
      expect(await store.listDisqualified(event.id)).toEqual([p2!.id, p1!.id]);
      expect(await store.setDisqualified(event.id, p2!.id, false, SYS)).toBe(true);
      expect(await store.setDisqualified(event.id, p2!.id, false, SYS)).toBe(false);
      expect(await store.listDisqualified(event.id)).toEqual([p1!.id]);
    });
  });

  describe('participant search', () => {
    it('matches nickname substrings case-insensitively or an exact id, paged in join order', async () => {
      const { store } = await kit.setup();
      const { event, participants } = await kit.seeded(store, 5);
      const all = await store.searchParticipants(event.id, '', { offset: 0, limit: 100 });
      expect(all.total).toBe(5);
      expect(all.participants.map((p) => p.id)).toEqual(
        (await store.listParticipants(event.id, { offset: 0, limit: 100 })).map((p) => p.id),
      );
      const page = await store.searchParticipants(event.id, '', { offset: 1, limit: 2 });
      expect(page.total).toBe(5);
      expect(page.participants).toHaveLength(2);

      const target = participants[2]!;
      const byId = await store.searchParticipants(event.id, target.id, { offset: 0, limit: 10 });
      expect(byId.participants.map((p) => p.id)).toContain(target.id);
      const byName = await store.searchParticipants(event.id, target.nickname.toUpperCase(), {
        offset: 0,
        limit: 10,
      });
      expect(byName.participants.map((p) => p.id)).toEqual([target.id]);
      expect((await store.searchParticipants(event.id, '%', { offset: 0, limit: 10 })).total).toBe(0);
    });
  });

  describe('join histogram', () => {
    it('counts joins per bucket, oldest first', async () => {
      const { store } = await kit.setup();
      const { event } = await kit.seeded(store, 0);
      for (const joinedAt of [61_000, 65_000, 119_999, 120_000, 300_500]) {
        await store.insertParticipantIfAbsent(fixtures.participant(event.id, { joinedAt }), SYS);
      }
      expect(await store.joinHistogram(event.id, 60_000)).toEqual([
        { at: 60_000, joins: 3 },
        { at: 120_000, joins: 1 },
        { at: 300_000, joins: 1 },
      ]);
      expect(await store.joinHistogram('evt_none', 60_000)).toEqual([]);
    });

    it('counts phone joins apart from imported people not linked to a phone', async () => {
      const { store } = await kit.setup();
      const { event } = await kit.seeded(store, 0);
      for (let i = 0; i < 3; i++) await store.insertParticipantIfAbsent(fixtures.participant(event.id), SYS);
      for (let i = 0; i < 4; i++) {
        const imported = fixtures.participant(event.id, { source: 'import' });
        imported.deviceTokenHash = `${UNLINKED_DEVICE_PREFIX}${imported.id}`;
        await store.insertParticipantIfAbsent(imported, SYS);
      }
      expect(await store.countParticipants(event.id)).toBe(7);
      expect(await store.countPhoneJoins(event.id)).toBe(3);
      expect(await store.countPhoneJoins('evt_none')).toBe(0);
    });
  });

  describe('support messages', () => {
    it('stores, answers, marks read and lists per event and participant', async () => {
      const { store, reopen } = await kit.setup();
      const { event, participants } = await kit.seeded(store, 2);
      const [a, b] = participants;
      const msg = (id: string, participantId: string, createdAt: number) => ({
        id,
        eventId: event.id,
        participantId,
        body: `hello ${id}`,
        createdAt,
        answer: null,
        answeredAt: null,
        readAt: null,
      });
      await store.insertSupportMessage(msg('msg_1', a!.id, 10), SYS);
      await store.insertSupportMessage(msg('msg_2', b!.id, 20), SYS);
      await store.insertSupportMessage(msg('msg_3', a!.id, 30), SYS);
      expect((await store.listSupportMessages(event.id)).map((m) => m.id)).toEqual([
        'msg_1',
        'msg_2',
        'msg_3',
      ]);
      expect((await store.listSupportMessages(event.id, a!.id)).map((m) => m.id)).toEqual(['msg_1', 'msg_3']);
      expect(await store.markSupportRead(event.id, ['msg_2', 'msg_x'], 40)).toBe(1);
      expect(await store.markSupportRead(event.id, ['msg_2'], 50)).toBe(0);
      const answered = await store.answerSupportMessage('msg_1', 'yes', { actor: 'host', at: 60 });
      expect(answered).toMatchObject({ answer: 'yes', answeredAt: 60, readAt: 60 });
      expect(await store.answerSupportMessage('msg_none', 'x', SYS)).toBeNull();
      const reopened = await reopen();
      expect(await reopened.getSupportMessage('msg_2')).toMatchObject({ readAt: 40, answer: null });
      expect(await reopened.getSupportMessage('msg_1')).toMatchObject({ answer: 'yes' });
    });
  });
}
