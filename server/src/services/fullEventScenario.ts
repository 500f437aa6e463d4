// Test support: one event that uses every issue-#4 feature, built through the service as a host would.
import type { ServiceHarness } from './testHarness';
import type { DrawEvent } from '../domain/types';
import type { RoundView } from './types';

/** What the scenario made, for the tests to check. */
export interface FullEvent {
  event: DrawEvent;
  revealed: RoundView[];
  /** Committed, not drawn: one with public entropy set, one without. */
  undrawn: RoundView[];
  /** Device tokens of phones that joined or linked by check-in. */
  devices: string[];
  /** The claim whose winner gave a shipping contact. */
  contactClaimId: string;
}

const LIST = [
  'name,工号,手机',
  '欧阳娜娜,E001,13800000001',
  '王伟,E002,13800000002',
  '=SUM(A1:A9),E003,',
  '李静,E004,',
  '张强,E005,13800000005',
  '陈杰,E006,',
  '赵敏,E007,',
  '孙磊,E008,',
].join('\n');

/** Bonus, import, check-in (phone and desk), rounds (one check-in-only), redeem, contact, forfeit, redraw. */
export async function runFullEvent(h: Pick<ServiceHarness, 'service' | 'clock'>): Promise<FullEvent> {
  const { service, clock } = h;
  const T0 = clock.now();
  const event = await service.createEvent({
    title: '2026 年会',
    settings: {
      revealLeadMs: 0,
      collectShippingContact: true,
      claimDeadline: T0 + 86_400_000,
      bonus: {
        referral: { enabled: true, ticketsPerFriend: 2, maxBonus: 4 },
        earlyBird: { enabled: true, before: T0 + 1_000, tickets: 1 },
      },
    },
  });
  await service.updateEvent(event.id, { status: 'open' });
  const first = await service.addPrize(event.id, { name: '一等奖', quantity: 3 });
  const second = await service.addPrize(event.id, { name: '二等奖', quantity: 10 });
  await service.importPeople(event.id, { buffer: Buffer.from(`\uFEFF${LIST}\n`) }, '名单.csv');
  const people = await service.listPeople(event.id);

  const devices: string[] = [];
  let ref: string | undefined;
  for (let i = 0; i < 6; i += 1) {
    clock.advance(300);
    const deviceToken = `phone-device-${i}`;
    const joined = await service.join({
      joinCode: event.joinCode,
      nickname: ['Ann', '小明', '@home', 'Zoë', '+1 guy', 'Bo'][i]!,
      deviceToken,
      ...(i === 1 && { phone: '139 0000 1111' }),
      ...(ref !== undefined && { ref }),
    });
    ref ??= joined.participant.shareCode ?? undefined;
    devices.push(deviceToken);
  }
  for (const [i, person] of people.slice(0, 2).entries()) {
    await service.checkIn({ token: person.checkinToken, deviceToken: `linked-device-${i}` });
    devices.push(`linked-device-${i}`);
  }
  for (const person of people.slice(2, 5))
    await service.checkIn({ token: person.checkinToken, staff: '前台' });

  const r1 = await service.createRound(event.id, { prizeId: second.id, winners: 3 });
  await service.closeEntries(r1.id);
  await service.setPublicEntropy(r1.id, 'beacon r1');
  await service.drawRound(r1.id);
  const r2 = await service.createRound(event.id, { prizeId: first.id, winners: 2, checkedInOnly: true });
  await service.drawRound(r2.id);
  clock.advance(1);

  const claims = await service.listClaims(event.id);
  await service.redeem(claims[0]!.code, 'desk-1');
  let contactClaimId = '';
  for (const claim of claims) {
    const state = await Promise.all(
      devices.map((d) => service.participantState(event.id, d).catch(() => null)),
    );
    const device = devices[state.findIndex((s) => s?.participant.id === claim.participantId)];
    if (device === undefined || claim.status !== 'pending' || claim.id === claims[0]!.id) continue;
    await service.submitShippingContact({
      eventId: event.id,
      deviceToken: device,
      claimId: claim.id,
      contact: { recipient: '收件人', phone: '13700000000', address: '上海市浦东新区世纪大道 100 号' },
    });
    contactClaimId = claim.id;
    break;
  }
  const lost = claims.find((c) => c.roundId === r1.id && c.place === 3)!;
  await service.forfeit(lost.id, 'no_show');
  const redraw = await service.redraw(lost.id);
  await service.closeEntries(redraw.id);
  await service.setPublicEntropy(redraw.id, 'redraw beacon');
  await service.drawRound(redraw.id);
  clock.advance(1);

  const pending = await service.createRound(event.id, { prizeId: second.id, winners: 2 });
  await service.closeEntries(pending.id);
  await service.setPublicEntropy(pending.id, 'later beacon');
  const bare = await service.createRound(event.id, {
    prizeId: second.id,
    winners: 1,
    excludePreviousWinners: false,
  });
  return {
    event,
    revealed: [
      await service.getRound(r1.id),
      await service.getRound(r2.id),
      await service.getRound(redraw.id),
    ],
    undrawn: [await service.getRound(pending.id), await service.getRound(bare.id)],
    devices,
    contactClaimId,
  };
}
