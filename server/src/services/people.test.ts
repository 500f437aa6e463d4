import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach, describe, expect, it } from 'vitest';
import { verifyProof } from '@drawcast/shared';
import { openServiceHarness, type ServiceHarness } from './testHarness';
import type { ImportProgress, RevealedProofDocument } from './types';

const harnesses: ServiceHarness[] = [];
afterEach(async () => {
  for (const h of harnesses.splice(0)) await h.cleanup();
});

async function harness(): Promise<ServiceHarness> {
  const h = await openServiceHarness('people');
  harnesses.push(h);
  return h;
}

const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗';
const GIVEN = '伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超霞';
const chineseName = (i: number) =>
  SURNAMES[i % SURNAMES.length]! + GIVEN[Math.floor(i / 20) % GIVEN.length]! + GIVEN[(i * 7) % GIVEN.length]!;

async function openEvent(h: ServiceHarness) {
  const event = await h.service.createEvent({ title: '年会抽奖', settings: { revealLeadMs: 0 } });
  await h.service.updateEvent(event.id, { status: 'open' });
  const prize = await h.service.addPrize(event.id, { name: '一等奖', quantity: 5 });
  return { event, prize };
}

describe('imported lists (real files, real SQLite)', () => {
  it('imports a 100,000-row XLSX end to end, all or nothing, with progress and a row-by-row report', async () => {
    const h = await harness();
    const { event } = await openEvent(h);
    const N = 100_000;
    const file = join(h.dir, '员工名单.xlsx');
    const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
      filename: file,
      useSharedStrings: true,
      useStyles: false,
    });
    const sheet = workbook.addWorksheet('名单');
    sheet.addRow(['姓名', '工号', '手机']).commit();
    for (let i = 0; i < N; i++) {
      const name = i === 500 ? '' : chineseName(i);
      const id = i === 70_000 ? 'E0000009' : `E${String(i).padStart(7, '0')}`;
      sheet.addRow([name, id, 13_000_000_000 + i]).commit();
    }
    sheet.commit();
    await workbook.commit();

    const progress: ImportProgress[] = [];
    const started = performance.now();
    const result = await h.service.importPeople(event.id, { path: file }, '员工名单.xlsx', {
      onProgress: (p) => progress.push(p),
    });
    const ms = performance.now() - started;
    console.log(`100,000-row XLSX import into SQLite: ${ms.toFixed(0)} ms`);
    expect(result).toMatchObject({ format: 'xlsx', filename: '员工名单.xlsx', total: N, imported: N - 2 });
    expect(result.rejected.map((r) => [r.row, r.code, r.field])).toEqual([
      [502, 'VALIDATION_FAILED', 'name'],
      [70_002, 'DUPLICATE_ROW', 'employeeId'],
    ]);
    expect(progress.filter((p) => p.phase === 'reading').length).toBeGreaterThan(50);
    expect(progress.at(-1)).toEqual({ phase: 'done', rows: N - 2, total: N });
    expect(await h.service.countParticipants(event.id)).toBe(N - 2);
    expect(await h.service.currentAggregate(event.id)).toBeNull();

    const people = await h.service.listPeople(event.id, { offset: 0, limit: 2 });
    expect(people[0]).toMatchObject({
      row: 2,
      name: chineseName(0),
      nickname: chineseName(0),
      masked: { employeeId: 'E0****00', phone: '130****0000' },
      checkedInAt: null,
      deviceLinked: false,
    });
    expect(people[0]?.checkinToken).toMatch(/^[2-9A-Z]{16}$/);
    // Identifiers are kept only hashed and masked: the database file never holds them in clear.
    const raw = await h.store.listParticipants(event.id, { offset: 0, limit: 1 });
    expect(JSON.stringify(raw)).not.toContain('E0000000');

    // Importing overlapping rows again skips exactly the people already imported.
    const again = join(h.dir, 'again.csv');
    await writeFile(again, '\uFEFF姓名,工号\n新人,X0001\n重复,e0000001\n');
    const second = await h.service.importPeople(event.id, { path: again }, 'again.csv');
    expect(second).toMatchObject({ total: 2, imported: 1, format: 'csv' });
    expect(second.rejected).toEqual([
      {
        row: 3,
        field: 'employeeId',
        code: 'DUPLICATE_ROW',
        reason: 'employeeId was already imported into this event',
      },
    ]);
    const audit = await h.service.listAudit(event.id, { limit: 1000 });
    expect(audit.filter((r) => r.action === 'people.import').map((r) => r.data)).toMatchObject([
      { filename: '员工名单.xlsx', inserted: N - 2, total: N },
      { filename: 'again.csv', inserted: 1, duplicates: 1 },
    ]);
    // Generous: the rows are now written in slices that let the event loop run (slower in total), and
    // this machine is shared; speed is measured by `npm run bench`, not here.
  }, 240_000);

  it('refuses a bad file whole and changes nothing', async () => {
    const h = await harness();
    const { event } = await openEvent(h);
    await expect(
      h.service.importPeople(event.id, { buffer: Buffer.from('') }, 'empty.csv'),
    ).rejects.toMatchObject({ code: 'EMPTY_FILE', field: 'file' });
    await expect(
      h.service.importPeople(event.id, { buffer: Buffer.from('foo,bar\n1,2\n') }, 'cols.csv'),
    ).rejects.toMatchObject({ code: 'MISSING_COLUMN' });
    await expect(
      h.service.importPeople(event.id, { buffer: Buffer.from('name\nA\n') }, ''),
    ).rejects.toMatchObject({ code: 'VALIDATION_FAILED', field: 'filename' });
    await expect(
      h.service.importPeople('evt_nonexistent00000', { buffer: Buffer.from('name\nA\n') }, 'a.csv'),
    ).rejects.toMatchObject({ code: 'EVENT_NOT_FOUND' });
    expect(await h.service.countParticipants(event.id)).toBe(0);
    expect((await h.service.listAudit(event.id)).map((r) => r.action)).not.toContain('people.import');
  });
});

