// Store contract: erasing one person and purging a closed event remove every personal field, keep the
// opaque ids in frozen lists, rounds and claims, move the counters, and leave the audit chain verifiable.
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { verifyChain } from '../../domain/audit/auditChain';
import { claimsForDrawnRound } from '../../domain/claims/claim';
import { UNLINKED_DEVICE_PREFIX } from '../../domain/types';
import type { Store } from '../store';
import { fixtures, SYS } from './kit';
import type { ConformanceKit } from './kit';

const contact = {
  sealed: 'v1.sealed-contact',
  masked: { recipient: '张*', phone: '139****4321', address: '上海市**' },
  submittedAt: 7,
};

/** Everything the store answers about an event, as one string to search for personal data. */
async function everything(store: Store, eventId: string, ids: readonly string[]): Promise<string> {
  const rounds = await store.listRounds(eventId);
  return JSON.stringify({
    participants: await store.listParticipants(eventId, { offset: 0, limit: 1000 }),
    byId: await Promise.all(ids.map((id) => store.getParticipant(id))),
    people: await store.listPeople(eventId, { offset: 0, limit: 1000 }),
    claims: await store.listClaims(eventId),
    messages: await store.listSupportMessages(eventId),
    audit: await store.listAudit(eventId, 0, 10_000),
    rounds,
    entries: await Promise.all(rounds.map((r) => store.getRoundEntries(r.id))),
  });
}

