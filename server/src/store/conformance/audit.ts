// Store contract: every change appends to its event's hash chain in the same transaction; restore.
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { verifyChain } from '../../domain/audit/auditChain';
import { claimsForDrawnRound } from '../../domain/claims/claim';
import type { EventSnapshot, Store } from '../store';
import { fixtures, SYS } from './kit';
import type { ConformanceKit } from './kit';

/** Everything of one event, read back through the Store interface. */
async function snapshotOf(store: Store, eventId: string): Promise<EventSnapshot> {
  const event = await store.getEvent(eventId);
  if (!event) throw new Error('no event');
  const rounds = [];
  for (const round of await store.listRounds(eventId))
    rounds.push({ round, entries: await store.getRoundEntries(round.id) });
  return {
    event,
    prizes: await store.listPrizes(eventId),
    participants: await store.listParticipants(eventId, { offset: 0, limit: 1_000 }),
    people: await store.listPeople(eventId, { offset: 0, limit: 1_000 }),
    rounds,
    claims: await store.listClaims(eventId),
    audit: await store.listAudit(eventId, 0, 1_000),
    supportMessages: await store.listSupportMessages(eventId),
  };
}

/** Registers the audit-chain and restore part of the Store contract. */
export function describeAuditContract(kit: ConformanceKit): void {
  const { setup, seeded } = kit;

  /** A small event with one drawn round, one redeemed and one forfeited claim. */
  async function busyEvent(store: Store) {
    const base = await seeded(store, 6, 3);
    const round = fixtures.round(base.event.id, base.prize.id, { k: 2 });
    await store.insertRound(round, { actor: 'host', at: 10 });
    const closed = await store.closeRoundEntries(round.id, 11, { actor: 'host', at: 11 });
    const entriesDigest = closed.outcome === 'closed' ? (closed.round.entriesDigest as string) : '';
    await store.setPublicEntropy(round.id, 'beacon', { actor: 'host', at: 11 });
    const winners = base.participants.slice(0, 2).map((p) => p.id);
    const claims = claimsForDrawnRound({ ...round, winners }, randomBytes, 12);
    await store.commitDrawResult(
      round.id,
      { ...fixtures.outcome(winners, undefined, 'beacon'), entriesDigest, claims },
      { actor: 'host', at: 12 },
    );
    await store.redeemClaim(claims[0]!.id, { actor: 'staff:desk', at: 13 });
    await store.forfeitClaim(claims[1]!.id, 'no_show', { actor: 'host', at: 14 });
    return { ...base, round, claims };
  }

  describe('audit chain', () => {
    it('appends one record per change, in order, that verifies; refused changes append nothing', async () => {
      const { store } = await setup();
      const { event } = await busyEvent(store);
      // Refused: a duplicate join code, an entropy change after the draw, a second redeem.
      await store.insertEvent(fixtures.event({ joinCode: event.joinCode }), SYS);
      const records = await store.listAudit(event.id, 0, 100);
      expect(records.map((r) => r.action)).toEqual([
        'event.create',
        'prize.add',
        ...Array<string>(6).fill('participant.join'),
        'round.create',
        'round.close',
        'round.entropy',
        'round.draw',
        'claim.redeem',
        'claim.forfeit',
      ]);
      expect(records.map((r) => r.seq)).toEqual(records.map((_, i) => i + 1));
      expect(records.at(-2)).toMatchObject({
        actor: 'staff:desk',
        at: 13,
        subject: expect.stringMatching(/^claim:clm_/),
      });
      expect(verifyChain(records)).toMatchObject({ ok: true, count: 14 });
      expect(await store.listAudit(event.id, 11, 2)).toEqual(records.slice(11, 13));
      expect(await store.listAudit('evt_other', 0, 10)).toEqual([]);
      expect(await store.auditHead(event.id)).toEqual({ seq: 14, hash: records.at(-1)!.hash });
      expect(await store.auditHead('evt_other')).toBeNull();
    });

    it('keeps separate chains per event, each starting at seq 1', async () => {
      const { store } = await setup();
      const one = await seeded(store, 1);
      const two = await seeded(store, 2);
      const a = await store.listAudit(one.event.id, 0, 100);
      const b = await store.listAudit(two.event.id, 0, 100);
      expect([a[0]?.seq, b[0]?.seq]).toEqual([1, 1]);
      expect(verifyChain(a)).toMatchObject({ ok: true, count: 3 });
      expect(verifyChain(b)).toMatchObject({ ok: true, count: 4 });
    });
  });

  describe('restore', () => {
    it('writes an event back verbatim into another store, continuing its chain with the restore record', async () => {
      const source = await setup();
      const { event } = await busyEvent(source.store);
      const committed = fixtures.round(event.id, (await source.store.listPrizes(event.id))[0]!.id, {
        createdAt: 20,
      });
      await source.store.insertRound(committed, SYS);
      const [asker] = await source.store.listParticipants(event.id, { offset: 0, limit: 1 });
      await source.store.insertSupportMessage(
        {
          id: 'sup_restore_1',
          eventId: event.id,
          participantId: asker!.id,
          body: 'Where is the desk?',
          createdAt: 21,
          answer: null,
          answeredAt: null,
          readAt: null,
        },
        SYS,
      );
      const snapshot = await snapshotOf(source.store, event.id);
      expect(snapshot.supportMessages).toHaveLength(1);
      const target = await setup();
      expect(await target.store.restoreEvent(snapshot, { actor: 'system', at: 99 })).toEqual({ ok: true });
      const reopened = await target.reopen();
      const restored = await snapshotOf(reopened, event.id);
      expect({ ...restored, audit: restored.audit.slice(0, -1) }).toEqual(snapshot);
      expect(restored.audit.at(-1)).toMatchObject({ action: 'event.restore', actor: 'system', at: 99 });
      expect(verifyChain(restored.audit)).toMatchObject({ ok: true, count: snapshot.audit.length + 1 });
      for (const excludeWinners of [false, true]) {
        expect(await reopened.weightCounts(event.id, { excludeWinners })).toEqual(
          await source.store.weightCounts(event.id, { excludeWinners }),
        );
      }
      expect(await reopened.restoreEvent(snapshot, SYS)).toEqual({ ok: false, reason: 'EVENT_EXISTS' });
      const renamed = { ...snapshot, event: { ...snapshot.event, id: 'evt_0000000000000999' } };
      expect(await reopened.restoreEvent(renamed, SYS)).toEqual({ ok: false, reason: 'JOIN_CODE_TAKEN' });
    });
  });
}
