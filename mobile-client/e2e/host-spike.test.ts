// Issue #14 in Debian's Chromium against a real server "behind nginx" (loopback trusted, X-Forwarded-For per
// phone): fake devices flood one event from one address; the console shows the join-spike alert live and
// after a reload, the host disqualifies that address's entries after a confirmation and dismisses the
// alert; the next round holds only the honest phones. axe and screenshots in en and zh-CN.
import path from 'node:path';
import { PROTOCOL_VERSION } from '@drawcast/shared';
import type { ClientToServerEvents, RoundDto, ServerToClientEvents } from '@drawcast/shared';
import type { BrowserContext, Page } from 'playwright-core';
import { io } from 'socket.io-client';
import type { Socket } from 'socket.io-client';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { launchChromium, screenshotDir } from '../../e2e-kit/browser';
import type { LaunchedBrowser } from '../../e2e-kit/browser';
import { hostApi, startServer } from '../../e2e-kit/server';
import type { RunningServer } from '../../e2e-kit/server';
import { consoleSignInUrl, expectAxeClean, newConsolePage } from './consoleKit';

type Phone = Socket<ServerToClientEvents, ClientToServerEvents>;

const ATTACKER = '203.0.113.66';
const PER_IP_PER_MINUTE = 300;
const HONEST = 5;

let server: RunningServer;
let chromium: LaunchedBrowser;
const phones: Phone[] = [];
const contexts: BrowserContext[] = [];
const shots = screenshotDir('host-spike');
let trickle: ReturnType<typeof setInterval> | undefined;

beforeAll(async () => {
  [server, chromium] = await Promise.all([
    startServer({
      env: {
        DRAWCAST_TRUST_PROXY: 'loopback',
        DRAWCAST_JOINS_PER_IP_PER_MINUTE: String(PER_IP_PER_MINUTE),
      },
    }),
    launchChromium(),
  ]);
});
afterAll(async () => {
  if (trickle) clearInterval(trickle);
  for (const p of phones) p.disconnect();
  for (const c of contexts) await c.close();
  await Promise.all([server?.stop(), chromium?.close()]);
});

const newPage = (locale: string) => newConsolePage(chromium.browser, contexts, locale);

/** A phone socket whose requests arrive through the (trusted) proxy from `ip`. */
async function phoneFrom(ip: string): Promise<Phone> {
  const socket: Phone = io(server.url, {
    auth: { protocolVersion: PROTOCOL_VERSION },
    transports: ['websocket'],
    forceNew: true,
    extraHeaders: { 'x-forwarded-for': ip },
  });
  phones.push(socket);
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', reject);
  });
  return socket;
}

const join = (phone: Phone, joinCode: string, nickname: string) =>
  phone.emitWithAck('event:join', {
    joinCode,
    nickname,
    deviceToken: `device-${nickname}-${Math.random().toString(36).slice(2)}`,
  });

async function openEvent(page: Page, locale: 'en' | 'zh-CN') {
  await page.goto('about:blank'); // a full load each time (a new hash alone would not reload the app)
  await page.goto(consoleSignInUrl(server));
  await page
    .getByRole('button', { name: locale === 'en' ? 'Manage' : '管理' })
    .first()
    .click();
  await page.getByRole('heading', { name: 'Spike night' }).waitFor();
}

