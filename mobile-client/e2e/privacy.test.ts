// Privacy deletion end to end in Debian's Chromium against a real server: the host sets the retention
// days in the console, the join page's privacy note says what is kept and for how long, a phone deletes
// its own data (confirmation, then it forgets its device token), and the host deletes another person's
// data from the participants screen (confirmation). axe on every new screen; screenshots in both languages.
import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { EventDto } from '@drawcast/shared';
import { launchChromium, screenshotDir, seriousAxeViolations } from '../../e2e-kit/browser';
import type { LaunchedBrowser } from '../../e2e-kit/browser';
import { hostApi, startServer } from '../../e2e-kit/server';
import type { RunningServer } from '../../e2e-kit/server';
import { axeSerious, newPhone, shootBoth } from './audienceKit';
import type { Phone } from './audienceKit';

let server: RunningServer;
let chromium: LaunchedBrowser;
const phones: Phone[] = [];
const contexts: BrowserContext[] = [];
const shots = screenshotDir('privacy');

beforeAll(async () => {
  [server, chromium] = await Promise.all([startServer(), launchChromium()]);
});
afterAll(async () => {
  for (const p of phones) await p.context.close().catch(() => undefined);
  for (const c of contexts) await c.close().catch(() => undefined);
  await Promise.all([server?.stop(), chromium?.close()]);
});

async function consolePage(): Promise<Page> {
  const context = await chromium.browser.newContext({
    locale: 'en-US',
    viewport: { width: 1280, height: 900 },
  });
  contexts.push(context);
  return context.newPage();
}

async function noAxe(page: Page, screen: string): Promise<void> {
  expect({ screen, violations: await seriousAxeViolations(page) }).toEqual({ screen, violations: [] });
}

async function joinOnPhone(phone: Phone, joinUrl: string, nickname: string): Promise<string> {
  await phone.page.goto(joinUrl);
  await phone.page.locator('#nickname').fill(nickname);
  await phone.page.locator('form button[type=submit]').click();
  await phone.page.getByTestId('entry-id').waitFor({ timeout: 10_000 });
  return (await phone.page.getByTestId('entry-id').textContent())!.trim();
}

test('a phone deletes its own data and the host deletes another person’s', async () => {
  // The host creates an event in the console and sets its retention to 14 days.
  const host = await consolePage();
  await host.goto(`${server.url}/host#token=${encodeURIComponent(server.hostToken)}`);
  await host.getByRole('heading', { name: 'Your events' }).waitFor();
  await host.getByLabel('Event title').fill('Privacy night');
  await host.getByRole('button', { name: 'Create event' }).click();
  await host.getByRole('heading', { name: 'Privacy night' }).waitFor();
  await host.getByTestId('retention-days').fill('14');
  await host.getByRole('button', { name: 'Save', exact: true }).last().click();
  await host.getByRole('status').filter({ hasText: 'Saved' }).first().waitFor();
  await host.getByRole('button', { name: 'Open for joining' }).click();
  await host.getByRole('button', { name: 'Close joining' }).waitFor();
  await host.screenshot({ path: path.join(shots, 'console-settings-en.png'), fullPage: true });
  await noAxe(host, 'event settings');
  const joinCode = (await host.getByTestId('join-code').textContent())!.trim();
  const event = (await hostApi<EventDto[]>(server, 'GET', '/api/events')).find(
    (e) => e.joinCode === joinCode,
  )!;
  expect(event.settings.retentionDays).toBe(14);
  const joinUrl = `${server.url}/j/${joinCode}`;

  // The join page's note says what is kept, that it can be deleted, and when it is purged.
  const ann = await newPhone(chromium.browser, 'ann', 'en-US');
  const bo = await newPhone(chromium.browser, 'bo', 'zh-CN');
  phones.push(ann, bo);
  await ann.page.goto(joinUrl);
  const note = ann.page.getByTestId('privacy-note');
  await note.waitFor();
  expect(await note.textContent()).toMatch(
    /delete your data yourself.*14 days after the event closes.*anonymous entry number/s,
  );
  await shootBoth(ann.page, shots, '1-join-note');
  const annId = await joinOnPhone(ann, joinUrl, 'Ann Private');
  const boId = await joinOnPhone(bo, joinUrl, '小明隐私');
  expect(await bo.page.evaluate(() => localStorage.getItem('drawcast.deviceToken'))).not.toBeNull();

  // Ann: Rules → Your data → delete → confirm.
  await ann.page.goto(`${joinUrl}#/rules`);
  const card = ann.page.getByTestId('my-data');
  await card.waitFor();
  expect(await card.textContent()).toContain('14 days after the event closes');
  await ann.page.getByTestId('forget-me').click();
  const confirm = ann.page.getByTestId('forget-me-confirm');
  await confirm.waitFor();
  expect(await ann.page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe(
    'forget-me-confirm',
  );
  expect(await confirm.boundingBox()).toMatchObject({ height: expect.any(Number) });
  expect((await confirm.boundingBox())!.height).toBeGreaterThanOrEqual(44);
  expect(await axeSerious(ann.page)).toEqual([]);
  await card.scrollIntoViewIfNeeded();
  await shootBoth(ann.page, shots, '2-forget-confirm');
  await confirm.click();
  await ann.page.getByTestId('erased').waitFor();
  expect(await ann.page.evaluate(() => localStorage.getItem('drawcast.deviceToken'))).toBeNull();
  expect(
    await ann.page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('drawcast.joined.'))),
  ).toEqual([]);
  expect(await axeSerious(ann.page)).toEqual([]);
  await shootBoth(ann.page, shots, '3-erased');
  // A reload is a fresh phone: the join page again, not Ann's old entry.
  await ann.page.reload();
  await ann.page.locator('#nickname').waitFor();

  // The host: Participants → Delete data on Bo → confirm.
  await host.getByRole('button', { name: 'Participants' }).click();
  await expect.poll(() => host.getByTestId('participant-total').textContent()).toContain('1 joined');
  const row = host.locator('tbody tr', { hasText: boId });
  await row.getByTestId('erase').click();
  const dialog = host.getByTestId('erase-confirm');
  await dialog.waitFor();
  expect(await dialog.textContent()).toContain('小明隐私');
  await host.screenshot({ path: path.join(shots, 'console-erase-confirm-en.png'), fullPage: true });
  await noAxe(host, 'erase confirmation');
  await host.getByTestId('erase-yes').click();
  await host.getByTestId('erased-notice').waitFor();
  expect(await host.getByTestId('erased-notice').textContent()).toContain(boId);
  await expect.poll(() => host.getByTestId('participant-total').textContent()).toContain('0 joined');
  await host.screenshot({ path: path.join(shots, 'console-erased-en.png'), fullPage: true });
  await noAxe(host, 'erased');

  // The audit chain still verifies and names only opaque ids.
  const verdict = await hostApi<{ ok: boolean }>(server, 'GET', `/api/events/${event.id}/audit/verify`);
  expect(verdict.ok).toBe(true);
  const audit = JSON.stringify(await hostApi(server, 'GET', `/api/events/${event.id}/audit`));
  expect(audit).toContain(annId);
  expect(audit).not.toContain('Ann Private');
  expect(audit).not.toContain('小明隐私');
  for (const p of phones) expect({ phone: p.name, errors: p.errors }).toEqual({ phone: p.name, errors: [] });
});
