// Helpers of the audience end-to-end test: phone contexts, CSP-safe axe, screenshots in both languages.
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { seriousAxeViolations } from '../../e2e-kit/browser';

/** A phone: its own context (storage, network), one page, and the dialogs it saw (XSS would open one). */
export interface Phone {
  name: string;
  context: BrowserContext;
  page: Page;
  dialogs: string[];
  errors: string[];
}

/** A 390×844 touch phone in the given language. */
export async function newPhone(
  browser: Browser,
  name: string,
  locale: 'en-US' | 'zh-CN',
  reducedMotion: 'reduce' | 'no-preference' = 'no-preference',
): Promise<Phone> {
  const context = await browser.newContext({
    viewport: { width: 390, height: 844 },
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
    locale,
    reducedMotion,
  });
  const page = await context.newPage();
  const phone: Phone = { name, context, page, dialogs: [], errors: [] };
  page.on('dialog', (d) => {
    phone.dialogs.push(d.message());
    void d.dismiss();
  });
  page.on('pageerror', (e) => phone.errors.push(e.message));
  return phone;
}

/** axe-core's serious and critical violations (the e2e kit's, which injects axe past the CSP). */
export const axeSerious = seriousAxeViolations;

/** The page's current language ('en' or 'zh-CN'). */
export async function pageLang(page: Page): Promise<string> {
  return page.evaluate(() => document.documentElement.lang);
}

/** Screenshots of the current screen in both languages (switching with the app's own button). */
export async function shootBoth(page: Page, dir: string, name: string): Promise<void> {
  const first = await pageLang(page);
  await page.screenshot({ path: path.join(dir, `${name}.${first}.png`), fullPage: true });
  await page.locator('button.lang').click();
  await page.waitForFunction((l) => document.documentElement.lang !== l, first);
  const second = await pageLang(page);
  await page.screenshot({ path: path.join(dir, `${name}.${second}.png`), fullPage: true });
  await page.locator('button.lang').click();
  await page.waitForFunction((l) => document.documentElement.lang === l, first);
}
