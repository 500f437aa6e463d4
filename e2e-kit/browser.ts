// Debian's Chromium driven by playwright-core, plus axe-core, for every UI test.
import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import type { Browser, Page } from 'playwright-core';

const require = createRequire(import.meta.url);
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** The flags this machine's Chromium needs (closed network, root, no GPU). */
export const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--enable-unsafe-swiftshader',
];

/** A launched browser; close() ends it and its temporary profile. */
export interface LaunchedBrowser {
  browser: Browser;
  close(): Promise<void>;
}

/** Why: one place that knows where Chromium is and which flags it needs here. */
export async function launchChromium(extraArgs: string[] = []): Promise<LaunchedBrowser> {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    // playwright gives every launch a fresh temporary profile (its own --user-data-dir).
    args: [...CHROMIUM_FLAGS, ...extraArgs],
  });
  return {
    browser,
    async close() {
      await browser.close();
    },
  };
}

/** An axe-core violation, trimmed to what a failing test should print. */
export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: string[];
}

/** Runs axe-core in the page and returns the serious and critical violations. */
export async function seriousAxeViolations(page: Page): Promise<AxeViolation[]> {
  const source = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
  // page.evaluate (a CDP evaluation), not addScriptTag: the server's CSP refuses an inline <script>.
  await page.evaluate(source);
  return page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: {
          run: (ctx: Document) => Promise<{
            violations: Array<{
              id: string;
              impact: string | null;
              help: string;
              nodes: Array<{ target: unknown[] }>;
            }>;
          }>;
        };
      }
    ).axe;
    const result = await axe.run(document);
    return result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => ({
        id: v.id,
        impact: v.impact,
        help: v.help,
        nodes: v.nodes.map((n) => JSON.stringify(n.target)),
      }));
  });
}

/** The folder tests write screenshots to (gitignored); created on demand. */
export function screenshotDir(name: string): string {
  const dir = path.join(repoRoot, '.tmp', 'screenshots', name);
  mkdirSync(dir, { recursive: true });
  return dir;
}
