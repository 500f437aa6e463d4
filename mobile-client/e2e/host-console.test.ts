// The host console end to end in Debian's Chromium against a real server: sign in with the printed link,
// create an event and prizes, phones join, draw once on a double click, the staff desk redeems once,
// forfeit and redraw a provable slot, and the axe checks and screenshots of the main screens.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PROTOCOL_VERSION, verifyProof } from '@drawcast/shared';
import type { ClaimDto, ClientToServerEvents, RoundDto, ServerToClientEvents } from '@drawcast/shared';
import type { BrowserContext, Page } from 'playwright-core';
import { io } from 'socket.io-client';
import type { Socket } from 'socket.io-client';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { launchChromium, screenshotDir } from '../../e2e-kit/browser';
import type { LaunchedBrowser } from '../../e2e-kit/browser';
import { hostApi, startServer } from '../../e2e-kit/server';
import type { RunningServer } from '../../e2e-kit/server';
import { expectAxeClean, newConsolePage } from './consoleKit';

type Phone = Socket<ServerToClientEvents, ClientToServerEvents>;

let server: RunningServer;
let chromium: LaunchedBrowser;
const phones: Phone[] = [];
const deviceTokens = new Map<Phone, string>();
const contexts: BrowserContext[] = [];
const shots = screenshotDir('host-console');
const files = mkdtempSync(path.join(os.tmpdir(), 'drawcast-console-'));
// A real 1×1 PNG for the prize picture.
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

/** 1,000 rows: row 501 has no name, row 801 repeats the employee id of row 2. */
function peopleCsv(): string {
  const lines = ['name,employeeId'];
  for (let i = 1; i <= 1000; i++) {
    if (i === 500) lines.push(',E0500');
    else if (i === 800) lines.push('Repeat,E0001');
    else lines.push(`Person ${i},E${String(i).padStart(4, '0')}`);
  }
  return lines.join('\n') + '\n';
}

beforeAll(async () => {
  [server, chromium] = await Promise.all([startServer(), launchChromium()]);
});
afterAll(async () => {
  for (const p of phones) p.disconnect();
  rmSync(files, { recursive: true, force: true });
  for (const c of contexts) await c.close();
  await Promise.all([server?.stop(), chromium?.close()]);
});

const newPage = (locale: string) => newConsolePage(chromium.browser, contexts, locale);

/** Visible links, buttons and fields under 44 px high or wide (a checkbox counts by its 44 px label). */
async function smallTargets(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('a, button, [role=button], input, select')]
      .filter((el) => {
        const r = (
          el.matches('input[type=checkbox]') ? (el.closest('label') ?? el) : el
        ).getBoundingClientRect();
        return r.width > 0 && r.height > 0 && (r.height < 44 || r.width < 44);
      })
      .map(
        (el) =>
          `${el.tagName} "${(el.textContent ?? '').trim().slice(0, 30)}" ${el.getBoundingClientRect().height}`,
      ),
  );
}

/** axe clean and touch targets >= 44 px on every screen the walkthrough visits. */
async function axeClean(page: Page, screen: string): Promise<void> {
  await expectAxeClean(page, screen);
  expect({ screen, small: await smallTargets(page) }).toEqual({ screen, small: [] });
}

async function joinPhone(joinCode: string, nickname: string): Promise<Phone> {
  const socket: Phone = io(server.url, {
    auth: { protocolVersion: PROTOCOL_VERSION },
    transports: ['websocket'],
    forceNew: true,
  });
  phones.push(socket);
  const deviceToken = `device-${nickname}-${Math.random().toString(36).slice(2)}`;
  deviceTokens.set(socket, deviceToken);
  const ack = await socket.emitWithAck('event:join', { joinCode, nickname, deviceToken });
  if (!ack.ok) throw new Error(`${ack.code}: ${ack.message}`);
  return socket;
}

