// The whole lifecycle over REST and sockets: event, prize, joins, round, entropy, draw, reveal, proof.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyProof } from '@drawcast/shared';
import type { EventDto, JoinAckDto, ParticipantRowDto, RoundDto } from '@drawcast/shared';
import { deviceToken, nextEvent, okData, openEventWithPrize, startTestServer } from './harness';
import type { Client, TestServer } from './harness';

describe('lifecycle', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer();
  });
  afterAll(async () => {
    await t.close();
  });

  it('runs a whole event end to end', async () => {
    const { eventId, joinCode, prizeId } = await openEventWithPrize(t, { quantity: 3 });

    const listed = await t.api<EventDto[]>('GET', '/api/events');
    expect(listed.body.map((e) => e.id)).toContain(eventId);
    const info = await t.api<{ title: string; status: string; round: unknown }>(
      'GET',
      `/api/join/${joinCode.toLowerCase()}`,
    );
    expect(info.body).toMatchObject({ title: 'Test night', status: 'open', round: null });

    // Five phones join; without a round the ack has no odds yet.
    const phones: Client[] = [];
    const acks: JoinAckDto[] = [];
    const tokens = Array.from({ length: 5 }, deviceToken);
    for (let i = 0; i < 5; i++) {
      const phone = await t.connect();
      phones.push(phone);
      const ack = okData(
        await phone.emitWithAck('event:join', { joinCode, nickname: `Guest ${i}`, deviceToken: tokens[i]! }),
      );
      expect(ack).toMatchObject({ eventId, tickets: 1, created: true, round: null, odds: null });
      acks.push(ack);
    }
    const host = await t.connect({ role: 'host', hostToken: t.token });
    const stage = await t.connect({ role: 'stage' });
    const stageState = okData(await stage.emitWithAck('stage:watch', { eventId }));
    expect(stageState).toMatchObject({ participants: 5, audienceCount: 5, round: null, drawn: [] });

    // Creating a round publishes its commitment and the aggregate to everyone in the event.
    const committed = nextEvent(phones[0]!, 'round:committed');
    const aggregate = nextEvent(phones[1]!, 'odds:aggregate', (a) => a.total === 5);
    const created = await t.api<RoundDto>('POST', `/api/events/${eventId}/rounds`, { prizeId, winners: 2 });
    expect(created.status).toBe(201);
    const round = created.body;
    expect(round.commitment).toMatch(/^[0-9a-f]{64}$/);
    expect((await committed).commitment).toBe(round.commitment);
    expect(await aggregate).toEqual({
      eventId,
      roundId: round.id,
      k: 2,
      counts: { 1: 5 },
      total: 5,
      // The server's exact odds per weight class ride along: 2 winners among 5 single tickets.
      oddsByWeight: { 1: expect.closeTo(0.4, 12) },
      oddsExact: true,
    });

    // Before the draw, the proof shows the commitment and state but never the seed.
    const pending = await t.api<Record<string, unknown>>('GET', `/api/rounds/${round.id}/proof`);
    expect(pending.status).toBe(200);
    expect(pending.body).toMatchObject({ roundId: round.id, commitment: round.commitment, revealed: false });
    expect(pending.body).not.toHaveProperty('serverSeed');

    // A phone's state now carries its exact odds (2 of 5); joining again returns the same entry.
    const state = okData(
      await phones[2]!.emitWithAck('participant:state', { eventId, deviceToken: tokens[2]! }),
    );
    expect(state.participant.id).toBe(acks[2]!.participantId);
    expect(state.odds).toBeCloseTo(2 / 5, 12);
    expect(state.oddsExact).toBe(true);
    const again = okData(
      await phones[2]!.emitWithAck('event:join', {
        joinCode,
        nickname: 'Other name',
        deviceToken: tokens[2]!,
      }),
    );
    expect(again).toMatchObject({ participantId: acks[2]!.participantId, created: false });
    expect(again.odds).toBeCloseTo(2 / 5, 12);

    const closing = await t.api<RoundDto>('POST', `/api/rounds/${round.id}/close`);
    expect(closing.body).toMatchObject({
      entryCount: 5,
      entriesDigest: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
    const updated = nextEvent(phones[0]!, 'round:updated');
    const entropy = await t.api<RoundDto>('PUT', `/api/rounds/${round.id}/entropy`, {
      publicEntropy: 'audience says 4711',
    });
    expect(entropy.body.publicEntropy).toBe('audience says 4711');
    expect((await updated).publicEntropy).toBe('audience says 4711');

    // Draw from the host socket: stage at once, audience and winners too (no stream delay).
    const drawnOnStage = nextEvent(stage, 'round:drawn');
    const reveals = phones.map((p) => nextEvent(p, 'round:reveal'));
    const drawn = okData(await host.emitWithAck('round:draw', { roundId: round.id }));
    expect(drawn.status).toBe('drawn');
    expect(drawn.winners).toHaveLength(2);
    const onStage = await drawnOnStage;
    expect(onStage.winners).toEqual(drawn.winners);
    for (const reveal of await Promise.all(reveals)) {
      expect(reveal.winners).toEqual(drawn.winners);
      expect(reveal.revealAt).toBe(drawn.phoneRevealAt);
    }

    // The proof verifies with the shared verifier and lists opaque participant ids only.
    const proof = await t.api<Record<string, unknown> & { entries: { id: string }[]; winners: string[] }>(
      'GET',
      `/api/rounds/${round.id}/proof`,
    );
    expect(proof.status).toBe(200);
    expect(verifyProof(proof.body)).toMatchObject({ ok: true, failed: null });
    expect(proof.body.winners).toEqual(drawn.winners!.map((w) => w.participantId));
    expect(proof.body.entries.map((e) => e.id).sort()).toEqual(acks.map((a) => a.participantId).sort());

    // Participants list: nicknames and masked phones only.
    const people = await t.api<{ total: number; participants: ParticipantRowDto[] }>(
      'GET',
      `/api/events/${eventId}/participants`,
    );
    expect(people.body.total).toBe(5);
    for (const row of people.body.participants) {
      expect(Object.keys(row).sort()).toEqual(['id', 'joinedAt', 'nickname', 'phoneMasked', 'tickets']);
    }

    // Closing the event reaches every phone; a phone leaving updates the stage's audience count.
    const closedNotice = nextEvent(phones[3]!, 'event:updated');
    await t.api('POST', `/api/events/${eventId}/close`);
    expect((await closedNotice).status).toBe('closed');
    const fewer = nextEvent(stage, 'audience:count', (c) => c.count === 4);
    phones[4]!.disconnect();
    expect(await fewer).toEqual({ eventId, count: 4 });

    const metrics = await t.api<string>('GET', '/metrics', undefined, null);
    expect(metrics.body).toMatch(/drawcast_joins_total\{result="created"\} 5/);
    expect(metrics.body).toMatch(/drawcast_draws_total 1/);
    expect(metrics.body).toMatch(/drawcast_ack_latency_seconds_count\{event="event:join"\} 6/);
    expect(metrics.body).toMatch(/drawcast_connected_sockets \d+/);
  });

  it('answers 404 ROUND_NOT_FOUND for an unknown round proof', async () => {
    const res = await t.api('GET', '/api/rounds/rnd_AAAAAAAAAAAAAAAA/proof', undefined, null);
    expect(res.status).toBe(404);
    expect(res.body).toMatchObject({ ok: false, code: 'ROUND_NOT_FOUND' });
  });

  it('serves /healthz and the placeholder page under a CSP the UIs can live with', async () => {
    const health = await t.api<{ status: string }>('GET', '/healthz', undefined, null);
    expect(health.body.status).toBe('ok');
    const page = await fetch(`${t.url}/`);
    const csp = page.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("connect-src 'self' ws: wss:");
    expect(csp).toContain("img-src 'self' data:");
    expect(csp).not.toContain('upgrade-insecure-requests');
    expect(await page.text()).toContain('Drawcast');
    const css = await fetch(`${t.url}/placeholder.css`);
    expect(css.headers.get('content-type')).toContain('text/css');
    const docs = await fetch(`${t.url}/docs/api`);
    expect(await docs.text()).toContain('# Drawcast API');
  });
});
