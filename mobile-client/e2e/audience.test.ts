// The whole audience journey in Debian's Chromium against a real server, on a plain-HTTP LAN-like origin.
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { ClaimDto, EventDto, PrizeDto, RoundDto } from '@drawcast/shared';
import { launchChromium, screenshotDir } from '../../e2e-kit/browser';
import type { LaunchedBrowser } from '../../e2e-kit/browser';
import { hostApi, startServer } from '../../e2e-kit/server';
import type { RunningServer } from '../../e2e-kit/server';
import { axeSerious, newPhone, shootBoth } from './audienceKit';
import type { Phone } from './audienceKit';

// Not a loopback name: Chromium treats http://drawcast.test as an insecure origin (like a laptop's LAN IP).
const HOSTNAME = 'drawcast.test';
const XSS = '<img src=x onerror=f()>';
const TOO_LONG_XSS = '<img src=x onerror=alert(1)>';

let server: RunningServer;
let chromium: LaunchedBrowser;
let origin: string;
const phones: Phone[] = [];
const shots = screenshotDir('audience');

beforeAll(async () => {
  [server, chromium] = await Promise.all([
    startServer(),
    launchChromium([`--host-resolver-rules=MAP ${HOSTNAME} 127.0.0.1`]),
  ]);
  origin = `http://${HOSTNAME}:${server.port}`;
});

afterAll(async () => {
  for (const p of phones) await p.context.close().catch(() => undefined);
  await Promise.all([server?.stop(), chromium?.close()]);
});

async function expectNoAxe(phone: Phone, screen: string): Promise<void> {
  const violations = await axeSerious(phone.page);
  expect(violations, `${screen} on ${phone.name}: ${JSON.stringify(violations, null, 1)}`).toEqual([]);
}

async function join(phone: Phone, url: string, nickname: string): Promise<string> {
  await phone.page.goto(url);
  await phone.page.locator('#nickname').fill(nickname);
  await phone.page.locator('form button[type=submit]').click();
  await phone.page
    .getByTestId('entry-id')
    .waitFor({ timeout: 5000 })
    .catch(async (err: unknown) => {
      await phone.page.screenshot({ path: `${shots}/fail-${phone.name}.png` });
      console.log(phone.name, phone.errors, await phone.page.locator('main').innerText());
      throw err;
    });
  return (await phone.page.getByTestId('entry-id').textContent())!.trim();
}

/**
 * Shows "my wins" on a phone whose round-2 result may still be on screen. A phone already at #/wins gets
 * no hashchange from goto, so the result is closed the way a user would, with its button.
 */
async function openWins(phone: Phone, joinUrl: string): Promise<void> {
  const close = phone.page.getByTestId('close-result');
  if (await close.isVisible()) await close.click();
  await phone.page.goto(`${joinUrl}#/wins`);
  await phone.page.getByTestId('win').first().waitFor();
}

const oneIn = (p: Phone) => p.page.getByTestId('one-in').textContent();