test('a join spike reaches the console, which disqualifies the batch and dismisses the alert', async () => {
  const event = await hostApi<{ id: string; joinCode: string }>(server, 'POST', '/api/events', {
    title: 'Spike night',
  });
  await hostApi(server, 'POST', `/api/events/${event.id}/open`);
  const prize = await hostApi<{ id: string }>(server, 'POST', `/api/events/${event.id}/prizes`, {
    name: 'Headphones',
    quantity: 3,
  });
  for (let i = 0; i < HONEST; i += 1) {
    const ack = await join(await phoneFrom(`198.51.100.${i + 1}`), event.joinCode, `Guest${i}`);
    expect(ack.ok).toBe(true);
  }

  // The console is open on the event before the flood: the alert must arrive live.
  const page = await newPage('en-US');
  await openEvent(page, 'en');
  expect(await page.getByTestId('join-spike').count()).toBe(0);

  const bots = await Promise.all(Array.from({ length: 8 }, () => phoneFrom(ATTACKER)));
  const acks = await Promise.all(
    Array.from({ length: 400 }, (_, i) => join(bots[i % bots.length]!, event.joinCode, `Bot${i}`)),
  );
  expect(acks.filter((a) => a.ok).length).toBe(PER_IP_PER_MINUTE);
  expect(acks.filter((a) => !a.ok && a.code === 'RATE_LIMITED').length).toBe(400 - PER_IP_PER_MINUTE);
  // The flood goes on (refused, but counted) while the host deals with it.
  let n = 0;
  trickle = setInterval(() => void join(bots[0]!, event.joinCode, `Late${(n += 1)}`), 100);

  const banner = page.getByTestId('join-spike');
  await banner.waitFor({ timeout: 15_000 });
  await expect
    .poll(() => page.getByTestId('spike-source').first().textContent())
    .toMatch(/^\s*203\.0\.113\.\* #[0-9a-f]{4}\s*\d+\s*300\s*Disqualify 300…\s*$/);
  // One-off sources (the honest phones) get no batch button.
  expect(await page.getByRole('button', { name: /^Disqualify/ }).count()).toBe(1);
  expect(await banner.textContent()).not.toContain(ATTACKER);
  expect(await page.getByTestId('spike-rate').textContent()).toMatch(/\d+ joins a minute/);
  await page.screenshot({ path: path.join(shots, 'spike-en.png'), fullPage: true });
  await expectAxeClean(page, 'spike banner');

  // After a reload the alert is read back over REST.
  await openEvent(page, 'en');
  await banner.waitFor();

  // A second console, in zh-CN, shows the same alert in Chinese.
  const zh = await newPage('zh-CN');
  await openEvent(zh, 'zh-CN');
  const zhBanner = zh.getByTestId('join-spike');
  await zhBanner.waitFor();
  expect(await zhBanner.textContent()).toContain('参与激增');
  await zh.getByRole('button', { name: '取消 300 人资格…' }).waitFor();
  await zh.screenshot({ path: path.join(shots, 'spike-zh-CN.png'), fullPage: true });
  await expectAxeClean(zh, 'spike banner zh-CN');

  // The batch action asks first; cancel changes nothing, confirm disqualifies the 300.
  await page.getByRole('button', { name: 'Disqualify 300…' }).click();
  await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('spike-confirm-h');
  expect(await page.getByTestId('spike-confirm-text').textContent()).toContain(
    'All 300 entries that joined from 203.0.113.* since',
  );
  await page.screenshot({ path: path.join(shots, 'spike-confirm-en.png'), fullPage: true });
  await expectAxeClean(page, 'spike confirmation');
  await page.getByRole('button', { name: 'Cancel' }).click();
  expect(
    (await hostApi<{ participantIds: string[] }>(server, 'GET', `/api/events/${event.id}/disqualified`))
      .participantIds,
  ).toEqual([]);
  await page.getByRole('button', { name: 'Disqualify 300…' }).click();
  await page.getByRole('button', { name: 'Disqualify 300 entries' }).click();
  await expect
    .poll(() => page.getByTestId('spike-done').textContent())
    .toContain('300 entries from 203.0.113.* disqualified.');
  expect(
    (await hostApi<{ participantIds: string[] }>(server, 'GET', `/api/events/${event.id}/disqualified`))
      .participantIds,
  ).toHaveLength(PER_IP_PER_MINUTE);
  await page.screenshot({ path: path.join(shots, 'spike-done-en.png'), fullPage: true });
  // Taken care of: no batch left for that address, here and (live) on the other console.
  await expect.poll(() => page.getByRole('button', { name: /^Disqualify/ }).count()).toBe(0);
  await expect.poll(() => zh.getByRole('button', { name: /^取消 \d+ 人资格/ }).count()).toBe(0);

  // The host dismisses it in zh-CN; it goes from both consoles.
  await zh.getByRole('button', { name: '忽略：这是正常流量' }).click();
  await zhBanner.waitFor({ state: 'detached' });
  await banner.waitFor({ state: 'detached' });
  clearInterval(trickle);

  // The next round: the honest phones only.
  const round = await hostApi<RoundDto>(server, 'POST', `/api/events/${event.id}/rounds`, {
    prizeId: prize.id,
    winners: 1,
  });
  const closed = await hostApi<RoundDto>(server, 'POST', `/api/rounds/${round.id}/close`);
  expect(closed.entryCount).toBe(HONEST);
});
