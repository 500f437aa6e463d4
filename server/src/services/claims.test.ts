import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { createDrawcastService } from './drawcastService';
import { openServiceHarness, seededRandom, TEST_SECRET, type ServiceHarness } from './testHarness';

const harnesses: ServiceHarness[] = [];
afterEach(async () => {
  for (const h of harnesses.splice(0)) await h.cleanup();
});

const HOUR = 3_600_000;
const CONTACT = {
  recipient: '张伟',
  phone: '138 1234 5678',
  address: '北京市海淀区中关村大街 27 号 1101 室',
  city: '北京',
  postalCode: '100080',
};

function codeOf(p: Promise<unknown>): Promise<string> {
  return p.then(
    () => 'resolved',
    (e: { code: string; field?: string }) => `${e.code}:${e.field}`,
  );
}

/** An online event with a claim deadline, 6 phones, and a revealed 3-winner round. */
async function drawnEvent(seed = 'claims') {
  const h = await openServiceHarness(seed);
  harnesses.push(h);
  const deadline = h.clock.now() + 2 * HOUR;
  const event = await h.service.createEvent({
    title: 'Online draw',
    settings: {
      claimDeadline: deadline,
      collectShippingContact: true,
      streamDelayMs: 10_000,
      revealLeadMs: 0,
    },
  });
  await h.service.updateEvent(event.id, { status: 'open' });
  const prize = await h.service.addPrize(event.id, { name: 'Headphones', quantity: 3 });
  for (let i = 0; i < 6; i += 1) {
    await h.service.join({ joinCode: event.joinCode, nickname: `=cmd|${i}`, deviceToken: `device-${i}` });
  }
  const round = await h.service.createRound(event.id, { prizeId: prize.id, winners: 3 });
  const { round: drawn } = await h.service.drawRound(round.id);
  const device = async (participantId: string) => {
    for (let i = 0; i < 6; i += 1) {
      const p = await h.service.getParticipantByDevice(event.id, `device-${i}`);
      if (p?.id === participantId) return `device-${i}`;
    }
    throw new Error('no device');
  };
  const winners = drawn.winners?.map((w) => w.participantId) ?? [];
  return {
    h,
    event,
    prize,
    round: drawn,
    deadline,
    winners,
    winnerDevices: await Promise.all(winners.map(device)),
  };
}

