// kill -9 at awkward moments: no acked join and no revealed winner is lost; a committed round still draws.
import { rmSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { PROTOCOL_VERSION, verifyProof } from '@drawcast/shared';
import type { EventDto, RoundDto } from '@drawcast/shared';
import { kill9, startChildServer } from './child-server';
import type { ChildServer as Child } from './child-server';
import { apiCall, deviceToken, okData, openClient, tempDataDir, waitConnected } from './harness';
import type { Client } from './harness';

const TOKEN = 'crash-test-host-token-0123456789';

/** Starts `server/src/index.ts` in its own process over dataDir (the shared child-server helper). */
const startChild = (dataDir: string): Promise<Child> => startChildServer(dataDir, TOKEN);

describe('kill -9 recovery', () => {
  const dataDir = tempDataDir();
  const children: Child[] = [];
  const sockets: Client[] = [];
  afterAll(() => {
    for (const s of sockets) s.disconnect();
    for (const c of children) if (c.proc.exitCode === null) c.proc.kill('SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
  });

  const start = async () => {
    const child = await startChild(dataDir);
    children.push(child);
    return child;
  };
  const api = <T>(c: Child, method: string, route: string, body?: unknown) =>
    apiCall<T>(c.url, method, route, body, TOKEN);
  const connect = async (c: Child) => {
    const s = openClient(c.url, { protocolVersion: PROTOCOL_VERSION });
    sockets.push(s);
    await waitConnected(s);
    return s;
  };

  it('keeps every acked join and the committed round across a SIGKILL mid-joins, and a revealed draw too', async () => {
    let child = await start();
    const event = (
      await api<EventDto>(child, 'POST', '/api/events', { title: 'Crash', settings: { revealLeadMs: 0 } })
    ).body;
    await api(child, 'POST', `/api/events/${event.id}/open`);
    const prize = (
      await api<{ id: string }>(child, 'POST', `/api/events/${event.id}/prizes`, { name: 'TV', quantity: 5 })
    ).body;
    const round = (
      await api<RoundDto>(child, 'POST', `/api/events/${event.id}/rounds`, { prizeId: prize.id, winners: 3 })
    ).body;

    // 60 joins in flight; SIGKILL as soon as 30 are acked.
    const phones = await Promise.all(Array.from({ length: 6 }, () => connect(child)));
    const acked = new Map<string, string>(); // participantId → device token
    const tokens = Array.from({ length: 60 }, deviceToken);
    let killed: Promise<void> | null = null;
    await new Promise<void>((resolve) => {
      tokens.forEach((token, i) => {
        phones[i % phones.length]!.emitWithAck('event:join', {
          joinCode: event.joinCode,
          nickname: `N${i}`,
          deviceToken: token,
        })
          .then((ack) => {
            if (ack.ok && !killed) acked.set(ack.data.participantId, token);
            if (acked.size === 30 && !killed) {
              killed = kill9(child);
              void killed.then(resolve);
            }
          })
          .catch(() => undefined); // in-flight joins die with the process
      });
    });
    expect(acked.size).toBeGreaterThanOrEqual(30);

    child = await start();
    const people = await api<{ total: number; participants: Array<{ id: string }> }>(
      child,
      'GET',
      `/api/events/${event.id}/participants?limit=1000`,
    );
    const stored = new Set(people.body.participants.map((p) => p.id));
    for (const id of acked.keys()) expect(stored.has(id)).toBe(true);
    // Re-joining from an acked device returns the same entry.
    const [firstId, firstToken] = [...acked.entries()][0]!;
    const again = await connect(child);
    const rejoin = okData(
      await again.emitWithAck('event:join', {
        joinCode: event.joinCode,
        nickname: 'x',
        deviceToken: firstToken,
      }),
    );
    expect(rejoin).toMatchObject({ participantId: firstId, created: false });

    // The committed round survived with its commitment and draws; the proof matches that commitment.
    const before = (await api<RoundDto>(child, 'GET', `/api/rounds/${round.id}`)).body;
    expect(before).toMatchObject({ status: 'committed', commitment: round.commitment });
    const drawn = (await api<RoundDto>(child, 'POST', `/api/rounds/${round.id}/draw`)).body;
    expect(drawn.winners).toHaveLength(3);

    // SIGKILL right after the draw ack: the revealed winners persist.
    await kill9(child);
    child = await start();
    const after = (await api<RoundDto>(child, 'GET', `/api/rounds/${round.id}`)).body;
    expect(after.status).toBe('drawn');
    expect(after.winners).toEqual(drawn.winners);
    const proof = await apiCall<{ commitment: string; winners: string[]; entries: Array<{ id: string }> }>(
      child.url,
      'GET',
      `/api/rounds/${round.id}/proof`,
    );
    expect(verifyProof(proof.body)).toMatchObject({ ok: true });
    expect(proof.body.commitment).toBe(round.commitment);
    expect(proof.body.winners).toEqual(drawn.winners!.map((w) => w.participantId));
    expect(proof.body.entries.map((e) => e.id).sort()).toEqual([...stored].sort());

    // Every winner's phone finds its win after the restart. A winner may be a join that was written but
    // never acked (the kill cut its ack), so map each of the 60 device tokens to its stored entry first.
    const s = await connect(child);
    const tokenOf = new Map<string, string>(); // participantId → device token, for every stored entry
    for (const token of tokens) {
      const state = await s.emitWithAck('participant:state', { eventId: event.id, deviceToken: token });
      if (state.ok) tokenOf.set(state.data.participant.id, token);
    }
    expect([...tokenOf.keys()].sort()).toEqual([...stored].sort());
    for (const winner of drawn.winners!) {
      const token = tokenOf.get(winner.participantId);
      expect(token).toBeDefined();
      const state = okData(
        await s.emitWithAck('participant:state', { eventId: event.id, deviceToken: token! }),
      );
      expect(state.wins.map((w) => w.roundId)).toEqual([round.id]);
    }
    await kill9(child);
  });
});
