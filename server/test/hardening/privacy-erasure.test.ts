// Privacy deletion end to end over real sockets and REST: a phone deletes its own data, the host deletes
// two others (REST and socket); afterwards the proof, the frozen list and the audit chain still verify,
// and a full snapshot of the SQLite file holds no nickname, phone, contact, message or device token.
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ErrorCode, verifyProof } from '@drawcast/shared';
import type { ClaimDto, ErasureDto, RoundDto } from '@drawcast/shared';
import { deviceToken, okData, openEventWithPrize, startTestServer } from '../harness';
import type { Client, TestServer } from '../harness';
import { StoreProbe } from '../fuzz/storeProbe';

describe('privacy deletion (real server)', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer();
  });
  afterAll(async () => {
    await t.close();
  });

  it('leaves only opaque ids of erased people; proofs, frozen list and audit chain verify', async () => {
    const ev = await openEventWithPrize(t, { quantity: 4, settings: { collectShippingContact: true } });
    const people = [
      { nickname: 'AnnPrivate', phone: '13811112222' },
      { nickname: 'BoPrivate', phone: '13933334444' },
      { nickname: 'CyPrivate', phone: '13755556666' },
      { nickname: 'DeeStays', phone: '13677778888' },
    ];
    const phones: { socket: Client; token: string; id: string }[] = [];
    for (const p of people) {
      const socket = await t.connect();
      const token = deviceToken();
      const joined = okData(
        await socket.emitWithAck('event:join', { joinCode: ev.joinCode, deviceToken: token, ...p }),
      );
      phones.push({ socket, token, id: joined.participantId });
    }
    const [ann, bo, cy, dee] = phones as [
      (typeof phones)[0],
      (typeof phones)[0],
      (typeof phones)[0],
      (typeof phones)[0],
    ];
    const round = (
      await t.api<RoundDto>('POST', `/api/events/${ev.eventId}/rounds`, { prizeId: ev.prizeId, winners: 4 })
    ).body;
    expect((await t.api('POST', `/api/rounds/${round.id}/close`)).status).toBe(200);
    expect((await t.api('POST', `/api/rounds/${round.id}/draw`)).status).toBe(200);
    const claims = (await t.api<ClaimDto[]>('GET', `/api/events/${ev.eventId}/claims`)).body;
    const claimOf = (id: string) => claims.find((c) => c.participantId === id)!;
    okData(
      await ann.socket.emitWithAck('claim:contact', {
        eventId: ev.eventId,
        claimId: claimOf(ann.id).id,
        deviceToken: ann.token,
        contact: {
          recipient: 'Ann Realname',
          phone: '13500001111',
          address: 'Lotus Lane 12',
          city: 'Hangzhou',
        },
      }),
    );
    okData(
      await bo.socket.emitWithAck('support:send', {
        eventId: ev.eventId,
        deviceToken: bo.token,
        body: 'Bo asks privately',
      }),
    );
    okData(
      await cy.socket.emitWithAck('support:send', {
        eventId: ev.eventId,
        deviceToken: cy.token,
        body: 'Cy asks privately',
      }),
    );
    const entriesBefore = (await t.api<unknown>('GET', `/api/rounds/${round.id}/entries`)).body;

    // Bad input changes nothing: no confirm, a wrong token, the host route without its token.
    const refused = await ann.socket.emitWithAck('privacy:forgetMe', {
      eventId: ev.eventId,
      deviceToken: ann.token,
    } as never);
    expect(refused).toMatchObject({ ok: false, code: ErrorCode.VALIDATION_FAILED });
    const stranger = await ann.socket.emitWithAck('privacy:forgetMe', {
      eventId: ev.eventId,
      deviceToken: deviceToken(),
      confirm: true,
    });
    expect(stranger).toMatchObject({ ok: false, code: ErrorCode.PARTICIPANT_NOT_FOUND });
    const noHost = await t.api(
      'POST',
      `/api/events/${ev.eventId}/participants/${bo.id}/erase`,
      { confirm: true },
      null,
    );
    expect(noHost.status).toBe(401);
    const phoneAsHost = await dee.socket.emitWithAck('privacy:erase', {
      eventId: ev.eventId,
      participantId: bo.id,
      confirm: true,
    });
    expect(phoneAsHost).toMatchObject({ ok: false, code: ErrorCode.UNAUTHORIZED });

    // Ann deletes herself from her phone; her pending win is forfeited, the prize unit goes back.
    const mine = okData(
      await ann.socket.emitWithAck('privacy:forgetMe', {
        eventId: ev.eventId,
        deviceToken: ann.token,
        confirm: true,
      }),
    );
    expect(mine).toMatchObject({
      participantId: ann.id,
      claimsForfeited: [claimOf(ann.id).id],
      supportMessages: 0,
    });
    const gone = await ann.socket.emitWithAck('participant:state', {
      eventId: ev.eventId,
      deviceToken: ann.token,
    });
    expect(JSON.stringify(gone)).not.toContain('AnnPrivate');
    // The host deletes Bo over REST and Cy over its socket.
    const boErased = await t.api<ErasureDto>(
      'POST',
      `/api/events/${ev.eventId}/participants/${bo.id}/erase`,
      { confirm: true },
    );
    expect(boErased).toMatchObject({ status: 200, body: { participantId: bo.id, supportMessages: 1 } });
    const host = await t.connect({ role: 'host', hostToken: t.token });
    okData(
      await host.emitWithAck('privacy:erase', { eventId: ev.eventId, participantId: cy.id, confirm: true }),
    );
    const again = await t.api('POST', `/api/events/${ev.eventId}/participants/${bo.id}/erase`, {
      confirm: true,
    });
    expect(again).toMatchObject({ status: 404, body: { code: ErrorCode.PARTICIPANT_NOT_FOUND } });

    // Proof and frozen list unchanged and valid; winners are the opaque ids; the audit chain verifies.
    const proof = (await t.api<Parameters<typeof verifyProof>[0]>('GET', `/api/rounds/${round.id}/proof`))
      .body;
    expect(verifyProof(proof)).toMatchObject({ ok: true });
    expect((await t.api('GET', `/api/rounds/${round.id}/entries`)).body).toEqual(entriesBefore);
    const winners = (await t.api<RoundDto[]>('GET', `/api/events/${ev.eventId}/rounds`)).body[0]!.winners!;
    expect(winners.map((w) => w.participantId).sort()).toEqual(phones.map((p) => p.id).sort());
    expect((await t.api('GET', `/api/events/${ev.eventId}/audit/verify`)).body).toMatchObject({ ok: true });
    const after = (await t.api<ClaimDto[]>('GET', `/api/events/${ev.eventId}/claims`)).body;
    expect(
      after
        .filter((c) => c.status === 'forfeited')
        .map((c) => c.participantId)
        .sort(),
    ).toEqual([ann.id, bo.id, cy.id].sort());

    const probe = new StoreProbe(path.join(t.dataDir, 'drawcast.db'));
    const dump = JSON.stringify(probe.snapshot());
    probe.close();
    expect(dump).toContain('DeeStays');
    for (const p of [ann, bo, cy]) expect(dump).toContain(p.id);
    const secrets = [
      ...people
        .slice(0, 3)
        .flatMap((p) => [p.nickname, p.phone, `${p.phone.slice(0, 3)}****${p.phone.slice(-4)}`]),
      ...[ann, bo, cy].map((p) => p.token),
      'Ann Realname',
      'Lotus Lane',
      '135****1111',
      'Bo asks privately',
      'Cy asks privately',
    ];
    // A backup taken now carries none of it either (it is what the store holds).
    const backup = JSON.stringify((await t.api('GET', `/api/events/${ev.eventId}/backup`)).body);
    expect(backup).toContain('DeeStays');
    for (const secret of secrets) {
      expect({ secret, found: dump.includes(secret) }).toEqual({ secret, found: false });
      expect({ secret, inBackup: backup.includes(secret) }).toEqual({ secret, inBackup: false });
    }
  });
});