/** Registers the privacy part of the Store contract; `supportMessages` where the store has the console part. */
export function describePrivacyContract(kit: ConformanceKit, options: { supportMessages: boolean }): void {
  const { setup, seeded } = kit;

  /** Three joined people (Ann has a phone and wins with a contact), one imported person, a drawn round. */
  async function scene(store: Store) {
    const base = await seeded(store, 0, 3);
    const eventId = base.event.id;
    const ann = fixtures.participant(eventId, {
      nickname: 'Ann Secret',
      phoneHash: 'phonehash-ann',
      phoneMasked: '138****5678',
      deviceTokenHash: 'devhash-ann',
      shareCode: 'SHAREANN',
      weight: 2,
    });
    const bob = fixtures.participant(eventId, { nickname: 'Bob Secret', deviceTokenHash: 'devhash-bob' });
    const cy = fixtures.participant(eventId, { nickname: 'Cy Visible', deviceTokenHash: 'devhash-cy' });
    for (const p of [ann, bob, cy]) await store.insertParticipantIfAbsent(p, SYS);
    const imported = fixtures.participant(eventId, {
      source: 'import',
      nickname: 'Dee Secret',
      joinedAt: 100,
    });
    imported.deviceTokenHash = `${UNLINKED_DEVICE_PREFIX}${imported.id}`;
    const batch = {
      id: 'imp_0000000000000009',
      eventId,
      filename: 'list.csv',
      format: 'csv' as const,
      total: 1,
      rejected: 0,
    };
    await store.insertImportedPeople(
      batch,
      [
        {
          participant: imported,
          person: {
            participantId: imported.id,
            eventId,
            importId: batch.id,
            row: 2,
            name: 'Dee Secret',
            checkinToken: 'DEECHECKINTOKEN1',
            checkedInBy: null,
            masked: { phone: '137****0000' },
            hashes: { phone: 'phonehash-dee' },
          },
        },
      ],
      SYS,
    );
    const round = fixtures.round(eventId, base.prize.id, { k: 2 });
    await store.insertRound(round, SYS);
    const winners = [ann.id, bob.id];
    const entries = [ann, bob, cy, imported].map((p) => ({ id: p.id, weight: p.weight }));
    const claims = claimsForDrawnRound({ ...round, winners }, randomBytes, 5_000);
    const drawn = await store.commitDrawResult(
      round.id,
      { ...fixtures.outcome(winners, entries), claims },
      SYS,
    );
    expect(drawn.outcome).toBe('drawn');
    expect((await store.setClaimContact(claims[0]!.id, contact, SYS)).ok).toBe(true);
    expect((await store.redeemClaim(claims[1]!.id, { actor: 'staff:desk', at: 6_000 })).ok).toBe(true);
    if (options.supportMessages) {
      const message = (id: string, participantId: string, body: string) => ({
        id,
        eventId,
        participantId,
        body,
        createdAt: 10,
        answer: null,
        answeredAt: null,
        readAt: null,
      });
      await store.insertSupportMessage(message('msg_ann', ann.id, 'Ann Secret message'), SYS);
      await store.insertSupportMessage(message('msg_cy', cy.id, 'Cy question'), SYS);
    }
    return { ...base, ann, bob, cy, imported, round, claims, entries };
  }

  describe('privacy deletion and retention', () => {
    it('erases one person: no personal field left, pending win forfeited, proof data and chain intact', async () => {
      const { store, reopen } = await setup();
      const s = await scene(store);
      const eventId = s.event.id;
      const entriesBefore = await store.getRoundEntries(s.round.id);
      const countsBefore = await store.weightCounts(eventId, { excludeWinners: false });
      const result = await store.erasePerson(eventId, s.ann.id, {
        actor: `participant:${s.ann.id}`,
        at: 9_000,
      });
      expect(result).toEqual({
        ok: true,
        erased: {
          participantId: s.ann.id,
          claimsForfeited: [s.claims[0]!.id],
          supportMessages: options.supportMessages ? 1 : 0,
        },
      });
      const again = await reopen();
      expect(await again.getParticipant(s.ann.id)).toBeNull();
      expect(await again.getParticipantByDevice(eventId, 'devhash-ann')).toBeNull();
      expect(await again.getParticipantByShareCode(eventId, 'SHAREANN')).toBeNull();
      expect(await again.countParticipants(eventId)).toBe(3);
      // Ann (weight 2, a winner) left the counters; the others did not move.
      const countsAfter = await again.weightCounts(eventId, { excludeWinners: false });
      expect(countsAfter[2] ?? 0).toBe((countsBefore[2] ?? 0) - 1);
      expect(countsAfter[1]).toBe(countsBefore[1]);
      // The frozen list, the winners and the claims keep her opaque id; the contact is gone.
      expect(await again.getRoundEntries(s.round.id)).toEqual(entriesBefore);
      expect((await again.getRound(s.round.id))?.winners).toEqual([s.ann.id, s.bob.id]);
      const claim = await again.getClaim(s.claims[0]!.id);
      expect(claim).toMatchObject({
        participantId: s.ann.id,
        status: 'forfeited',
        forfeitReason: 'no_show',
        contact: null,
      });
      expect((await again.getPrize(s.prize.id))?.awarded).toBe(1);
      expect(await again.listSupportMessages(eventId, s.ann.id)).toEqual([]);
      const dump = await everything(again, eventId, [s.ann.id, s.bob.id, s.cy.id]);
      for (const secret of [
        'Ann Secret',
        'phonehash-ann',
        '138****5678',
        'devhash-ann',
        'SHAREANN',
        '139****4321',
        'v1.sealed-contact',
      ]) {
        expect({ secret, found: dump.includes(secret) }).toEqual({ secret, found: false });
      }
      expect(dump).toContain('Cy Visible');
      expect(dump).toContain(s.ann.id);
      const audit = await again.listAudit(eventId, 0, 10_000);
      expect(verifyChain(audit).ok).toBe(true);
      expect(audit.at(-1)).toMatchObject({
        action: 'participant.erase',
        subject: `participant:${s.ann.id}`,
        at: 9_000,
      });
      // A second erase finds nobody; another event's id does not reach into this one.
      expect(await again.erasePerson(eventId, s.ann.id, SYS)).toEqual({
        ok: false,
        reason: 'PARTICIPANT_NOT_FOUND',
      });
      const other = await seeded(again, 1);
      expect(await again.erasePerson(other.event.id, s.bob.id, SYS)).toEqual({
        ok: false,
        reason: 'PARTICIPANT_NOT_FOUND',
      });
      expect(await again.getParticipant(s.bob.id)).not.toBeNull();
    });

    it('erases an imported person with their import row; a redeemed win stays redeemed', async () => {
      const { store } = await setup();
      const s = await scene(store);
      const eventId = s.event.id;
      expect((await store.erasePerson(eventId, s.imported.id, SYS)).ok).toBe(true);
      expect(await store.getPerson(s.imported.id)).toBeNull();
      expect(await store.getPersonByCheckinToken('DEECHECKINTOKEN1')).toBeNull();
      expect(await store.erasePerson(eventId, s.bob.id, SYS)).toMatchObject({
        ok: true,
        erased: { claimsForfeited: [] },
      });
      expect(await store.getClaim(s.claims[1]!.id)).toMatchObject({
        participantId: s.bob.id,
        status: 'redeemed',
      });
      const dump = await everything(store, eventId, [s.imported.id, s.bob.id]);
      for (const secret of ['Dee Secret', 'phonehash-dee', '137****0000', 'DEECHECKINTOKEN1', 'Bob Secret']) {
        expect({ secret, found: dump.includes(secret) }).toEqual({ secret, found: false });
      }
      expect(verifyChain(await store.listAudit(eventId, 0, 10_000)).ok).toBe(true);
    });

    it('purges a closed event whole, once, and knows when it closed', async () => {
      const { store, reopen } = await setup();
      const s = await scene(store);
      const eventId = s.event.id;
      expect(await store.getEventClosedAt(eventId)).toBeNull();
      await store.updateEvent(eventId, { status: 'closed' }, { actor: 'host', at: 50_000 });
      expect(await store.getEventClosedAt(eventId)).toBe(50_000);
      const entriesBefore = await store.getRoundEntries(s.round.id);
      const purged = await store.purgeEventPersonalData(eventId, { actor: 'system', at: 60_000 });
      expect(purged).toEqual({
        participants: 4,
        claimsForfeited: 1,
        contactsCleared: 1,
        supportMessages: options.supportMessages ? 2 : 0,
      });
      const again = await reopen();
      expect(await again.countParticipants(eventId)).toBe(0);
      expect(await again.weightCounts(eventId, { excludeWinners: false })).toEqual({});
      expect(await again.getRoundEntries(s.round.id)).toEqual(entriesBefore);
      const dump = await everything(again, eventId, [s.ann.id, s.cy.id, s.imported.id]);
      for (const secret of [
        'Ann Secret',
        'Cy Visible',
        'Dee Secret',
        'Cy question',
        'phonehash',
        '****',
        'devhash',
        'v1.sealed',
      ]) {
        expect({ secret, found: dump.includes(secret) }).toEqual({ secret, found: false });
      }
      const audit = await again.listAudit(eventId, 0, 10_000);
      expect(verifyChain(audit).ok).toBe(true);
      expect(audit.at(-1)).toMatchObject({ action: 'privacy.purge', actor: 'system', at: 60_000 });
      // Nothing left: a second purge changes nothing and records nothing.
      expect(await again.purgeEventPersonalData(eventId, SYS)).toEqual({
        participants: 0,
        claimsForfeited: 0,
        contactsCleared: 0,
        supportMessages: 0,
      });
      expect((await again.listAudit(eventId, 0, 10_000)).length).toBe(audit.length);
      expect(await again.getEventClosedAt(eventId)).toBe(50_000);
    });
  });
}