test('a whole event runs from the console', async () => {
  // 1. The printed console link (a token from DRAWCAST_HOST_TOKEN is never printed; the one-click form
  // adds it in the fragment), and the token is removed from the address bar after sign-in.
  const consoleUrl = /Host console[^\n]*?(http:\/\/\S+\/host)\b/.exec(server.output())?.[1];
  expect(consoleUrl).toBeDefined();
  expect(server.output()).not.toContain(server.hostToken);
  const link = `${consoleUrl!}#token=${encodeURIComponent(server.hostToken)}`;
  expect(link).not.toContain('?');
  const page = await newPage('en-US');
  await page.goto(link!);
  await page.getByRole('heading', { name: 'Your events' }).waitFor();
  expect(page.url()).not.toContain('token');
  await page.screenshot({ path: path.join(shots, 'events-en.png'), fullPage: true });
  await axeClean(page, 'events');

  // 2. Create the event; no reveal animation so the test need not wait for it.
  await page.getByLabel('Event title').fill('Friday night draw');
  await page.getByRole('button', { name: 'Create event' }).click();
  await page.getByRole('heading', { name: 'Friday night draw' }).waitFor();
  await page.getByLabel('Draw animation').fill('0');
  // The stage's look: brand colour, a logo uploaded from this computer, English words on the stage.
  const logoFile = path.join(files, 'logo.png');
  writeFileSync(logoFile, PNG);
  await page.getByLabel('Use our brand colour').check();
  await page.getByLabel('Brand colour', { exact: true }).fill('#1e88e5');
  await page.getByLabel(/^Logo/).setInputFiles(logoFile);
  await page.getByRole('img', { name: 'The event logo' }).waitFor();
  await page.getByLabel('Stage language').selectOption('en');
  await page.getByRole('button', { name: 'Save', exact: true }).last().click();
  await page.getByRole('status').filter({ hasText: 'Saved' }).first().waitFor();
  await page.getByRole('button', { name: 'Open for joining' }).click();
  await page.getByRole('button', { name: 'Close joining' }).waitFor();
  const joinCode = (await page.getByTestId('join-code').textContent())!.trim();
  expect(await page.getByTestId('join-url').textContent()).toContain(`/j/${joinCode}`);
  await page.screenshot({ path: path.join(shots, 'event-en.png'), fullPage: true });
  await axeClean(page, 'event');
  const events = await hostApi<Array<{ id: string; joinCode: string; settings: { revealLeadMs: number } }>>(
    server,
    'GET',
    '/api/events',
  );
  const event = events.find((e) => e.joinCode === joinCode)!;
  expect(event.settings.revealLeadMs).toBe(0);
  const look = await hostApi<{ settings: { branding: unknown; displayLanguage: string } }>(
    server,
    'GET',
    `/api/events/${event.id}`,
  );
  expect(look.settings.branding).toEqual({
    primaryColor: '#1e88e5',
    logoUrl: expect.stringMatching(/^\/media\/prize-images\/[A-Za-z0-9_-]{22}\.png$/),
  });
  expect(look.settings.displayLanguage).toBe('en');

  // 3. Two prizes, one with a picture uploaded from this computer.
  const png = path.join(files, 'headphones.png');
  writeFileSync(png, PNG);
  await page.getByRole('button', { name: 'Prizes' }).click();
  for (const [name, qty] of [
    ['Headphones', '3'],
    ['Coffee voucher', '10'],
  ] as const) {
    await page.getByLabel('Name').fill(name);
    await page.getByLabel('Quantity').fill(qty);
    await page.getByLabel('Description').fill(`${name} for a lucky one`);
    if (name === 'Headphones') await page.getByLabel(/^Image/).setInputFiles(png);
    await page.getByRole('button', { name: 'Add prize' }).click();
    await page.locator('.prize .name', { hasText: name }).waitFor();
  }
  const img = page.getByRole('img', { name: 'Image of Headphones' });
  await expect.poll(() => img.evaluate((el) => (el as HTMLImageElement).naturalWidth)).toBe(1);
  await page.screenshot({ path: path.join(shots, 'prizes-en.png'), fullPage: true });
  await axeClean(page, 'prizes');

  // 3a. Edit a prize after creation: name, quantity, description, and a picture added.
  await page.getByRole('button', { name: 'Edit Coffee voucher' }).click();
  const editForm = page.getByTestId('prize-edit');
  await editForm.getByLabel('Name').fill('Coffee voucher XL');
  await editForm.getByLabel('Quantity').fill('12');
  await editForm.getByLabel('Description').fill('A large coffee');
  await editForm.getByLabel(/^Replace the image/).setInputFiles(png);
  await page.screenshot({ path: path.join(shots, 'prize-edit-en.png'), fullPage: true });
  await axeClean(page, 'prize edit');
  await editForm.getByRole('button', { name: 'Save changes' }).click();
  await page.getByTestId('prize-saved').waitFor();
  await page.locator('.prize .name', { hasText: 'Coffee voucher XL' }).waitFor();
  const xl = page.getByRole('img', { name: 'Image of Coffee voucher XL' });
  await expect.poll(() => xl.evaluate((el) => (el as HTMLImageElement).naturalWidth)).toBe(1);
  const prizesNow = await hostApi<Array<{ name: string; quantity: number; description: string }>>(
    server,
    'GET',
    `/api/events/${event.id}/prizes`,
  );
  expect(prizesNow.find((p) => p.name === 'Coffee voucher XL')).toMatchObject({
    quantity: 12,
    description: 'A large coffee',
  });

  // 3b. A 1,000-row list with two bad rows: progress, then the row report names them.
  const csv = path.join(files, 'people.csv');
  writeFileSync(csv, peopleCsv());
  await page.getByRole('button', { name: 'Import & check-in' }).click();
  await page.getByLabel(/^File/).setInputFiles(csv);
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await page.getByTestId('import-report').waitFor({ timeout: 30_000 });
  expect(await page.getByTestId('import-report').textContent()).toContain(
    '998 of 1000 rows imported, 2 refused',
  );
  const rejected = await page.getByTestId('rejected-row').allTextContents();
  expect(rejected).toHaveLength(2);
  expect(rejected[0]).toMatch(/^501\s*name/);
  expect(rejected[1]).toMatch(/^801\s*employeeId/);
  expect(await page.getByTestId('import-progress').count()).toBe(1);
  await page.screenshot({ path: path.join(shots, 'import-en.png'), fullPage: true });
  await axeClean(page, 'import');

  // 4. Five phones join; the dashboard's counts and chart move without a reload.
  await page.getByRole('button', { name: 'Dashboard' }).click();
  await expect.poll(() => page.getByTestId('dash-joined').textContent()).toBe('998');
  const chart = page.locator('.chart canvas').first();
  const before = await chart.evaluate((c) => (c as HTMLCanvasElement).toDataURL());
  // Ten join-page views, five phone joins: the conversion leaves the 998 imported people out (50 %, not 10030 %).
  for (let i = 0; i < 10; i++) await fetch(`${server.url}/j/${joinCode}`);
  for (const n of ['Ann', 'Bo', 'Chen', 'Dee', 'Eli']) await joinPhone(joinCode, n);
  await expect.poll(() => page.getByTestId('dash-joined').textContent(), { timeout: 15_000 }).toBe('1003');
  await expect.poll(() => page.getByTestId('dash-views').textContent(), { timeout: 15_000 }).toBe('10');
  expect(await page.getByTestId('dash-conversion').textContent()).toBe('50 % of views joined');
  await expect.poll(() => page.getByTestId('dash-connected').textContent(), { timeout: 15_000 }).toBe('5');
  await expect
    .poll(() => chart.evaluate((c) => (c as HTMLCanvasElement).toDataURL()), { timeout: 15_000 })
    .not.toBe(before);
  await page.screenshot({ path: path.join(shots, 'dashboard-en.png'), fullPage: true });
  await axeClean(page, 'dashboard');

  await page.getByRole('button', { name: 'Participants' }).click();
  await expect.poll(() => page.getByTestId('participant-total').textContent()).toContain('1003 joined');
  await expect.poll(() => page.getByTestId('audience-count').textContent()).toContain('5 phones');
  await page.getByLabel('Search nickname or entry id').fill('chen');
  await expect.poll(() => page.locator('tbody tr').count()).toBe(1);
  await page.getByLabel('Search nickname or entry id').fill('');
  await expect.poll(() => page.locator('tbody tr').count()).toBe(50);
  await page.screenshot({ path: path.join(shots, 'participants-en.png'), fullPage: true });
  await axeClean(page, 'participants');

  // 5. A round of 2 Headphones: commitment at once, close entries, entropy, Draw → confirm, double-clicked: one draw.
  await page.getByRole('button', { name: 'Rounds' }).click();
  await page.getByLabel('Prize').selectOption({ label: 'Headphones (3 left)' });
  await page.getByLabel('Winners (1–500)').fill('2');
  await page.getByRole('button', { name: 'Create round and commit' }).click();
  await expect.poll(() => page.getByTestId('commitment').textContent()).toMatch(/^[0-9a-f]{64}$/);
  await page.getByTestId('close-entries').click();
  await expect
    .poll(() => page.getByTestId('entries-closed').textContent())
    .toMatch(/Entries closed: \d+ entries/);
  await page.getByLabel('Public entropy').fill('audience says 4711');
  await page.getByRole('button', { name: 'Save entropy' }).click();
  await expect
    .poll(
      async () =>
        (await hostApi<RoundDto[]>(server, 'GET', `/api/events/${event.id}/rounds`))[0]?.publicEntropy,
    )
    .toBe('audience says 4711');
  await page.getByTestId('draw').click();
  await page.getByRole('alertdialog').waitFor();
  await page.screenshot({ path: path.join(shots, 'round-confirm-en.png'), fullPage: true });
  await axeClean(page, 'round confirm');
  await page.getByTestId('draw-confirm').dblclick();
  await expect.poll(() => page.locator('[data-testid="claim-code"]').count(), { timeout: 15_000 }).toBe(2);
  const rounds = await hostApi<RoundDto[]>(server, 'GET', `/api/events/${event.id}/rounds`);
  expect(rounds.filter((r) => r.status === 'drawn')).toHaveLength(1);
  const metrics = await (await fetch(`${server.url}/metrics`)).text();
  expect(/^drawcast_draws_total (\d+)/m.exec(metrics)?.[1]).toBe('1');
  await page.screenshot({ path: path.join(shots, 'rounds-en.png'), fullPage: true });
  await axeClean(page, 'rounds');
  // After a draw the form is back to one winner; the proof links are 44 px touch targets.
  expect(await page.getByLabel('Winners (1–500)').inputValue()).toBe('1');
  expect(await smallTargets(page)).toEqual([]);

  const claims = await hostApi<ClaimDto[]>(server, 'GET', `/api/events/${event.id}/claims`);
  const [first, second] = claims as [ClaimDto, ClaimDto];

  // 6. A staff credential for the desk; signed in in another browser, it redeems once by typed code.
  await page.getByRole('button', { name: 'Staff' }).click();
  await page.getByLabel('Who holds it').fill('Desk 1');
  await page.getByRole('button', { name: 'Make credential' }).click();
  const staffLink = (await page.getByTestId('staff-link').textContent())!.trim();
  const staffToken = decodeURIComponent(staffLink.split('#token=')[1]!);
  const desk = await newPage('en-US');
  await desk.goto(staffLink);
  await desk.getByRole('heading', { name: 'Prize desk', exact: true }).waitFor();
  await expect.poll(() => desk.getByRole('button', { name: 'Rounds' }).count()).toBe(0);
  // A typo is caught by the check symbol before anything is sent.
  const typo = first.code.slice(0, 3) + (first.code[3] === 'A' ? 'B' : 'A') + first.code.slice(4);
  await desk.getByLabel('Winner’s code').fill(typo);
  await desk.getByText('This code has a typo').waitFor();
  expect(await desk.getByTestId('redeem').isDisabled()).toBe(true);
  await desk.getByLabel('Winner’s code').fill(first.displayCode.toLowerCase());
  await desk.getByLabel('Your name').fill('Mei');
  await desk.getByTestId('redeem').click();
  await expect.poll(() => desk.getByTestId('desk-message').textContent()).toContain('Redeemed');
  await desk.screenshot({ path: path.join(shots, 'desk-en.png'), fullPage: true });
  await axeClean(desk, 'desk');
  await desk.getByTestId('redeem').click();
  await expect.poll(() => desk.getByTestId('desk-message').textContent()).toContain('Already redeemed');
  expect(await desk.getByTestId('desk-message').textContent()).toContain('Mei (Desk 1)');

  // The staff credential is refused for a draw.
  const refused = await fetch(`${server.url}/api/rounds/${rounds[0]!.id}/draw`, {
    method: 'POST',
    headers: { authorization: `Bearer ${staffToken}` },
  });
  expect(refused.status).toBe(403);

  // 7. The host forfeits the other winner and redraws that slot; the new round's proof verifies.
  await page.getByRole('button', { name: 'Rounds' }).click();
  const row = page.locator(`tr[data-participant="${second.participantId}"]`);
  await row.getByRole('button', { name: 'Forfeit (no-show)' }).click();
  // Forfeiting asks first; nothing is forfeited until the host confirms.
  await page.getByTestId('forfeit-confirm').waitFor();
  await page.screenshot({ path: path.join(shots, 'forfeit-confirm-en.png'), fullPage: true });
  await axeClean(page, 'forfeit confirm');
  expect(
    (await hostApi<ClaimDto[]>(server, 'GET', `/api/events/${event.id}/claims`)).map((c) => c.status),
  ).toEqual(expect.not.arrayContaining(['forfeited']));
  await page.getByTestId('forfeit-yes').click();
  await row.getByRole('button', { name: 'Redraw this place' }).click();
  await expect.poll(() => page.getByTestId('commitment').textContent()).toMatch(/^[0-9a-f]{64}$/);
  await page.getByTestId('draw').click();
  await page.getByTestId('draw-confirm').click();
  await expect
    .poll(
      async () =>
        (await hostApi<RoundDto[]>(server, 'GET', `/api/events/${event.id}/rounds`)).filter(
          (r) => r.status === 'drawn',
        ).length,
    )
    .toBe(2);
  const redraw = (await hostApi<RoundDto[]>(server, 'GET', `/api/events/${event.id}/rounds`)).find(
    (r) => r.redrawOf !== null,
  )!;
  expect(redraw.redrawOf).toMatchObject({ claimId: second.id, place: second.place });
  const proofUrl = `${server.url}/api/rounds/${redraw.id}/proof`;
  await expect
    .poll(async () => ((await (await fetch(proofUrl)).json()) as { state: string }).state, {
      timeout: 15_000,
    })
    .toBe('revealed');
  const proof: unknown = await (await fetch(proofUrl)).json();
  const verdict = verifyProof(proof);
  expect(verdict.ok).toBe(true);

  // 7b. A phone asks the host; the console shows it (unread count), the host answers, the phone gets it live.
  const asker = phones[0]!;
  const sent = await asker.emitWithAck('support:send', {
    eventId: event.id,
    deviceToken: deviceTokens.get(asker)!,
    body: 'Did I win? <img src=x onerror=alert(1)>',
  });
  expect(sent.ok).toBe(true);
  await expect.poll(() => page.getByTestId('support-unread').textContent(), { timeout: 10_000 }).toBe('1');
  const answered = new Promise<{ answer: string | null }>((resolve) =>
    asker.once('support:answered', resolve),
  );
  await page.getByRole('button', { name: /^Support/ }).click();
  const message = page.getByTestId('support-message').first();
  expect(await message.locator('.body').textContent()).toBe('Did I win? <img src=x onerror=alert(1)>');
  await message.getByLabel('Your answer').fill('Not this time, next round soon!');
  await message.getByRole('button', { name: 'Send answer' }).click();
  expect((await answered).answer).toBe('Not this time, next round soon!');
  await expect.poll(() => page.getByTestId('support-unread').count()).toBe(0);
  await page.screenshot({ path: path.join(shots, 'support-en.png'), fullPage: true });
  await axeClean(page, 'support');

  // 8. Records: the winners CSV has the right codes; the audit chain verifies.
  await page.getByRole('button', { name: 'Records' }).click();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByTestId('export-csv').click(),
  ]);
  const csvText = readFileSync((await download.path())!, 'utf8');
  const finalClaims = await hostApi<ClaimDto[]>(server, 'GET', `/api/events/${event.id}/claims`);
  expect(finalClaims).toHaveLength(3);
  for (const c of finalClaims) expect(csvText.includes(c.displayCode) || csvText.includes(c.code)).toBe(true);
  await page.getByTestId('verify-audit').click();
  await expect.poll(() => page.getByTestId('audit-verdict').textContent()).toContain('Intact');
  await page.screenshot({ path: path.join(shots, 'records-en.png'), fullPage: true });
  await axeClean(page, 'records');

  // 9. The same screens in Chinese.
  const zh = await newPage('zh-CN');
  await zh.goto(link!);
  await zh.getByRole('heading', { name: '我的活动' }).waitFor();
  await zh.screenshot({ path: path.join(shots, 'events-zh.png'), fullPage: true });
  await zh.getByRole('button', { name: '管理' }).first().click();
  await zh.getByTestId('join-code').waitFor();
  await zh.screenshot({ path: path.join(shots, 'event-zh.png'), fullPage: true });
  await axeClean(zh, 'event zh');
  await zh.getByRole('button', { name: '抽奖轮次' }).click();
  await zh.locator('[data-testid="claim-code"]').first().waitFor();
  await zh.screenshot({ path: path.join(shots, 'rounds-zh.png'), fullPage: true });
  // The forfeit confirmation in Chinese; 取消 leaves the win pending.
  await zh.getByRole('button', { name: '作废（未到场）' }).first().click();
  await zh.getByTestId('forfeit-confirm').waitFor();
  await zh.screenshot({ path: path.join(shots, 'forfeit-confirm-zh.png'), fullPage: true });
  await axeClean(zh, 'forfeit confirm zh');
  await zh.getByTestId('forfeit-confirm').getByRole('button', { name: '取消' }).click();
  await expect.poll(() => zh.getByTestId('forfeit-confirm').count()).toBe(0);
  expect(
    (await hostApi<ClaimDto[]>(server, 'GET', `/api/events/${event.id}/claims`)).filter(
      (c) => c.status === 'pending',
    ),
  ).toHaveLength(1);
  await axeClean(zh, 'rounds zh');
  await zh.getByRole('button', { name: '兑奖台' }).click();
  await zh.screenshot({ path: path.join(shots, 'desk-zh.png'), fullPage: true });
  await zh.getByRole('button', { name: '数据面板' }).click();
  await zh.getByTestId('dash-joined').waitFor();
  await zh.screenshot({ path: path.join(shots, 'dashboard-zh.png'), fullPage: true });
  await zh.getByRole('button', { name: '导入与签到' }).click();
  await zh.screenshot({ path: path.join(shots, 'import-zh.png'), fullPage: true });
  await zh.getByRole('button', { name: '客服' }).click();
  await zh.getByTestId('support-answer').waitFor();
  await zh.screenshot({ path: path.join(shots, 'support-zh.png'), fullPage: true });
  await zh.getByRole('button', { name: '记录' }).click();
  await zh.getByTestId('audit-actor').first().waitFor();
  expect(await zh.getByTestId('audit-actor').allTextContents()).toEqual(
    expect.arrayContaining([expect.stringContaining('主持人')]),
  );
  expect((await zh.getByTestId('audit-actor').allTextContents()).join(' ')).not.toMatch(/participant:/);
  await zh.screenshot({ path: path.join(shots, 'records-zh.png'), fullPage: true });
  // A quantity below the units awarded is refused by the server with its typed error, shown in Chinese.
  await zh.getByRole('button', { name: '奖品' }).click();
  await zh.getByRole('button', { name: '编辑 Headphones' }).click();
  const zhEdit = zh.getByTestId('prize-edit');
  await zhEdit.getByLabel('数量').fill('1');
  await zhEdit.getByRole('button', { name: '保存修改' }).click();
  await zhEdit.getByRole('alert').waitFor();
  expect(await zhEdit.getByRole('alert').textContent()).toContain('数量不能低于');
  await zh.screenshot({ path: path.join(shots, 'prize-edit-zh.png'), fullPage: true });
  await axeClean(zh, 'prize edit zh');
  const headphones = (
    await hostApi<Array<{ name: string; quantity: number }>>(server, 'GET', `/api/events/${event.id}/prizes`)
  ).find((p) => p.name === 'Headphones');
  expect(headphones?.quantity).toBe(3);
  writeFileSync(
    path.join(shots, 'README.txt'),
    'Screenshots written by mobile-client/e2e/host-console.test.ts\n',
  );
});
