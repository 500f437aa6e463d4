// The prize desk's camera scan in Debian's Chromium: the fake camera plays a Y4M video of a winner's QR
// code (made here with the qrcode library), jsQR decodes it, and the desk looks the win up.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PROTOCOL_VERSION } from '@drawcast/shared';
import type { ClaimDto, ClientToServerEvents, RoundDto, ServerToClientEvents } from '@drawcast/shared';
import QRCode from 'qrcode';
import { io } from 'socket.io-client';
import type { Socket } from 'socket.io-client';
import { afterAll, beforeAll, expect, test } from 'vitest';
import jsQR from 'jsqr';
import { launchChromium, screenshotDir } from '../../e2e-kit/browser';
import type { LaunchedBrowser } from '../../e2e-kit/browser';
import { hostApi, startServer } from '../../e2e-kit/server';
import type { RunningServer } from '../../e2e-kit/server';
import { newPhone } from './audienceKit';

const W = 640;
const H = 480;

/** A few frames of 4:2:0 Y4M video showing `text` as a QR code on white (what the fake camera plays). */
function qrVideo(text: string): Buffer {
  const qr = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const n = qr.modules.size;
  const scale = Math.floor(360 / (n + 8));
  const size = (n + 8) * scale;
  const x0 = Math.floor((W - size) / 2);
  const y0 = Math.floor((H - size) / 2);
  const luma = Buffer.alloc(W * H, 235);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const mx = Math.floor(x / scale) - 4;
      const my = Math.floor(y / scale) - 4;
      if (mx >= 0 && my >= 0 && mx < n && my < n && qr.modules.get(my, mx) === 1)
        luma[(y0 + y) * W + x0 + x] = 16;
    }
  }
  const chroma = Buffer.alloc((W / 2) * (H / 2) * 2, 128);
  const frame = Buffer.concat([Buffer.from('FRAME\n'), luma, chroma]);
  return Buffer.concat([
    Buffer.from(`YUV4MPEG2 W${W} H${H} F10:1 Ip A1:1 C420jpeg\n`),
    ...Array(10).fill(frame),
  ]);
}

let server: RunningServer;
let chromium: LaunchedBrowser;
let plain: LaunchedBrowser | undefined;
const dir = mkdtempSync(path.join(os.tmpdir(), 'drawcast-camera-'));
const phones: Socket<ServerToClientEvents, ClientToServerEvents>[] = [];

beforeAll(async () => {
  server = await startServer();
});
afterAll(async () => {
  for (const p of phones) p.disconnect();
  await Promise.all([server?.stop(), chromium?.close(), plain?.close()]);
  rmSync(dir, { recursive: true, force: true });
});

/** An open event (reveal at once) with one unit of one prize. */
async function openEventWithPrize(title: string, prizeName: string) {
  const event = await hostApi<{ id: string; joinCode: string }>(server, 'POST', '/api/events', {
    title,
    settings: { revealLeadMs: 0 },
  });
  await hostApi(server, 'POST', `/api/events/${event.id}/open`);
  const prize = await hostApi<{ id: string }>(server, 'POST', `/api/events/${event.id}/prizes`, {
    name: prizeName,
    quantity: 1,
  });
  return { event, prize };
}

/** Draws one winner of the prize, and makes a staff credential for the desk that redeems the win. */
async function drawOneWinner(eventId: string, prizeId: string, staffLabel: string) {
  const round = await hostApi<RoundDto>(server, 'POST', `/api/events/${eventId}/rounds`, {
    prizeId,
    winners: 1,
  });
  await hostApi(server, 'POST', `/api/rounds/${round.id}/draw`);
  const [claim] = await hostApi<ClaimDto[]>(server, 'GET', `/api/events/${eventId}/claims`);
  const staff = await hostApi<{ token: string }>(server, 'POST', `/api/events/${eventId}/staff`, {
    label: staffLabel,
  });
  return { claim, staff };
}

test('the desk scans a winner QR with the camera and finds the win', async () => {
  const { event, prize } = await openEventWithPrize('Camera night', 'Lamp');
  for (const nickname of ['Ann', 'Bo']) {
    const phone = io(server.url, {
      auth: { protocolVersion: PROTOCOL_VERSION },
      transports: ['websocket'],
      forceNew: true,
    });
    phones.push(phone);
    const ack = await phone.emitWithAck('event:join', {
      joinCode: event.joinCode,
      nickname,
      deviceToken: `dev-${nickname}-camera`,
    });
    expect(ack.ok).toBe(true);
  }
  const { claim, staff } = await drawOneWinner(event.id, prize.id, 'Desk');

  // The QR encodes a desk URL, as a staff phone's camera app would open it.
  const video = path.join(dir, 'qr.y4m');
  writeFileSync(video, qrVideo(`${server.url}/host#code=${claim!.code}`));
  chromium = await launchChromium([
    '--use-fake-device-for-media-stream',
    '--use-fake-ui-for-media-stream',
    `--use-file-for-fake-video-capture=${video}`,
  ]);
  const context = await chromium.browser.newContext({ locale: 'en-US' });
  await context.grantPermissions(['camera'], { origin: server.url });
  const page = await context.newPage();
  await page.goto(`${server.url}/host#token=${encodeURIComponent(staff.token)}`);
  await page.getByTestId('scan').click();
  await expect
    .poll(() => page.getByLabel('Winner’s code').inputValue(), { timeout: 20_000 })
    .toBe(claim!.code);
  await page.getByTestId('desk-claim').waitFor();
  expect(await page.getByTestId('desk-claim').textContent()).toContain(claim!.nickname);
  expect(await page.locator('video').isVisible()).toBe(false);

  // The door: a person from an imported list is checked in by the staff with the token of their QR.
  const imported = await fetch(`${server.url}/api/events/${event.id}/people/import?filename=list.csv`, {
    method: 'POST',
    headers: { authorization: `Bearer ${server.hostToken}`, 'content-type': 'text/csv' },
    body: 'name,employeeId\nMei Lin,E1\n',
  });
  expect(imported.status).toBe(200);
  const { people } = await hostApi<{ people: Array<{ checkinToken: string }> }>(
    server,
    'GET',
    `/api/events/${event.id}/people`,
  );
  await page
    .getByLabel('Check-in QR (scan) or its token')
    .fill(`${server.url}/checkin?token=${people[0]!.checkinToken}`);
  await page.getByRole('button', { name: 'Check in' }).click();
  await page.getByText('Mei Lin is checked in.').waitFor();
});

