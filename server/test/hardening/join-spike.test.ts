// Issue #14, join spike: 2,000 fake devices from one address (behind a trusted proxy, so the address is the
// X-Forwarded-For one) are limited as configured, the host socket hears the spike with that address on
// top, staff cannot act on it, and the host's batch disqualify keeps them out of the next round.
import { io as connectClient } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROTOCOL_VERSION } from '@drawcast/shared';
import type { JoinSpikeDto, RoundDto, SpikeDisqualifyResultDto } from '@drawcast/shared';
import {
  deviceToken,
  nextEvent,
  okData,
  openEventWithPrize,
  startTestServer,
  waitConnected,
} from '../harness';
import type { Client, TestServer } from '../harness';

const ATTACKER = '203.0.113.66';
const FAKE_DEVICES = 2000;
const PER_IP_PER_MINUTE = 500;
const HONEST = 12;

describe('join spike', () => {
  let t: TestServer;
  const sockets: Client[] = [];
  beforeAll(async () => {
    // nginx in front: loopback is the trusted proxy, the phone's address is in X-Forwarded-For.
    t = await startTestServer({
      config: { joinsPerIpPerMinute: PER_IP_PER_MINUTE, joinsPerDevicePerMinute: 5, trustProxy: 'loopback' },
    });
  });
  afterAll(async () => {
    for (const s of sockets) s.disconnect();
    await t.close();
  });

  /** A phone socket whose requests arrive "through nginx" from `ip`. */
  async function phoneFrom(ip: string): Promise<Client> {
    const socket: Client = connectClient(t.url, {
      auth: { protocolVersion: PROTOCOL_VERSION },
      transports: ['websocket'],
      forceNew: true,
      reconnection: false,
      extraHeaders: { 'x-forwarded-for': ip },
    });
    sockets.push(socket);
    await waitConnected(socket);
    return socket;
  }

  it('limits the flood, alerts the host with the address on top, and disqualifies the batch', async () => {
    const { eventId, joinCode, prizeId } = await openEventWithPrize(t, { quantity: 5 });
    const host = await t.connect({ role: 'host', hostToken: t.token });
    const quiet = okData(await host.emitWithAck('spike:status', { eventId }));
    expect(quiet).toMatchObject({ active: false, since: null, topSources: [] });

    // Honest phones, one address each: a quiet event's first joins are no spike.
    const heard: JoinSpikeDto[] = [];
    host.on('host:joinSpike', (s) => heard.push(s));
    for (let i = 0; i < HONEST; i += 1) {
      const phone = await phoneFrom(`198.51.100.${i + 1}`);
      okData(
        await phone.emitWithAck('event:join', {
          joinCode,
          nickname: `Guest${i}`,
          deviceToken: deviceToken(),
        }),
      );
    }
    expect(heard).toEqual([]);

    // The flood: 20 sockets from one address, 100 fake devices each, all at once.
    const alert = nextEvent(host, 'host:joinSpike', (s) => s.active);
    const bots = await Promise.all(Array.from({ length: 20 }, () => phoneFrom(ATTACKER)));
    const acks = await Promise.all(
      Array.from({ length: FAKE_DEVICES }, (_, i) =>
        bots[i % bots.length]!.emitWithAck('event:join', {
          joinCode,
          nickname: `Bot${i}`,
          deviceToken: deviceToken(),
        }),
      ),
    );
    const accepted = acks.filter((a) => a.ok).length;
    const limited = acks.filter((a) => !a.ok && a.code === 'RATE_LIMITED').length;
    // Limited as configured: the per-IP budget per minute, every other attempt refused with RATE_LIMITED.
    expect({ accepted, limited }).toEqual({
      accepted: PER_IP_PER_MINUTE,
      limited: FAKE_DEVICES - PER_IP_PER_MINUTE,
    });

    const live = await alert;
    expect(live.topSources[0]).toMatchObject({ ipMasked: '203.0.113.*' });
    expect(live.ratePerMinute).toBeGreaterThan(live.thresholdPerMinute);
    expect(JSON.stringify(live)).not.toContain(ATTACKER); // masked everywhere on the wire

    // After a reload: the same alert over REST, with every attempt and the entries it made.
    const reading = await t.api<JoinSpikeDto>('GET', `/api/events/${eventId}/join-spike`);
    expect(reading.status).toBe(200);
    expect(reading.body.active).toBe(true);
    const top = reading.body.topSources[0]!;
    expect(top).toMatchObject({
      ipMasked: '203.0.113.*',
      joins: FAKE_DEVICES,
      entriesSince: PER_IP_PER_MINUTE,
    });
    expect(top.ipKey).toBe(live.topSources[0]!.ipKey);
    expect(reading.body.topSources.slice(1).every((s) => s.joins === 1)).toBe(true);

    // Staff may not act on it (REST and socket), and their try changes nothing.
    const staff = await t.api<{ token: string }>('POST', `/api/events/${eventId}/staff`, { label: 'Desk' });
    const byStaff = await t.api(
      'POST',
      `/api/events/${eventId}/join-spike/disqualify`,
      { ipKey: top.ipKey, since: reading.body.since },
      staff.body.token,
    );
    expect(byStaff.status).toBe(403);
    const staffSocket = await t.connect({ role: 'staff', hostToken: staff.body.token });
    const staffAck = await staffSocket.emitWithAck('spike:disqualify', {
      eventId,
      ipKey: top.ipKey,
      since: reading.body.since!,
    });
    expect(staffAck).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(
      (await t.api<{ participantIds: string[] }>('GET', `/api/events/${eventId}/disqualified`)).body,
    ).toEqual({
      participantIds: [],
    });

    // A bad key is a typed error and changes nothing.
    const bad = await host.emitWithAck('spike:disqualify', { eventId, ipKey: 'nope', since: 0 });
    expect(bad).toMatchObject({ ok: false, code: 'VALIDATION_FAILED' });
    const unknown = await host.emitWithAck('spike:disqualify', { eventId, ipKey: '0'.repeat(16), since: 0 });
    expect(unknown).toMatchObject({ ok: false, code: 'NOT_FOUND' });

    // The host's batch action, over the socket.
    const done: SpikeDisqualifyResultDto = okData(
      await host.emitWithAck('spike:disqualify', { eventId, ipKey: top.ipKey, since: reading.body.since! }),
    );
    expect(done.disqualified).toBe(PER_IP_PER_MINUTE);
    expect(new Set(done.participantIds).size).toBe(PER_IP_PER_MINUTE);
    // Again over REST: nothing new to disqualify.
    const again = await t.api<SpikeDisqualifyResultDto>(
      'POST',
      `/api/events/${eventId}/join-spike/disqualify`,
      {
        ipKey: top.ipKey,
        since: reading.body.since,
      },
    );
    expect(again.body.disqualified).toBe(0);
    // The reading now shows that source's entries as taken care of (no batch left to act on).
    const after = await t.api<JoinSpikeDto>('GET', `/api/events/${eventId}/join-spike`);
    expect(after.body.topSources[0]).toMatchObject({
      ipKey: top.ipKey,
      joins: FAKE_DEVICES,
      entriesSince: 0,
    });

    // The next round's entries: the honest phones only.
    const round = await t.api<RoundDto>('POST', `/api/events/${eventId}/rounds`, { prizeId, winners: 1 });
    expect(round.status).toBe(201);
    const closed = await t.api<RoundDto>('POST', `/api/rounds/${round.body.id}/close`);
    expect(closed.body.entryCount).toBe(HONEST);

    // Dismissed: the console hides it (it stays active while the rate is high).
    const dismissed = await t.api<JoinSpikeDto>('POST', `/api/events/${eventId}/join-spike/dismiss`);
    expect(dismissed.body).toMatchObject({ active: true, dismissed: true });
  });
});
