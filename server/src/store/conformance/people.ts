// Store contract: imported people (one transaction, duplicates skipped), check-in and device linking.
import { describe, expect, it } from 'vitest';
import { UNLINKED_DEVICE_PREFIX, type ImportedPerson } from '../../domain/types';
import type { ImportedPersonInput, Store } from '../store';
import { fixtures, SYS } from './kit';
import type { ConformanceKit } from './kit';

let tokens = 0;

/** An imported row as the service builds it: unlinked device, hashed identifiers. */
function imported(eventId: string, row: number, hashes: ImportedPerson['hashes'] = {}): ImportedPersonInput {
  const participant = fixtures.participant(eventId, { source: 'import', joinedAt: 100 });
  participant.deviceTokenHash = `${UNLINKED_DEVICE_PREFIX}${participant.id}`;
  tokens += 1;
  return {
    participant,
    person: {
      participantId: participant.id,
      eventId,
      importId: 'imp_0000000000000001',
      row,
      name: `员工 ${row}`,
      checkinToken: `TOKEN${String(tokens).padStart(11, '0')}`,
      checkedInBy: null,
      masked: { employeeId: `E0****${row}` },
      hashes,
    },
  };
}

const batch = (eventId: string, total: number) => ({
  id: 'imp_0000000000000001',
  eventId,
  filename: '名单.xlsx',
  format: 'xlsx' as const,
  total,
  rejected: 0,
});

/** Registers the imported-people part of the Store contract. */
export function describePeopleContract(kit: ConformanceKit): void {
  const { setup, seeded } = kit;

  async function withPeople(store: Store, n: number) {
    const base = await seeded(store, 2);
    const people = Array.from({ length: n }, (_, i) =>
      imported(base.event.id, i + 2, { employeeId: `h-${i}` }),
    );
    expect(await store.insertImportedPeople(batch(base.event.id, n), people, SYS)).toEqual({
      inserted: n,
      duplicates: [],
    });
    return { ...base, people };
  }

  describe('imported people and check-in', () => {
    it('imports everyone as entries in one go and finds them by token, id and page', async () => {
      const { store } = await setup();
      const { event, people } = await withPeople(store, 30);
      expect(await store.countParticipants(event.id)).toBe(32);
      expect(await store.weightCounts(event.id, { excludeWinners: false })).toEqual({ 1: 31, 2: 1 });
      const found = await store.getPersonByCheckinToken(people[4]!.person.checkinToken);
      expect(found).toEqual({ person: people[4]!.person, participant: people[4]!.participant });
      expect(await store.getPerson(people[5]!.participant.id)).toEqual(people[5]!.person);
      expect(await store.getPerson(fixtures.participant(event.id).id)).toBeNull();
      expect((await store.listPeople(event.id, { offset: 10, limit: 3 })).map((p) => p.row)).toEqual([
        12, 13, 14,
      ]);
      expect(await store.getPersonByCheckinToken('NOSUCHTOKEN00000')).toBeNull();
    });

    it('skips rows whose identifier was imported into the event before, and only those', async () => {
      const { store } = await setup();
      const { event } = await withPeople(store, 3);
      const again = [imported(event.id, 2, { employeeId: 'h-1' }), imported(event.id, 3, { phone: 'new' })];
      expect(await store.insertImportedPeople(batch(event.id, 2), again, SYS)).toEqual({
        inserted: 1,
        duplicates: [{ row: 2, field: 'employeeId' }],
      });
      expect(await store.countParticipants(event.id)).toBe(6);
      const other = await seeded(store, 0);
      const elsewhere = [imported(other.event.id, 2, { employeeId: 'h-1' })];
      expect((await store.insertImportedPeople(batch(other.event.id, 1), elsewhere, SYS)).inserted).toBe(1);
    });

    it('checks in once (the first time kept) and counts checked-in entries separately', async () => {
      const { store } = await setup();
      const { event, prize, people } = await withPeople(store, 4);
      const [a, b] = people as [ImportedPersonInput, ImportedPersonInput];
      const first = await store.checkIn(a.participant.id, null, { actor: 'staff:door', at: 500 });
      expect(first).toMatchObject({
        status: 'checked_in',
        deviceLinked: false,
        participant: { checkedInAt: 500 },
      });
      const again = await store.checkIn(a.participant.id, null, { actor: 'staff:door', at: 900 });
      expect(again).toMatchObject({ status: 'already_checked_in', participant: { checkedInAt: 500 } });
      expect((await store.getPerson(a.participant.id))?.checkedInBy).toBe('staff:door');
      await store.checkIn(b.participant.id, null, SYS);
      expect(await store.weightCounts(event.id, { excludeWinners: false, checkedInOnly: true })).toEqual({
        1: 2,
      });
      const ids = (await store.listEntries(event.id, { excludeWinners: false, checkedInOnly: true })).map(
        (e) => e.id,
      );
      expect(ids).toEqual([a.participant.id, b.participant.id].sort());
      const round = fixtures.round(event.id, prize.id);
      await store.insertRound(round, SYS);
      await store.commitDrawResult(round.id, fixtures.outcome([a.participant.id]), SYS);
      expect(await store.weightCounts(event.id, { excludeWinners: true, checkedInOnly: true })).toEqual({
        1: 1,
      });
      expect(await store.listEntries(event.id, { excludeWinners: true, checkedInOnly: true })).toEqual([
        { id: b.participant.id, weight: 1 },
      ]);
      expect(await store.checkIn(fixtures.participant(event.id).id, null, SYS)).toEqual({
        status: 'not_found',
      });
    });

    it('links a phone to an unlinked entry once, refusing a phone already in the event or a second phone', async () => {
      const { store } = await setup();
      const { event, participants, people } = await withPeople(store, 3);
      const [a, b] = people as [ImportedPersonInput, ImportedPersonInput];
      const link = { deviceTokenHash: 'phone-of-a', shareCode: 'SHAREA01' };
      const linked = await store.checkIn(a.participant.id, link, SYS);
      expect(linked).toMatchObject({
        status: 'checked_in',
        deviceLinked: true,
        participant: { shareCode: 'SHAREA01' },
      });
      expect((await store.getParticipantByDevice(event.id, 'phone-of-a'))?.id).toBe(a.participant.id);
      expect(await store.checkIn(a.participant.id, link, SYS)).toMatchObject({
        status: 'already_checked_in',
        deviceLinked: false,
      });
      expect(await store.checkIn(a.participant.id, { ...link, deviceTokenHash: 'another' }, SYS)).toEqual({
        status: 'linked_to_other_device',
      });
      const walkIn = participants[0]!;
      expect(
        await store.checkIn(
          b.participant.id,
          { deviceTokenHash: walkIn.deviceTokenHash, shareCode: 'SHAREB01' },
          SYS,
        ),
      ).toMatchObject({ status: 'device_in_use', participant: { id: walkIn.id } });
      expect(
        await store.checkIn(b.participant.id, { deviceTokenHash: 'phone-of-b', shareCode: 'SHAREA01' }, SYS),
      ).toEqual({
        status: 'share_code_taken',
      });
      expect((await store.getParticipant(b.participant.id))?.checkedInAt).toBeNull();
    });
  });
}
