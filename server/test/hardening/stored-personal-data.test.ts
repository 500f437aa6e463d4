// What the database holds about a person: phone numbers only as keyed hashes plus a masked form, device
// tokens only as keyed hashes, shipping contacts only sealed; read straight from the SQLite file.
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ClaimDto, RoundDto } from '@drawcast/shared';
import { deviceToken, okData, openEventWithPrize, startTestServer } from '../harness';
import type { TestServer } from '../harness';
import { StoreProbe } from '../fuzz/storeProbe';

const servers: TestServer[] = [];
afterEach(async () => {
  for (const t of servers.splice(0)) await t.close();
});

describe('personal data at rest', () => {
  it('keeps no raw phone, device token or shipping address in any table', async () => {
    const t = await startTestServer();
    servers.push(t);
    const ev = await openEventWithPrize(t, { settings: { collectShippingContact: true } });
    const token = deviceToken();
    const phone = await t.connect();
    const joined = okData(
      await phone.emitWithAck('event:join', {
        joinCode: ev.joinCode,
        nickname: 'Ann',
        deviceToken: token,
        phone: '13812345678',
      }),
    );
    const round = (
      await t.api<RoundDto>('POST', `/api/events/${ev.eventId}/rounds`, { prizeId: ev.prizeId, winners: 1 })
    ).body;
    expect((await t.api('POST', `/api/rounds/${round.id}/draw`)).status).toBe(200);
    const claim = (await t.api<ClaimDto[]>('GET', `/api/events/${ev.eventId}/claims`)).body[0]!;
    expect(claim.participantId).toBe(joined.participantId);
    const contact = {
      recipient: 'Ann Lee',
      phone: '13987654321',
      address: 'Flat 9, Moonlight Road 77',
      city: 'Shanghai',
    };
    okData(
      await phone.emitWithAck('claim:contact', {
        eventId: ev.eventId,
        claimId: claim.id,
        deviceToken: token,
        contact,
      }),
    );

    const probe = new StoreProbe(path.join(t.dataDir, 'drawcast.db'));
    const dump = JSON.stringify(probe.snapshot());
    probe.close();
    expect(dump).toContain('138****5678');
    for (const secret of [token, '13812345678', '12345678', '13987654321', 'Moonlight Road', 'Ann Lee']) {
      expect({ secret, found: dump.includes(secret) }).toEqual({ secret, found: false });
    }
  });
});
