// The built phone app is served by a real server and renders in Debian's Chromium.
import { afterAll, beforeAll, expect, test } from 'vitest';
import { launchChromium } from '../../e2e-kit/browser';
import type { LaunchedBrowser } from '../../e2e-kit/browser';
import { startServer } from '../../e2e-kit/server';
import type { RunningServer } from '../../e2e-kit/server';

let server: RunningServer;
let chromium: LaunchedBrowser;

beforeAll(async () => {
  [server, chromium] = await Promise.all([startServer(), launchChromium()]);
});

afterAll(async () => {
  await Promise.all([server?.stop(), chromium?.close()]);
});

test('the server serves the built phone app and the console page', async () => {
  const page = await chromium.browser.newPage();
  await page.goto(server.url + '/');
  await expect.poll(() => page.locator('h1').first().textContent()).toContain('Join a draw');
  await page.goto(server.url + '/host');
  await expect.poll(() => page.locator('h1').first().textContent()).toContain('console');
});