test('a staff phone opens the desk URL of a winner’s QR (as a camera app would) and redeems', async () => {
  const shots = screenshotDir('host-desk-link');
  const { event, prize } = await openEventWithPrize('Desk link night', 'Kettle');
  plain = await launchChromium();
  const phone = await newPhone(plain.browser, 'winner', 'en-US');
  await phone.page.goto(`${server.url}/j/${event.joinCode}`);
  await phone.page.locator('#nickname').fill('Wen');
  await phone.page.locator('form button[type=submit]').click();
  await phone.page.getByTestId('entry-id').waitFor();
  const { claim, staff } = await drawOneWinner(event.id, prize.id, 'Door');

  // The winner's phone shows its QR; its pixels are decoded as a camera app would read them.
  await phone.page.goto(`${server.url}/j/${event.joinCode}#/wins`);
  const close = phone.page.getByTestId('close-result');
  if (await close.isVisible()) await close.click();
  const qr = phone.page.locator('[data-testid=win] svg.qr');
  await qr.waitFor();
  await phone.page.screenshot({ path: path.join(shots, 'phone-wins-en.png'), fullPage: true });
  const pixels = await qr.evaluate(async (svg) => {
    const img = new Image();
    img.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(new XMLSerializer().serializeToString(svg))}`;
    await img.decode();
    const canvas = document.createElement('canvas');
    canvas.width = canvas.height = 400;
    const ctx = canvas.getContext('2d')!;
    ctx.drawImage(img, 0, 0, 400, 400);
    return Array.from(ctx.getImageData(0, 0, 400, 400).data);
  });
  const payload = jsQR(Uint8ClampedArray.from(pixels), 400, 400)?.data;
  expect(payload).toBe(`${server.url}/host#desk&code=${claim!.code}`);

  // The staff phone signed in once; the camera app opens the link in a new tab, which lands signed in.
  const staffPhone = await newPhone(plain.browser, 'staff', 'en-US');
  await staffPhone.page.goto(`${server.url}/host#token=${encodeURIComponent(staff.token)}`);
  await staffPhone.page.getByRole('heading', { name: 'Prize desk' }).waitFor();
  const scanned = await staffPhone.context.newPage();
  await scanned.goto(payload!);
  await scanned.getByTestId('desk-claim').waitFor();
  expect(await scanned.getByLabel('Winner’s code').inputValue()).toBe(claim!.code);
  const shown = (await scanned.getByTestId('desk-claim').textContent())!;
  expect(shown).toContain('Wen');
  expect(shown).toContain('Kettle');
  expect(shown).toContain('Not collected');
  await scanned.screenshot({ path: path.join(shots, 'desk-from-qr-en.png'), fullPage: true });
  await scanned.getByTestId('redeem').click();
  await expect
    .poll(() => scanned.getByTestId('desk-message').textContent())
    .toContain('Redeemed. Hand over the prize.');
  const after = await hostApi<ClaimDto[]>(server, 'GET', `/api/events/${event.id}/claims`);
  expect(after[0]!.status).toBe('redeemed');

  // The same link scanned again (here on a zh-CN staff phone) shows the win as already redeemed.
  const zh = await newPhone(plain.browser, 'staff-zh', 'zh-CN');
  await zh.page.goto(`${server.url}/host#token=${encodeURIComponent(staff.token)}&desk&code=${claim!.code}`);
  await zh.page.getByTestId('desk-claim').waitFor();
  await zh.page.locator('.badge.redeemed').waitFor();
  await zh.page.screenshot({ path: path.join(shots, 'desk-from-qr-zh.png'), fullPage: true });
  await zh.page.getByTestId('redeem').click();
  await zh.page.getByTestId('desk-message').waitFor();
  await zh.page.screenshot({ path: path.join(shots, 'desk-again-zh.png'), fullPage: true });

  // The host token opens the same link before choosing an event: the desk shows the (now redeemed) win.
  const hostPhone = await newPhone(plain.browser, 'host', 'en-US');
  await hostPhone.page.goto(
    `${server.url}/host#token=${encodeURIComponent(server.hostToken)}&desk&code=${claim!.code}`,
  );
  await hostPhone.page.getByTestId('desk-claim').waitFor();
  expect(await hostPhone.page.getByTestId('desk-claim').textContent()).toContain('Wen');
  await hostPhone.page.locator('.badge.redeemed').waitFor();
  expect(phone.errors).toEqual([]);
});
