import { afterEach, describe, expect, it } from 'vitest';
import { DrawcastError } from '@drawcast/shared';
import { openServiceHarness, type ServiceHarness } from './testHarness';
import type { DrawcastService } from './types';

const harnesses: ServiceHarness[] = [];
afterEach(async () => {
  for (const h of harnesses.splice(0)) await h.cleanup();
});

/** Everything the store holds for the events, seeds and hashes included. */
async function snapshot(h: ServiceHarness): Promise<string> {
  const events = await h.store.listEvents();
  const parts = [];
  for (const event of events) {
    parts.push({
      event,
      prizes: await h.store.listPrizes(event.id),
      rounds: await h.store.listRounds(event.id),
      participants: await h.store.listParticipants(event.id, { offset: 0, limit: 10_000 }),
      counts: await h.store.weightCounts(event.id, { excludeWinners: false }),
    });
  }
  return JSON.stringify(parts);
}

describe('DrawcastService bad input', () => {
  it('every bad call gets a typed error naming the field and changes nothing', async () => {
    const h = await openServiceHarness('bad-input');
    harnesses.push(h);
    const s: DrawcastService = h.service;
    const event = await s.createEvent({ title: 'Event', settings: { requirePhone: true } });
    await s.updateEvent(event.id, { status: 'open' });
    const prize = await s.addPrize(event.id, { name: 'Prize', quantity: 5 });
    const other = await s.createEvent({ title: 'Other' });
    const otherPrize = await s.addPrize(other.id, { name: 'Other prize', quantity: 3 });
    await s.join({
      joinCode: event.joinCode,
      nickname: 'Ann',
      deviceToken: 'device-ann-1',
      phone: '138 1234 5678',
    });
    await s.join({
      joinCode: event.joinCode,
      nickname: 'Bob',
      deviceToken: 'device-bob-1',
      phone: '13900000000',
    });
    const round = await s.createRound(event.id, { prizeId: prize.id, winners: 1 });
    const big = await s.createRound(event.id, { prizeId: prize.id, winners: 3 });
    const before = await snapshot(h);

    const join = (patch: Record<string, unknown>) =>
      s.join({
        joinCode: event.joinCode,
        nickname: 'Cid',
        deviceToken: 'device-cid-1',
        phone: '13700000000',
        ...patch,
      } as never);
    const cases: [string, () => Promise<unknown>][] = [
      ['VALIDATION_FAILED:title', () => s.createEvent({ title: '' })],
      ['VALIDATION_FAILED:title', () => s.createEvent({ title: 5 } as never)],
      ['VALIDATION_FAILED:event', () => s.createEvent(null as never)],
      [
        'VALIDATION_FAILED:settings.streamDelayMs',
        () => s.createEvent({ title: 'x', settings: { streamDelayMs: 60_001 } }),
      ],
      [
        'VALIDATION_FAILED:settings.unknown',
        () => s.createEvent({ title: 'x', settings: { unknown: 1 } as never }),
      ],
      ['EVENT_NOT_FOUND:eventId', () => s.getEvent('evt_AAAAAAAAAAAAAAAA')],
      ['EVENT_NOT_FOUND:eventId', () => s.getEvent({} as never)],
      ['VALIDATION_FAILED:joinCode', () => s.getEventByJoinCode('O0O0O0')],
      ['EVENT_NOT_FOUND:joinCode', () => s.getEventByJoinCode('ZZZZZZ')],
      ['CONFLICT:status', () => s.updateEvent(event.id, { status: 'draft' })],
      ['VALIDATION_FAILED:status', () => s.updateEvent(event.id, { status: 'paused' as never })],
      ['VALIDATION_FAILED:title', () => s.updateEvent(event.id, { title: '\u0007bell' })],
      ['VALIDATION_FAILED:joinCode', () => s.updateEvent(event.id, { joinCode: 'AAAAAA' } as never)],
      [
        'VALIDATION_FAILED:settings.revealLeadMs',
        () => s.updateEvent(event.id, { title: 'ok', settings: { revealLeadMs: -1 } }),
      ],
      ['VALIDATION_FAILED:quantity', () => s.addPrize(event.id, { name: 'x', quantity: 0 })],
      ['VALIDATION_FAILED:name', () => s.addPrize(event.id, { name: ' ', quantity: 1 })],
      [
        'VALIDATION_FAILED:imageUrl',
        () => s.addPrize(event.id, { name: 'x', quantity: 1, imageUrl: 'javascript:alert(1)' }),
      ],
      ['EVENT_NOT_FOUND:eventId', () => s.addPrize('evt_AAAAAAAAAAAAAAAA', { name: 'x', quantity: 1 })],
      ['VALIDATION_FAILED:joinCode', () => join({ joinCode: 'nope' })],
      ['EVENT_NOT_FOUND:joinCode', () => join({ joinCode: 'ZZZZZZ' })],
      ['INVALID_NICKNAME:nickname', () => join({ nickname: '' })],
      ['INVALID_NICKNAME:nickname', () => join({ nickname: 'x'.repeat(25) })],
      ['INVALID_NICKNAME:nickname', () => join({ nickname: 'a\u0000b' })],
      ['INVALID_NICKNAME:nickname', () => join({ nickname: ['array'] })],
      ['VALIDATION_FAILED:deviceToken', () => join({ deviceToken: 'short' })],
      ['VALIDATION_FAILED:deviceToken', () => join({ deviceToken: 12345678 })],
      ['INVALID_PHONE:phone', () => join({ phone: 'call me' })],
      ['PHONE_REQUIRED:phone', () => join({ phone: undefined })],
      ['CONFLICT:phone', () => join({ phone: '138-1234-5678' })],
      ['VALIDATION_FAILED:join', () => s.join(null as never)],
      ['VALIDATION_FAILED:winners', () => s.createRound(event.id, { prizeId: prize.id, winners: 0 })],
      ['VALIDATION_FAILED:winners', () => s.createRound(event.id, { prizeId: prize.id, winners: 1.5 })],
      [
        'VALIDATION_FAILED:winners',
        () => s.createRound(event.id, { prizeId: prize.id, winners: '1' as never }),
      ],
      ['PRIZE_EXHAUSTED:winners', () => s.createRound(event.id, { prizeId: prize.id, winners: 2 })],
      ['PRIZE_NOT_FOUND:prizeId', () => s.createRound(event.id, { prizeId: otherPrize.id, winners: 1 })],
      [
        'PRIZE_NOT_FOUND:prizeId',
        () => s.createRound(event.id, { prizeId: 'prz_AAAAAAAAAAAAAAAA', winners: 1 }),
      ],
      [
        'VALIDATION_FAILED:blocklist',
        () => s.createRound(event.id, { prizeId: prize.id, winners: 1, blocklist: 'p_x' as never }),
      ],
      [
        'VALIDATION_FAILED:excludePreviousWinners',
        () =>
          s.createRound(event.id, { prizeId: prize.id, winners: 1, excludePreviousWinners: 'no' as never }),
      ],
      [
        'EVENT_NOT_FOUND:eventId',
        () => s.createRound('evt_AAAAAAAAAAAAAAAA', { prizeId: prize.id, winners: 1 }),
      ],
      ['VALIDATION_FAILED:publicEntropy', () => s.setPublicEntropy(round.id, 42 as never)],
      ['VALIDATION_FAILED:publicEntropy', () => s.setPublicEntropy(round.id, 'half \uD83D')],
      ['ROUND_NOT_FOUND:roundId', () => s.setPublicEntropy('rnd_AAAAAAAAAAAAAAAA', 'x')],
      ['ROUND_NOT_FOUND:roundId', () => s.drawRound('rnd_AAAAAAAAAAAAAAAA')],
      ['ROUND_NOT_FOUND:roundId', () => s.drawRound(123 as never)],
      ['NOT_ENOUGH_ENTRIES:winners', () => s.drawRound(big.id)],
      ['ROUND_NOT_FOUND:roundId', () => s.getProof('../../etc/passwd')],
      ['ROUND_NOT_FOUND:roundId', () => s.roundAggregate('rnd_AAAAAAAAAAAAAAAA')],
      ['PARTICIPANT_NOT_FOUND:deviceToken', () => s.participantState(event.id, 'device-unknown-1')],
      ['VALIDATION_FAILED:limit', () => s.listParticipants(event.id, { limit: 0 })],
      ['VALIDATION_FAILED:offset', () => s.listParticipants(event.id, { offset: -1 })],
    ];
    const outcomes: string[] = [];
    for (const [, call] of cases) {
      try {
        await call();
        outcomes.push('resolved');
      } catch (error) {
        outcomes.push(
          error instanceof DrawcastError ? `${error.code}:${error.field}` : `untyped ${String(error)}`,
        );
      }
    }
    expect(outcomes).toEqual(cases.map(([expected]) => expected));
    expect(await snapshot(h)).toBe(before);
  });
});
