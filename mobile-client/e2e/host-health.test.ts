// The console's health banner in Debian's Chromium against a real cluster node (throwaway PostgreSQL and
// redis-server): stop Redis and the banner says what is degraded and what still works, in English and
// Chinese; stop PostgreSQL and it says writes are refused; both clear by themselves when they return.
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { launchChromium, screenshotDir, seriousAxeViolations } from '../../e2e-kit/browser';
import type { LaunchedBrowser } from '../../e2e-kit/browser';
import { startLocalCluster, type LocalCluster } from '../../server/src/throwaway/localCluster';

let cluster: LocalCluster;
let chromium: LaunchedBrowser;
const shots = screenshotDir('host-health');

beforeAll(async () => {
  [cluster, chromium] = await Promise.all([startLocalCluster({ nodes: 1, nginx: false }), launchChromium()]);
});
afterAll(async () => {
  await Promise.all([cluster?.stop(), chromium?.close()]);
});

async function signedIn(): Promise<Page> {
  // bypassCSP: axe-core is injected as an inline script, which the server's CSP (rightly) blocks.
  const context = await chromium.browser.newContext({
    locale: 'en-US',
    viewport: { width: 1280, height: 800 },
    bypassCSP: true,
  });
  const page = await context.newPage();
  await page.goto(`${cluster.url}/host#token=${encodeURIComponent(cluster.hostToken)}`);
  await page.getByRole('heading', { name: 'Your events' }).waitFor();
  return page;
}

test('the console shows Redis and database outages live, and clears when they end', async () => {
  const page = await signedIn();
  const banner = page.getByTestId('health-banner');
  expect(await banner.count()).toBe(0);

  await cluster.redis.stop();
  await page.locator('[data-testid="health-banner"][data-level="degraded"]').waitFor({ timeout: 20_000 });
  await expect
    .poll(() => banner.innerText())
    .toMatch(
      /Live relay degraded: Redis is unreachable[\s\S]*Joins and draws go on[\s\S]*through the database/,
    );
  await page.getByText('Technical details').click();
  expect(await banner.innerText()).toMatch(/redis .*not ready/);
  await page.screenshot({ path: path.join(shots, 'redis-down-en.png'), fullPage: true });
  expect(await seriousAxeViolations(page)).toEqual([]);

  await page.locator('.lang select').selectOption('zh-CN');
  await page.getByText('实时转发降级：Redis 无法连接').waitFor();
  expect(await banner.innerText()).toContain('加入和抽奖照常进行');
  await page.screenshot({ path: path.join(shots, 'redis-down-zh.png'), fullPage: true });
  await page.locator('.lang select').selectOption('en');

  await cluster.redis.start();
  await banner.waitFor({ state: 'detached', timeout: 20_000 });

  cluster.postgres!.stop();
  try {
    await page
      .locator('[data-testid="health-banner"][data-level="unavailable"]')
      .waitFor({ timeout: 20_000 });
    expect(await banner.innerText()).toMatch(/Database unreachable[\s\S]*refused/);
    await page.screenshot({ path: path.join(shots, 'database-down-en.png'), fullPage: true });
  } finally {
    cluster.postgres!.start();
  }
  await banner.waitFor({ state: 'detached', timeout: 20_000 });
});
