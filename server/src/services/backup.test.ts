import { writeFile, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { verifyProof } from '@drawcast/shared';
import { runFullEvent } from './fullEventScenario';
import { openServiceHarness, type ServiceHarness } from './testHarness';
import type { DrawcastService } from './types';

const harnesses: ServiceHarness[] = [];
afterEach(async () => {
  for (const h of harnesses.splice(0)) await h.cleanup();
});

async function harness(seed: string): Promise<ServiceHarness> {
  const h = await openServiceHarness(seed);
  harnesses.push(h);
  return h;
}

async function everything(service: DrawcastService, eventId: string) {
  return {
    event: await service.getEvent(eventId),
    prizes: await service.listPrizes(eventId),
    participants: await service.listParticipants(eventId, { limit: 1000 }),
    people: await service.listPeople(eventId, { limit: 1000 }),
    rounds: await service.listRounds(eventId),
    claims: await service.listClaims(eventId),
    aggregate: await service.currentAggregate(eventId),
  };
}

describe('backup and restore', () => {
  it('restores into a fresh SQLite file with every proof identical, undrawn rounds drawing the same winners', async () => {
    const source = await harness('backup-source');
    const run = await runFullEvent(source);
    const eventId = run.event.id;
    expect(run.contactClaimId).not.toBe('');
    const file = join(source.dir, 'backup.json');
    await writeFile(file, JSON.stringify(await source.service.backupEvent(eventId)));

    const target = await harness('backup-target: another random stream');
    target.clock.current = source.clock.current;
    const summary = await target.service.restoreEvent(JSON.parse(await readFile(file, 'utf8')));
    expect(summary).toMatchObject({ eventId, participants: 14, rounds: 5, claims: 6 });
    await target.restart();

    expect(await everything(target.service, eventId)).toEqual(await everything(source.service, eventId));
    for (const round of run.revealed) {
      const proof = await target.service.getProof(round.id);
      expect(proof).toEqual(await source.service.getProof(round.id));
      expect(proof.revealed && verifyProof(proof).ok).toBe(true);
    }
    const sourceAudit = await source.service.listAudit(eventId, { limit: 1000 });
    const targetAudit = await target.service.listAudit(eventId, { limit: 1000 });
    expect(targetAudit.slice(0, -1)).toEqual(sourceAudit);
    expect(targetAudit.at(-1)).toMatchObject({ action: 'event.restore', actor: 'system' });
    expect(await target.service.verifyAudit(eventId)).toMatchObject({
      ok: true,
      count: sourceAudit.length + 1,
    });

    // Phones reconnect (same secret), staff still open the contact (same contact key).
    for (const device of run.devices) {
      const [a, b] = await Promise.all([
        source.service.participantState(eventId, device),
        target.service.participantState(eventId, device),
      ]);
      expect(b).toEqual(a);
    }
    expect(await target.service.getShippingContact(run.contactClaimId)).toEqual(
      await source.service.getShippingContact(run.contactClaimId),
    );

    for (const round of run.undrawn) {
      const [a, b] = await Promise.all([
        source.service.drawRound(round.id),
        target.service.drawRound(round.id),
      ]);
      expect(b.round.winners).toEqual(a.round.winners);
      expect(b.round.entriesDigest).toEqual(a.round.entriesDigest);
    }
  }, 30_000);

  it('refuses a tampered document or an event that exists, naming the field, and writes nothing', async () => {
    const source = await harness('backup-refuse');
    const run = await runFullEvent(source);
    const doc = JSON.parse(JSON.stringify(await source.service.backupEvent(run.event.id)));
    const target = await harness('backup-refuse-target');
    const tampered = JSON.parse(JSON.stringify(doc));
    tampered.rounds[0].winners.reverse();
    await expect(target.service.restoreEvent(tampered)).rejects.toMatchObject({
      code: 'INVALID_BACKUP',
      field: 'rounds[0].winners',
    });
    const badSettings = JSON.parse(JSON.stringify(doc));
    badSettings.event.settings.colour = 'red';
    await expect(target.service.restoreEvent(badSettings)).rejects.toMatchObject({
      code: 'INVALID_BACKUP',
      field: 'event.settings.colour',
    });
    expect(await target.service.listEvents()).toEqual([]);
    await expect(source.service.restoreEvent(doc)).rejects.toMatchObject({
      code: 'CONFLICT',
      field: 'event.id',
    });
    await expect(target.service.restoreEvent({ format: 'x' })).rejects.toMatchObject({
      code: 'INVALID_BACKUP',
    });
  }, 30_000);
  it('carries the support inbox: messages and answers come back in a fresh store', async () => {
    const source = await harness('backup-support-source');
    const run = await runFullEvent(source);
    const eventId = run.event.id;
    const [ann, bo] = await source.service.listParticipants(eventId, { limit: 2 });
    const meta = { actor: `participant:${ann!.id}` as const, at: source.clock.now() };
    const base = { eventId, answer: null, answeredAt: null, readAt: null };
    await source.store.insertSupportMessage(
      { ...base, id: 'sup_1', participantId: ann!.id, body: 'Where is my prize? <b>', createdAt: 1 },
      meta,
    );
    await source.store.insertSupportMessage(
      { ...base, id: 'sup_2', participantId: bo!.id, body: '我的奖品呢？', createdAt: 2 },
      meta,
    );
    await source.store.answerSupportMessage('sup_1', 'At the desk by the door', { actor: 'host', at: 3 });
    const before = await source.store.listSupportMessages(eventId);
    expect(before).toHaveLength(2);

    const doc = await source.service.backupEvent(eventId);
    expect(doc.supportMessages).toEqual(before);
    const target = await harness('backup-support-target');
    const summary = await target.service.restoreEvent(JSON.parse(JSON.stringify(doc)));
    expect(summary).toMatchObject({ eventId, supportMessages: 2 });
    await target.restart();
    expect(await target.store.listSupportMessages(eventId)).toEqual(before);
    expect((await target.store.listSupportMessages(eventId, ann!.id))[0]).toMatchObject({
      answer: 'At the desk by the door',
    });

    // A message naming someone who is not a participant is refused, and nothing is written.
    const other = await harness('backup-support-bad');
    const bad = JSON.parse(JSON.stringify(doc));
    bad.supportMessages[1].participantId = 'p_nobody';
    await expect(other.service.restoreEvent(bad)).rejects.toMatchObject({
      code: 'INVALID_BACKUP',
      field: 'supportMessages[1].participantId',
    });
    expect(await other.service.listEvents()).toEqual([]);

    // A backup made before the inbox existed (no supportMessages) still restores, with none.
    const older = await harness('backup-support-older');
    const { supportMessages: _dropped, ...withoutInbox } = JSON.parse(JSON.stringify(doc));
    expect(await older.service.restoreEvent(withoutInbox)).toMatchObject({ supportMessages: 0 });
    expect(await older.store.listSupportMessages(eventId)).toEqual([]);
  });
});