describe('claims: codes, redeem once, contacts', () => {
  it('stores a claim per winner with the draw, and shows the code and QR to the winner only after the phone reveal', async () => {
    const { h, event, round, winners, winnerDevices } = await drawnEvent();
    const claims = await h.service.listClaims(event.id);
    expect(claims.map((c) => [c.participantId, c.place, c.status])).toEqual(
      winners.map((w, i) => [w, i + 1, 'pending']),
    );
    expect((await h.service.participantState(event.id, winnerDevices[0]!)).wins).toEqual([]);
    h.clock.advance(10_000);
    const state = await h.service.participantState(event.id, winnerDevices[0]!);
    expect(state.wins).toHaveLength(1);
    const claim = state.wins[0]!.claim!;
    expect(claim).toMatchObject({
      id: claims[0]!.id,
      status: 'pending',
      code: claims[0]!.code,
      displayCode: `${claims[0]!.code.slice(0, 5)}-${claims[0]!.code.slice(5)}`,
      deadline: h.clock.now() - 10_000 + 2 * HOUR,
      contactRequested: true,
      contact: null,
    });
    expect(claim.qrSvg).toMatch(/^<svg[\s\S]*<\/svg>\s*$/);
    expect(round.winners).toHaveLength(3);
  });

  it('redeems a code once; the second redeem says when and by whom; unknown and mistyped codes say so', async () => {
    const { h, event } = await drawnEvent();
    const [first] = await h.service.listClaims(event.id);
    h.clock.advance(60_000);
    const redeemed = await h.service.redeem(first!.displayCode.toLowerCase(), 'desk-2');
    expect(redeemed).toMatchObject({ status: 'redeemed', redeemedAt: h.clock.now(), redeemedBy: 'desk-2' });
    const when = new Date(h.clock.now()).toISOString();
    h.clock.advance(60_000);
    const again = await h.service.redeem(first!.code, 'desk-3').catch((e: Error & { code: string }) => e);
    expect(again).toMatchObject({ code: 'ALREADY_REDEEMED', field: 'code' });
    expect((again as Error).message).toContain(when);
    expect((again as Error).message).toContain('desk-2');
    const typo = first!.code.slice(0, -1) + (first!.code.endsWith('2') ? '3' : '2');
    expect(await codeOf(h.service.redeem(typo, 'desk-2'))).toBe('INVALID_CODE:code');
    expect(await codeOf(h.service.redeem('2222222222', 'desk-2'))).toMatch(
      /^(INVALID_CODE|CLAIM_NOT_FOUND):code$/,
    );
    expect(await codeOf(h.service.redeem(first!.code, ''))).toBe('VALIDATION_FAILED:staff');
    const audit = await h.service.listAudit(event.id, { limit: 1000 });
    expect(audit.filter((r) => r.action === 'claim.redeem')).toEqual([
      expect.objectContaining({
        actor: 'staff:desk-2',
        data: expect.objectContaining({ claimId: first!.id }),
      }),
    ]);
  });

  it('two desks racing on one code: exactly one redeems', async () => {
    const { h, event } = await drawnEvent();
    const [first] = await h.service.listClaims(event.id);
    const results = await Promise.allSettled([
      h.service.redeem(first!.code, 'a'),
      h.service.redeem(first!.code, 'b'),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(results.find((r) => r.status === 'rejected')).toMatchObject({
      reason: { code: 'ALREADY_REDEEMED' },
    });
  });

  it('keeps the shipping contact encrypted at rest, masked in staff lists, whole for shipping', async () => {
    const { h, event, winnerDevices } = await drawnEvent();
    const [first, second] = await h.service.listClaims(event.id);
    const submit = (device: string, claimId: string, contact: unknown) =>
      h.service.submitShippingContact({ eventId: event.id, deviceToken: device, claimId, contact });
    // Before the phone reveal the claim does not exist for the phone.
    expect(await codeOf(submit(winnerDevices[0]!, first!.id, CONTACT))).toBe('CLAIM_NOT_FOUND:claimId');
    h.clock.advance(10_000);
    expect(await codeOf(submit(winnerDevices[1]!, first!.id, CONTACT))).toBe('CLAIM_NOT_FOUND:claimId');
    expect(await codeOf(submit(winnerDevices[0]!, first!.id, { ...CONTACT, recipient: ' ' }))).toBe(
      'VALIDATION_FAILED:shippingContact.recipient',
    );
    expect(await codeOf(submit(winnerDevices[0]!, first!.id, { ...CONTACT, phone: 'call me' }))).toBe(
      'INVALID_PHONE:shippingContact.phone',
    );
    expect(await codeOf(submit(winnerDevices[0]!, first!.id, { ...CONTACT, extra: 1 }))).toMatch(
      /^VALIDATION_FAILED/,
    );
    const view = await submit(winnerDevices[0]!, first!.id, CONTACT);
    expect(view.contact).toEqual({
      recipient: '张*',
      phone: '138****5678',
      address: '北京市海淀区********',
      city: '北京',
    });
    const staffList = await h.service.listClaims(event.id);
    expect(staffList[0]!.contact).toEqual(view.contact);
    expect(staffList[1]!.contact).toBeNull();
    expect(await h.service.getShippingContact(first!.id)).toEqual({ ...CONTACT, phone: '13812345678' });
    expect(await h.service.getShippingContact(second!.id)).toBeNull();
    // Neither the database nor its WAL holds the address or phone in clear.
    await h.store.close();
    const bytes = Buffer.concat([readFileSync(h.file), readFileSync(`${h.file}-wal`, { flag: 'a+' })]);
    expect(bytes.includes(Buffer.from('中关村大街'))).toBe(false);
    expect(bytes.includes(Buffer.from('13812345678'))).toBe(false);
  });

  it('refuses contacts when the event does not ship or the server has no key', async () => {
    const { h, event, winnerDevices } = await drawnEvent();
    h.clock.advance(10_000);
    const [first] = await h.service.listClaims(event.id);
    const noKey = createDrawcastService({
      store: h.store,
      clock: h.clock,
      random: seededRandom('k'),
      secret: TEST_SECRET,
    });
    const input = { eventId: event.id, deviceToken: winnerDevices[0]!, claimId: first!.id, contact: CONTACT };
    expect(await codeOf(noKey.submitShippingContact(input))).toBe('INTERNAL:shippingContact');
    await h.service.updateEvent(event.id, { settings: { collectShippingContact: false } });
    expect(await codeOf(h.service.submitShippingContact(input))).toBe('CONFLICT:shippingContact');
    expect((await h.service.listClaims(event.id))[0]!.contact).toBeNull();
  });
});

describe('forfeits', () => {
  it('a no-show forfeits at once and frees a prize unit; the winner is told; redeem then says forfeited', async () => {
    const { h, event, prize, winnerDevices } = await drawnEvent();
    h.clock.advance(10_000);
    const [first, second] = await h.service.listClaims(event.id);
    expect(await codeOf(h.service.forfeit(first!.id, 'deadline'))).toBe('DEADLINE_NOT_REACHED:reason');
    expect(await codeOf(h.service.forfeit(first!.id, 'lost' as never))).toBe('VALIDATION_FAILED:reason');
    const result = await h.service.forfeit(first!.code, 'no_show');
    expect(result).toMatchObject({
      participantId: first!.participantId,
      eventId: event.id,
      reason: 'no_show',
    });
    expect(result.claim).toMatchObject({
      status: 'forfeited',
      forfeitReason: 'no_show',
      forfeitedAt: h.clock.now(),
    });
    expect((await h.service.getPrize(prize.id)).awarded).toBe(2);
    const told = (await h.service.participantState(event.id, winnerDevices[0]!)).wins[0]!.claim;
    expect(told).toMatchObject({ status: 'forfeited', forfeitReason: 'no_show', code: null, qrSvg: null });
    expect(await codeOf(h.service.redeem(first!.code, 'desk'))).toBe('CLAIM_FORFEITED:code');
    expect(await codeOf(h.service.forfeit(first!.id, 'no_show'))).toBe('CLAIM_FORFEITED:code');
    await h.service.redeem(second!.code, 'desk');
    expect(await codeOf(h.service.forfeit(second!.id, 'no_show'))).toBe('ALREADY_REDEEMED:code');
    expect(await codeOf(h.service.forfeit('clm_AAAAAAAAAAAAAAAA', 'no_show'))).toBe(
      'CLAIM_NOT_FOUND:claimId',
    );
  });

  it('the deadline sweep forfeits every pending claim once the deadline passes; late redeems are refused', async () => {
    const { h, event, prize, deadline, winnerDevices } = await drawnEvent();
    const [first, second, third] = await h.service.listClaims(event.id);
    await h.service.redeem(first!.code, 'desk');
    expect(await h.service.sweepClaimDeadlines()).toEqual([]);
    h.clock.current = deadline;
    // Past the deadline the phone no longer shows a code, even before the sweep has run.
    const late = (await h.service.participantState(event.id, winnerDevices[1]!)).wins[0]!.claim;
    expect(late).toMatchObject({
      id: second!.id,
      status: 'pending',
      code: null,
      qrSvg: null,
      contactRequested: false,
    });
    expect(await codeOf(h.service.redeem(second!.code, 'desk'))).toBe('CLAIM_FORFEITED:code');
    const swept = await h.service.sweepClaimDeadlines(event.id);
    expect(swept.map((s) => [s.claim.id, s.reason])).toEqual([
      [second!.id, 'deadline'],
      [third!.id, 'deadline'],
    ]);
    expect(await h.service.sweepClaimDeadlines()).toEqual([]);
    expect((await h.service.getPrize(prize.id)).awarded).toBe(1);
    const audit = await h.service.listAudit(event.id, { limit: 1000 });
    expect(audit.filter((r) => r.action === 'claim.forfeit').map((r) => r.actor)).toEqual([
      'system',
      'system',
    ]);
  });
});
