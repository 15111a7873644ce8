import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { expectNoAxeViolations } from './axe';
import { expectNoSidewaysScroll, newContext, PHONE, screenshot } from './browser';

/** A fresh browser context logged in through the login form, as the person would (Dutch labels). */
export async function loggedInAs(
  browser: Browser,
  baseUrl: string,
  person: { email: string; password: string },
  device: BrowserContextOptions = PHONE,
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await newContext(browser, baseUrl, device);
  const page = await context.newPage();
  await page.goto('/login');
  await page.getByLabel('E-mailadres', { exact: true }).fill(person.email);
  await page.getByLabel('Wachtwoord', { exact: true }).fill(person.password);
  await page.getByRole('button', { name: 'Inloggen' }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
  return { context, page };
}

/** What every page must be: no WCAG 2.1 AA violations, no sideways scrolling; a screenshot for the record. */
export async function looksRight(page: Page, name: string): Promise<void> {
  await expectNoAxeViolations(page);
  await expectNoSidewaysScroll(page);
  await screenshot(page, name);
}