test('three phones join, see live odds, reveal together, verify, and survive reload and offline', async () => {
  // --- the host sets up an event through the API
  const event = await hostApi<EventDto>(server, 'POST', '/api/events', {
    title: 'Launch night 发布会',
    settings: {
      revealLeadMs: 2500,
      claimDeadline: Date.now() + 26 * 3_600_000,
      collectShippingContact: true,
      bonus: {
        referral: { enabled: true, ticketsPerFriend: 2, maxBonus: 4 },
        earlyBird: { enabled: false, before: 0, tickets: 1 },
      },
    },
  });
  await hostApi(server, 'POST', `/api/events/${event.id}/open`);
  const prize = await hostApi<PrizeDto>(server, 'POST', `/api/events/${event.id}/prizes`, {
    name: 'Headphones 耳机',
    quantity: 2,
  });
  const round1 = await hostApi<RoundDto>(server, 'POST', `/api/events/${event.id}/rounds`, {
    prizeId: prize.id,
    winners: 1,
  });
  const joinUrl = `${origin}/j/${event.joinCode}`;

  // --- unknown code: a clear page
  const ann = await newPhone(chromium.browser, 'ann', 'en-US');
  const bo = await newPhone(chromium.browser, 'bo', 'zh-CN', 'reduce');
  const cy = await newPhone(chromium.browser, 'cy', 'en-US');
  phones.push(ann, bo, cy);
  await ann.page.goto(`${origin}/j/NOPE42`);
  await ann.page.getByTestId('not-found').waitFor();
  expect(await ann.page.getByTestId('not-found').textContent()).toContain('NOPE42');

  // --- join page: plain HTTP, not a secure context; title and prizes; bad input in the user's language
  await ann.page.goto(joinUrl);
  await ann.page.getByTestId('event-title').waitFor();
  expect(await ann.page.evaluate(() => window.isSecureContext)).toBe(false);
  expect(await ann.page.locator('.prizes').textContent()).toContain('Headphones 耳机');
  await expectNoAxe(ann, 'join');
  await shootBoth(ann.page, shots, '1-join');
  await ann.page.locator('#nickname').fill(TOO_LONG_XSS);
  await ann.page.locator('form button[type=submit]').click();
  await expect.poll(() => ann.page.locator('#join-error').textContent()).toContain('24');

  // --- Ann joins (nickname with markup), then Bo (zh-CN) and Cy (through Ann's invite link)
  const annId = await join(ann, joinUrl, XSS);
  expect(await ann.page.locator('h1').first().textContent()).toContain(XSS);
  await expect.poll(() => ann.page.getByTestId('odds').textContent()).toContain('Everyone');
  const boId = await join(bo, joinUrl, '小明');
  expect(await bo.page.locator('h1').first().textContent()).toContain('你已成功参加');
  await expect.poll(() => oneIn(ann)).toBe('1 in 2');
  await expect.poll(() => oneIn(bo)).toBe('2 分之一');
  const shareLink = await ann.page.getByTestId('share-link').inputValue();
  expect(shareLink).toMatch(new RegExp(`^${origin}/join/${event.joinCode}\\?ref=`));
  const cyId = await join(cy, shareLink, 'Cy');
  // Ann gets 2 bonus tickets for Cy: 3 tickets among 5, the server's exact odds for her class.
  await expect.poll(() => ann.page.getByTestId('friends').textContent(), { timeout: 10_000 }).toContain('1');
  await ann.page.reload();
  await expect.poll(() => ann.page.getByTestId('tickets').textContent()).toBe('3');
  await expect.poll(() => oneIn(ann)).toBe('1 in 1.7');
  await expect.poll(() => oneIn(cy)).toBe('1 in 5');
  expect(await ann.page.getByTestId('odds').getAttribute('data-exact')).toBe('true');
  await expectNoAxe(ann, 'odds');
  await shootBoth(ann.page, shots, '2-odds');
  await ann.page.goto(`${joinUrl}#/rules`);
  await ann.page.getByTestId('chart').waitFor();
  expect(await ann.page.getByTestId('commitment').textContent()).toBe(round1.commitment);
  await expectNoAxe(ann, 'rules');
  await shootBoth(ann.page, shots, '3-rules');
  await ann.page.goto(`${joinUrl}#/`);
  await ann.page.getByTestId('entry-id').waitFor();

  // --- Bo reloads: same entry, no second one
  await bo.page.reload();
  await bo.page.getByTestId('entry-id').waitFor();
  expect((await bo.page.getByTestId('entry-id').textContent())!.trim()).toBe(boId);
  const participants = await hostApi<{ total: number }>(
    server,
    'GET',
    `/api/events/${event.id}/participants`,
  );
  expect(participants.total).toBe(3);

  // --- round 1: the host closes entries; each phone checks its own entry is in the published list
  await hostApi<RoundDto>(server, 'POST', `/api/rounds/${round1.id}/close`);
  for (const p of [ann, bo, cy]) {
    await expect
      .poll(() => p.page.getByTestId('frozen').locator('[data-status]').getAttribute('data-status'))
      .toBe('in');
  }

  // --- the host draws; every phone shows its result at the same moment
  const drawn1 = await hostApi<RoundDto>(server, 'POST', `/api/rounds/${round1.id}/draw`);
  const winner1 = drawn1.winners![0]!.participantId;
  // The suspense: animated, except on Bo's phone, which asked for reduced motion.
  const spin = (p: Phone) =>
    p.page
      .locator('.drum span')
      .first()
      .evaluate((el) => getComputedStyle(el).animationName);
  await ann.page.locator('.drum').waitFor();
  await bo.page.locator('.drum').waitFor();
  expect(await spin(ann)).toBe('spin');
  expect(await spin(bo)).toBe('none');
  const byId = new Map([
    [annId, ann],
    [boId, bo],
    [cyId, cy],
  ]);
  for (const p of phones) await p.page.getByTestId('result').waitFor({ timeout: 15_000 });
  const shownAt = await Promise.all(
    phones.map(async (p) => Number(await p.page.getByTestId('result').getAttribute('data-shown-at'))),
  );
  expect(Math.max(...shownAt) - Math.min(...shownAt)).toBeLessThanOrEqual(100);
  expect(Math.min(...shownAt)).toBeGreaterThanOrEqual(drawn1.revealAt! - 100);
  const claims = await hostApi<ClaimDto[]>(server, 'GET', `/api/events/${event.id}/claims`);
  const claim1 = claims.find((c) => c.roundId === round1.id)!;
  for (const [id, p] of byId) {
    const outcome = await p.page.getByTestId('result').getAttribute('data-outcome');
    expect(outcome, p.name).toBe(id === winner1 ? 'won' : 'lost');
    expect(await p.page.getByTestId('winners').textContent()).toContain(drawn1.winners![0]!.nickname);
    await expect.poll(() => p.page.getByTestId('announce').textContent()).not.toBe('');
  }
  const w1 = byId.get(winner1)!;
  await expect.poll(() => w1.page.getByTestId('win-code').textContent()).toBe(claim1.displayCode);
  const loser1 = phones.find((p) => p !== w1)!;
  await expectNoAxe(w1, 'result (win)');
  await expectNoAxe(loser1, 'result (loss)');
  await shootBoth(w1.page, shots, '4-result-win');
  await shootBoth(loser1.page, shots, '5-result-loss');

  // --- the winner reloads: entry and win are still there; my wins shows the code, deadline, contact form
  await w1.page.goto(`${joinUrl}#/wins`);
  await w1.page.getByTestId('win').waitFor();
  expect(await w1.page.getByTestId('wins-code').textContent()).toBe(claim1.displayCode);
  expect(await w1.page.getByTestId('deadline').textContent()).toMatch(/1 (d|天) 1|1 d 2|1 天 2/);
  await expectNoAxe(w1, 'my wins');
  await shootBoth(w1.page, shots, '6-wins');
  const field = (name: string) => w1.page.locator(`[id="${claim1.id}-${name}"]`);
  await field('recipient').fill('王小明');
  await field('phone').fill('13800138000');
  await field('address').fill('1 Example Road');
  await w1.page.locator('form.contact button[type=submit]').click();
  await w1.page.getByTestId('contact-saved').waitFor();
  // Shown masked, as the server returns it to the phone.
  expect(await w1.page.getByTestId('contact-saved').textContent()).toContain('1 Exam');

  // --- verify: the real proof passes, with my entry; a tampered one fails visibly
  await ann.page.goto(`${joinUrl}#/verify/${round1.id}`);
  await ann.page.getByTestId('verdict').waitFor({ timeout: 20_000 });
  expect(await ann.page.getByTestId('verdict').getAttribute('data-ok')).toBe('true');
  expect(await ann.page.locator('[data-check].ok').count()).toBe(4);
  expect(await ann.page.getByTestId('my-entry').textContent()).toContain(annId);
  await expectNoAxe(ann, 'verify');
  await shootBoth(ann.page, shots, '7-verify');
  await ann.page.route('**/api/rounds/*/proof', async (route) => {
    // Playwright fetches from Node, where the test hostname does not resolve: ask the server directly.
    const res = await route.fetch({ url: server.url + new URL(route.request().url()).pathname });
    const proof = (await res.json()) as { winners: string[] };
    proof.winners = [proof.winners[0] === annId ? boId : annId];
    await route.fulfill({ response: res, json: proof });
  });
  await ann.page.reload();
  await ann.page.getByTestId('verdict').waitFor({ timeout: 20_000 });
  expect(await ann.page.getByTestId('verdict').getAttribute('data-ok')).toBe('false');
  expect(await ann.page.locator('[data-check="winners"].bad').count()).toBe(1);
  await shootBoth(ann.page, shots, '8-verify-tampered');
  await ann.page.unroute('**/api/rounds/*/proof');

  // --- round 2: Cy is offline during the draw and sees the result when back
  for (const p of phones) {
    if (await p.page.getByTestId('close-result').isVisible())
      await p.page.getByTestId('close-result').click();
  }
  const round2 = await hostApi<RoundDto>(server, 'POST', `/api/events/${event.id}/rounds`, {
    prizeId: prize.id,
    winners: 1,
  });
  await cy.page.goto(`${joinUrl}#/`);
  await expect.poll(() => cy.page.getByTestId('round').count()).toBe(1);
  await cy.context.setOffline(true);
  await expect.poll(() => cy.page.locator('.conn').getAttribute('class')).toContain('conn-offline');
  const drawn2 = await hostApi<RoundDto>(server, 'POST', `/api/rounds/${round2.id}/draw`);
  await ann.page.waitForFunction(
    (id) => document.querySelector(`[data-testid=result][data-round="${id}"]`) !== null,
    round2.id,
    { timeout: 15_000 },
  );
  expect(await cy.page.getByTestId('result').count()).toBe(0);
  await cy.context.setOffline(false);
  await cy.page.waitForFunction(
    (id) => document.querySelector(`[data-testid=result][data-round="${id}"]`) !== null,
    round2.id,
    { timeout: 20_000 },
  );
  const winner2 = drawn2.winners![0]!.participantId;
  expect(await cy.page.getByTestId('result').getAttribute('data-outcome')).toBe(
    winner2 === cyId ? 'won' : 'lost',
  );

  // --- the host marks round 2's winner a no-show: that phone shows the win as forfeited, live
  const w2 = byId.get(winner2)!;
  await openWins(w2, joinUrl);
  const claim2 = (await hostApi<ClaimDto[]>(server, 'GET', `/api/events/${event.id}/claims`)).find(
    (c) => c.roundId === round2.id,
  )!;
  await hostApi(server, 'POST', `/api/claims/${claim2.id}/forfeit`, { reason: 'no_show' });
  await expect
    .poll(() => w2.page.locator(`[data-testid=win][data-status=forfeited]`).count(), { timeout: 10_000 })
    .toBe(1);

  // --- the prize desk redeems round 1's code: the winner's phone says "collected" live
  const w1wins = byId.get(winner1)!;
  await openWins(w1wins, joinUrl);
  await hostApi(server, 'POST', '/api/claims/redeem', { code: claim1.displayCode, staff: 'Desk' });
  await expect
    .poll(() => w1wins.page.locator(`[data-testid=win][data-status=redeemed]`).count(), { timeout: 10_000 })
    .toBe(1);

  // --- closed event: a new phone gets a clear page; nothing ever ran the nickname as HTML
  // The URL the server prints (/) goes straight to the only open draw.
  const late = await newPhone(chromium.browser, 'late', 'en-US');
  phones.push(late);
  await late.page.goto(`${origin}/`);
  await late.page.waitForURL(joinUrl);
  await late.page.getByTestId('event-title').waitFor();
  await hostApi(server, 'POST', `/api/events/${event.id}/close`);
  await late.page.goto(joinUrl);
  await late.page.getByTestId('closed').waitFor();
  for (const p of phones) {
    expect(p.dialogs, p.name).toEqual([]);
    expect(await p.page.locator('img[src=x]').count()).toBe(0);
    expect(p.errors, p.name).toEqual([]);
  }
});
