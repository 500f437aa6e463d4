// kill -9 between the close and the draw: the frozen list, its digest and the commitment survive, and
// the draw after the restart uses exactly that list.
import { rmSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { PROTOCOL_VERSION, verifyProof } from '@drawcast/shared';
import type { EventDto, FrozenEntriesDto, RoundDto } from '@drawcast/shared';
import { kill9, startChildServer, type ChildServer } from './child-server';
import { apiCall, deviceToken, okData, openClient, tempDataDir, waitConnected } from './harness';
import type { Client } from './harness';

const TOKEN = 'crash-close-host-token-0123456789';

describe('kill -9 between close and draw', () => {
  const dataDir = tempDataDir();
  const children: ChildServer[] = [];
  const sockets: Client[] = [];
  afterAll(async () => {
    for (const s of sockets) s.disconnect();
    for (const c of children) await kill9(c);
    rmSync(dataDir, { recursive: true, force: true });
  });
  const start = async () => {
    const child = await startChildServer(dataDir, TOKEN);
    children.push(child);
    return child;
  };
  const api = <T>(
    c: ChildServer,
    method: string,
    route: string,
    body?: unknown,
    token: string | null = TOKEN,
  ) => apiCall<T>(c.url, method, route, body, token);
  const phone = async (c: ChildServer) => {
    const s = openClient(c.url, { protocolVersion: PROTOCOL_VERSION });
    sockets.push(s);
    await waitConnected(s);
    return s;
  };

  it('keeps the frozen list and the commitment; the draw after the restart uses exactly that list', async () => {
    let child = await start();
    const event = (
      await api<EventDto>(child, 'POST', '/api/events', {
        title: 'Crash close',
        settings: { revealLeadMs: 0 },
      })
    ).body;
    await api(child, 'POST', `/api/events/${event.id}/open`);
    const prize = (
      await api<{ id: string }>(child, 'POST', `/api/events/${event.id}/prizes`, { name: 'TV', quantity: 3 })
    ).body;
    const round = (
      await api<RoundDto>(child, 'POST', `/api/events/${event.id}/rounds`, { prizeId: prize.id, winners: 2 })
    ).body;
    const p = await phone(child);
    for (let i = 0; i < 6; i += 1) {
      okData(
        await p.emitWithAck('event:join', {
          joinCode: event.joinCode,
          nickname: `N${i}`,
          deviceToken: deviceToken(),
        }),
      );
    }
    const closed = (await api<RoundDto>(child, 'POST', `/api/rounds/${round.id}/close`)).body;
    expect(closed).toMatchObject({ entryCount: 6, entriesDigest: expect.stringMatching(/^[0-9a-f]{64}$/) });
    const list = (
      await api<FrozenEntriesDto>(child, 'GET', `/api/rounds/${round.id}/entries`, undefined, null)
    ).body;
    await kill9(child); // right after the close was acknowledged

    child = await start();
    const after = (await api<RoundDto>(child, 'GET', `/api/rounds/${round.id}`)).body;
    expect(after).toMatchObject({
      status: 'committed',
      commitment: round.commitment,
      entriesClosedAt: closed.entriesClosedAt,
      entryCount: 6,
      entriesDigest: closed.entriesDigest,
    });
    expect(
      (await api<FrozenEntriesDto>(child, 'GET', `/api/rounds/${round.id}/entries`, undefined, null)).body,
    ).toEqual(list);
    // A join after the restart is still after the close: not in the round.
    const late = okData(
      await (
        await phone(child)
      ).emitWithAck('event:join', {
        joinCode: event.joinCode,
        nickname: 'late',
        deviceToken: deviceToken(),
      }),
    );
    expect(late).toMatchObject({
      eligible: false,
      round: { id: round.id, entriesDigest: closed.entriesDigest },
    });

    expect(
      (await api(child, 'PUT', `/api/rounds/${round.id}/entropy`, { publicEntropy: 'after crash' })).status,
    ).toBe(200);
    const drawn = (await api<RoundDto>(child, 'POST', `/api/rounds/${round.id}/draw`)).body;
    expect(drawn.status).toBe('drawn');
    const proof = (
      await api<Record<string, unknown>>(child, 'GET', `/api/rounds/${round.id}/proof`, undefined, null)
    ).body;
    expect(verifyProof(proof)).toMatchObject({ ok: true });
    expect(proof).toMatchObject({
      commitment: round.commitment,
      entriesDigest: closed.entriesDigest,
      entries: list.entries,
      publicEntropy: 'after crash',
      auditHead: drawn.auditHead,
    });
  });
});
