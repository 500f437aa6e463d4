import pino from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import type { RevealDue } from '../domain/revealDues';
import { openServiceHarness, type ServiceHarness } from '../services/testHarness';
import { isDrawn } from './mappers/roundMapper';
import type { DrawnRoundView } from './mappers/roundMapper';
import { RevealScheduler } from './revealScheduler';

const logger = pino({ level: 'silent' });
const realClock = { now: () => Date.now() };
const harnesses: ServiceHarness[] = [];
const schedulers: RevealScheduler[] = [];
afterEach(async () => {
  for (const s of schedulers.splice(0)) s.close();
  for (const h of harnesses.splice(0)) await h.cleanup();
});

/** A drawn round (real SQLite) whose audience release and phone reveal are `releaseMs` / `revealMs` ahead. */
async function drawnRound(releaseMs: number, revealMs: number) {
  const h = await openServiceHarness('reveal-scheduler');
  harnesses.push(h);
  h.clock.current = Date.now();
  const lead = revealMs - releaseMs;
  const event = await h.service.createEvent({
    title: 'Schedule',
    settings: { revealLeadMs: lead, streamDelayMs: revealMs - lead },
  });
  await h.service.updateEvent(event.id, { status: 'open' });
  const prize = await h.service.addPrize(event.id, { name: 'Mug', quantity: 1 });
  await h.service.join({ joinCode: event.joinCode, nickname: 'a', deviceToken: 'device-a' });
  const round = await h.service.createRound(event.id, { prizeId: prize.id, winners: 1 });
  h.clock.current = Date.now(); // the draw happens now, whatever the setup cost on a busy machine
  const { round: drawn } = await h.service.drawRound(round.id);
  if (!isDrawn(drawn)) throw new Error('not drawn');
  return { h, round: drawn };
}

function recordingScheduler(
  h: ServiceHarness,
  log: Array<{ due: RevealDue; at: number }>,
  localDelivery = false,
) {
  const s = new RevealScheduler({
    store: h.store,
    clock: realClock,
    logger,
    claimLeadMs: 50,
    localDelivery,
    deliver: (due) => void log.push({ due, at: Date.now() }),
  });
  schedulers.push(s);
  return s;
}

function waitFor(check: () => boolean): Promise<void> {
  return new Promise((resolve) => {
    const poll = () => (check() ? resolve() : setImmediate(poll));
    poll();
  });
}

describe('RevealScheduler', () => {
  it('sends each part once, in order, never before it is due, and stores that it was sent', async () => {
    const { h, round } = await drawnRound(300, 600);
    const log: Array<{ due: RevealDue; at: number }> = [];
    const s = recordingScheduler(h, log);
    s.plan(round);
    s.plan(round);
    expect(s.pendingCount('audience')).toBe(1);
    await waitFor(() => log.length === 3);
    expect(log.map((l) => l.due.kind)).toEqual(['stage', 'audience', 'winners']);
    expect(log[1]!.at).toBeGreaterThanOrEqual(round.phoneRevealAt - 300);
    expect(log[2]!.at).toBeGreaterThanOrEqual(round.phoneRevealAt);
    // Not early is exact; not late is loose here (busy CI machines), the 500-winner test bounds it.
    for (const l of log) expect(l.at - l.due.dueAt).toBeLessThan(1000);
    expect(await h.store.listPendingRevealDues()).toEqual([]);
    expect(s.hasSent(round.id, 'winners')).toBe(true);
  });

  it('after a restart sends only what was not sent yet', async () => {
    const { h, round } = await drawnRound(100, 700);
    const before: Array<{ due: RevealDue; at: number }> = [];
    const first = recordingScheduler(h, before);
    first.plan(round);
    await waitFor(() => before.length === 2);
    first.close(); // the process dies with the winners' notices still ahead

    const after: Array<{ due: RevealDue; at: number }> = [];
    const second = recordingScheduler(h, after);
    expect(await second.rearm([round as DrawnRoundView])).toBe(0);
    expect(second.pendingCount('winners')).toBe(1);
    await waitFor(() => after.length === 1);
    expect(after.map((l) => l.due.kind)).toEqual(['winners']);
    expect(after[0]!.at).toBeGreaterThanOrEqual(round.phoneRevealAt);
  });

  it('two nodes sharing one store send each part once between them', async () => {
    const { h, round } = await drawnRound(150, 300);
    const log: Array<{ due: RevealDue; at: number }> = [];
    const a = recordingScheduler(h, log);
    const b = recordingScheduler(h, log);
    // Node a drew the round; node b starts meanwhile and re-arms everything not yet sent.
    a.plan(round);
    await b.rearm([round]);
    await waitFor(() => !a.pendingCount('winners') && !b.pendingCount('winners') && log.length >= 3);
    await new Promise((r) => setTimeout(r, 50));
    expect(log.map((l) => l.due.kind).sort()).toEqual(['audience', 'stage', 'winners']);
  });

  it('local delivery (several nodes): every node sends each part once to its own sockets; a restart sends nothing again', async () => {
    const { h, round } = await drawnRound(150, 300);
    const onA: Array<{ due: RevealDue; at: number }> = [];
    const onB: Array<{ due: RevealDue; at: number }> = [];
    const a = recordingScheduler(h, onA, true);
    const b = recordingScheduler(h, onB, true);
    a.plan(round); // node a drew the round
    b.plan(round); // node b hears of it from the database, twice (NOTIFY and the draw-clock poll)
    b.plan(round);
    await waitFor(() => onA.length >= 3 && onB.length >= 3);
    expect(onA.map((l) => l.due.kind)).toEqual(['stage', 'audience', 'winners']);
    expect(onB.map((l) => l.due.kind)).toEqual(['stage', 'audience', 'winners']);
    expect(a.pendingCount('winners') + b.pendingCount('winners')).toBe(0);
    // The store recorded every part as sent, so a restarted node re-arms none of them.
    expect(await h.store.listPendingRevealDues()).toEqual([]);
    const restarted = recordingScheduler(h, [], true);
    await restarted.rearm([round]);
    expect(restarted.pendingCount('audience') + restarted.pendingCount('winners')).toBe(0);
  });
});
