// Helpers of the host console end-to-end tests: a desktop console page, its sign-in link and the axe check.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { expect } from 'vitest';
import { seriousAxeViolations } from '../../e2e-kit/browser';

/** A 1280×900 console page in `locale`; its context goes into `contexts`, for the file's afterAll to close. */
export async function newConsolePage(
  browser: Browser,
  contexts: BrowserContext[],
  locale: string,
): Promise<Page> {
  // bypassCSP: axe-core is injected as an inline script, which the server's CSP (rightly) blocks.
  const context = await browser.newContext({
    locale,
    viewport: { width: 1280, height: 900 },
    bypassCSP: true,
  });
  contexts.push(context);
  return context.newPage();
}

/** Fails, naming the screen, when axe-core finds a serious or critical violation on the page. */
export async function expectAxeClean(page: Page, screen: string): Promise<void> {
  expect({ screen, violations: await seriousAxeViolations(page) }).toEqual({ screen, violations: [] });
}

/** The console URL that signs in with the host token (in the fragment, as the one-click form makes it). */
export function consoleSignInUrl(server: { url: string; hostToken: string }): string {
  return `${server.url}/host#token=${encodeURIComponent(server.hostToken)}`;
}