describe('check-in and check-in-only rounds', () => {
  async function imported(h: ServiceHarness) {
    const base = await openEvent(h);
    const csv = 'name,employee id\nAnn,E1\nBo,E2\nCy,E3\nDi,E4\nEd,E5\n';
    await h.service.importPeople(base.event.id, { buffer: Buffer.from(csv) }, 'staff.csv');
    const people = await h.service.listPeople(base.event.id);
    const walkIn = await h.service.join({
      joinCode: base.event.joinCode,
      nickname: 'Walk-in',
      deviceToken: 'walk-in-phone',
    });
    return { ...base, people, walkIn };
  }

  it('a phone scanning its own QR checks in and becomes that entry; staff check in the rest; repeats are harmless', async () => {
    const h = await harness();
    const { event, people, walkIn } = await imported(h);
    const [ann, bo, cy] = people as [(typeof people)[0], (typeof people)[0], (typeof people)[0]];
    h.clock.advance(1_000);
    const phone = await h.service.checkIn({
      token: ann.checkinToken.toLowerCase(),
      deviceToken: 'anns-phone',
    });
    expect(phone).toMatchObject({ alreadyCheckedIn: false, deviceLinked: true, checkedInAt: h.clock.now() });
    expect(phone.participant).toMatchObject({ id: ann.participantId, nickname: 'Ann', source: 'import' });
    expect(phone.participant.shareCode).toMatch(/^[2-9A-Z]{8}$/);
    const state = await h.service.participantState(event.id, 'anns-phone');
    expect(state.participant.checkedInAt).toBe(phone.checkedInAt);
    expect(
      (await h.service.join({ joinCode: event.joinCode, nickname: 'x', deviceToken: 'anns-phone' }))
        .participant.id,
    ).toBe(ann.participantId);

    h.clock.advance(1_000);
    const again = await h.service.checkIn({ token: ann.checkinToken, deviceToken: 'anns-phone' });
    expect(again).toMatchObject({
      alreadyCheckedIn: true,
      deviceLinked: false,
      checkedInAt: phone.checkedInAt,
    });
    const desk = await h.service.checkIn({ token: bo.checkinToken, staff: '门口 1' });
    expect(desk).toMatchObject({ alreadyCheckedIn: false, deviceLinked: false });
    expect(
      (await h.service.listPeople(event.id)).find((p) => p.participantId === bo.participantId)?.checkedInBy,
    ).toBe('staff:门口 1');

    const codeOf = (p: Promise<unknown>) =>
      p.then(
        () => 'resolved',
        (e: { code: string; field?: string }) => `${e.code}:${e.field}`,
      );
    expect(await codeOf(h.service.checkIn({ token: ann.checkinToken, deviceToken: 'other-phone' }))).toBe(
      'CONFLICT:token',
    );
    expect(await codeOf(h.service.checkIn({ token: cy.checkinToken, deviceToken: 'walk-in-phone' }))).toBe(
      'CONFLICT:deviceToken',
    );
    const typo = ann.checkinToken.slice(0, -1) + (ann.checkinToken.endsWith('2') ? '3' : '2');
    expect(await codeOf(h.service.checkIn({ token: typo, staff: 'x' }))).toBe('INVALID_CODE:token');
    expect(await codeOf(h.service.checkIn({ token: cy.checkinToken }))).toBe('VALIDATION_FAILED:staff');
    expect(await codeOf(h.service.checkIn({ token: 'AAAAAAAAAAAAAAAA', staff: 'x' }))).toMatch(
      /^(INVALID_CODE|CHECKIN_NOT_FOUND):token$/,
    );
    expect(walkIn.participant.checkedInAt).toBeNull();
    expect((await h.service.listPeople(event.id)).filter((p) => p.checkedInAt !== null)).toHaveLength(2);
    const svg = await h.service.checkinQrSvg(cy.participantId, 'https://draw.example/checkin');
    expect(svg).toMatch(/^<svg/);
    expect(await codeOf(h.service.checkinQrSvg(cy.participantId, 'javascript:alert(1)'))).toBe(
      'VALIDATION_FAILED:checkinPageUrl',
    );
    expect(await codeOf(h.service.checkinQrSvg(walkIn.participant.id, 'https://x.example/'))).toBe(
      'PARTICIPANT_NOT_FOUND:participantId',
    );
  });

  it('a check-in-only round counts and draws only checked-in people, provably', async () => {
    const h = await harness();
    const { event, prize, people, walkIn } = await imported(h);
    const present = people.slice(0, 3);
    for (const p of present) await h.service.checkIn({ token: p.checkinToken, staff: 'door' });
    const round = await h.service.createRound(event.id, {
      prizeId: prize.id,
      winners: 2,
      checkedInOnly: true,
    });
    expect(round.checkedInOnly).toBe(true);
    expect(await h.service.roundAggregate(round.id)).toMatchObject({ counts: { 1: 3 }, total: 3 });
    const absent = await h.service.participantState(event.id, 'walk-in-phone');
    expect(absent.openRound).toMatchObject({ eligible: false, odds: 0 });
    // Someone checking in now enters the round's odds at once.
    await h.service.checkIn({ token: people[3]!.checkinToken, staff: 'door' });
    expect((await h.service.roundAggregate(round.id)).total).toBe(4);

    const { round: drawn } = await h.service.drawRound(round.id);
    const presentIds = new Set([...present, people[3]!].map((p) => p.participantId));
    expect(drawn.winners?.every((w) => presentIds.has(w.participantId))).toBe(true);
    h.clock.advance(1);
    const proof = (await h.service.getProof(round.id)) as RevealedProofDocument;
    expect(verifyProof(proof).ok).toBe(true);
    expect(new Set(proof.entries.map((e) => e.id))).toEqual(presentIds);
    expect(proof.entries.map((e) => e.id)).not.toContain(walkIn.participant.id);

    // Two of four checked-in people are left: a round of three is refused, not silently shrunk.
    const tooMany = await h.service.createRound(event.id, {
      prizeId: prize.id,
      winners: 3,
      checkedInOnly: true,
    });
    await expect(h.service.drawRound(tooMany.id)).rejects.toMatchObject({ code: 'NOT_ENOUGH_ENTRIES' });
  });
});
