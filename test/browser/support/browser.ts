import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import {
  type Browser,
  type BrowserContext,
  type BrowserContextOptions,
  chromium,
  type Page,
} from 'playwright-core';

/**
 * Debian's Chromium (`apt-get install chromium`); Playwright never downloads a browser here.
 * CHROMIUM_PATH points elsewhere when a machine keeps it somewhere else.
 */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Flags for a headless run in a container: no sandbox (root), no GPU, no calls home. */
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
];

/** A phone of the size most of our volunteers and trainers carry (iPhone 12–15 class). */
export const PHONE: BrowserContextOptions = {
  viewport: { width: 390, height: 844 },
  deviceScaleFactor: 2,
  isMobile: true,
  hasTouch: true,
};

/** Per test in a browser suite: several page loads with Chromium, axe and the app on the same cores. */
const BROWSER_TEST_TIMEOUT_MS = 180_000;

export const DESKTOP: BrowserContextOptions = { viewport: { width: 1280, height: 900 } };

export function chromiumInstalled(): boolean {
  return existsSync(CHROMIUM_PATH);
}

/**
 * `describe` for a browser suite. Without Chromium the suite is skipped with a message saying why and how
 * to get it — unless REQUIRE_SERVICES=1 (CI), where a missing browser is a failure, never a silent skip.
 */
export function describeInBrowser(name: string, suite: () => void): void {
  if (chromiumInstalled()) {
    describe(name, () => {
      // A browser step waits for a real page render; on two busy cores a whole scenario can pass a minute.
      jest.setTimeout(BROWSER_TEST_TIMEOUT_MS);
      suite();
    });
    return;
  }
  const why = `Chromium is not installed at ${CHROMIUM_PATH} (apt-get install -y chromium, or set CHROMIUM_PATH)`;
  if (process.env.REQUIRE_SERVICES === '1') {
    describe(name, () => {
      it('needs Chromium', () => {
        throw new Error(`${why}, and REQUIRE_SERVICES=1: browser tests may not be skipped.`);
      });
    });
    return;
  }
  console.warn(`⚠ Skipping the browser suite "${name}": ${why}.`);
  describe.skip(name, suite);
}

export async function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true });
}

/**
 * A fresh browser profile (no cookies) in Dutch, as most of our readers have. The Accept-Language stays
 * Dutch in every context so a language the page shows comes from the switch, not from the browser.
 */
export async function newContext(
  browser: Browser,
  baseURL: string,
  options: BrowserContextOptions = DESKTOP,
): Promise<BrowserContext> {
  const context = await browser.newContext({
    locale: 'nl-NL',
    timezoneId: 'Europe/Amsterdam',
    ...options,
    baseURL,
  });
  context.setDefaultTimeout(15_000);
  return context;
}

/**
 * Saves a full-page screenshot when BROWSER_SCREENSHOTS names a folder (for looking at the pages as a
 * person would); does nothing otherwise, so ordinary runs write no files.
 */
export async function screenshot(page: Page, name: string): Promise<string | undefined> {
  const dir = process.env.BROWSER_SCREENSHOTS;
  if (!dir) return undefined;
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

/** Fails when the page is wider than the screen: on a phone, sideways scrolling hides half of every line. */
export async function expectNoSidewaysScroll(page: Page): Promise<void> {
  const [scroll, viewport] = await Promise.all([
    page.evaluate<number>('document.documentElement.scrollWidth'),
    page.evaluate<number>('window.innerWidth'),
  ]);
  if (scroll > viewport) {
    throw new Error(`${page.url()} is ${scroll}px wide on a ${viewport}px screen: it scrolls sideways.`);
  }
}
