import type { Browser, BrowserContext, Page } from 'playwright-core';
import { PageRenderer } from '@academy/web';
import { BROWSER_ADMIN, type AcademyServer, startAcademyServer } from './support/academy-server';
import { expectNoAxeViolations } from './support/axe';
import { describeInBrowser, launchChromium, newContext, PHONE, screenshot } from './support/browser';

describeInBrowser('home, login, account and logout in Chromium', () => {
  let server: AcademyServer;
  let browser: Browser;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startAcademyServer(), launchChromium()]);
  });

  afterAll(async () => {
    await browser?.close();
    if (server) {
      expect(server.app.get(PageRenderer).messages.missingKeys()).toEqual([]);
      await server.close();
    }
  });

  describe('on a desktop', () => {
    let context: BrowserContext;
    let page: Page;

    beforeAll(async () => {
      context = await newContext(browser, server.baseUrl);
      page = await context.newPage();
    });

    afterAll(async () => {
      await context?.close();
    });

    it('shows the home page in Dutch with no WCAG 2.1 AA violations', async () => {
      await page.goto('/');
      await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toContain(
        'Welkom bij de Vrijwilligersacademie',
      );
      expect(await page.getAttribute('html', 'lang')).toBe('nl');
      await expectNoAxeViolations(page);
      await screenshot(page, 'home-desktop');
    });

    it.each([
      ['nl', 'Inloggen', 'E-mailadres', 'Wachtwoord'],
      ['fy', 'Ynlogge', 'E-mailadres', 'Wachtwurd'],
      ['en', 'Log in', 'Email address', 'Password'],
    ])(
      'shows the login page in %s with labelled fields and no violations',
      async (lang, heading, email, password) => {
        await page.goto(`/login?lang=${lang}`);
        expect(await page.getAttribute('html', 'lang')).toBe(lang);
        expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(heading);
        await expect(page.getByLabel(email, { exact: true }).count()).resolves.toBe(1);
        await expect(page.getByLabel(password, { exact: true }).count()).resolves.toBe(1);
        await expectNoAxeViolations(page);
      },
    );

    it('reaches the login page from the home page by following the language switch and the menu', async () => {
      await page.goto('/?lang=nl');
      await page.getByRole('navigation', { name: 'Taal' }).getByRole('link', { name: 'Frysk' }).click();
      expect(await page.getAttribute('html', 'lang')).toBe('fy');
      await page.getByRole('navigation', { name: 'Haadmenu' }).getByRole('link', { name: 'Ynlogge' }).click();
      await page.waitForURL('**/login');
      expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Ynlogge');
      await page.goto('/?lang=nl');
    });

    it('shows a wrong password next to the field, then logs the admin in through the form', async () => {
      await page.goto('/login');
      await page.getByLabel('E-mailadres', { exact: true }).fill(BROWSER_ADMIN.email);
      await page.getByLabel('Wachtwoord', { exact: true }).fill('niet het goede wachtwoord');
      await page.getByRole('button', { name: 'Inloggen' }).click();
      await page.getByRole('alert').waitFor();
      expect(await page.title()).toMatch(/^Fout: Inloggen/);
      expect(await page.getByLabel('E-mailadres', { exact: true }).getAttribute('aria-invalid')).toBe('true');
      await expectNoAxeViolations(page);

      await page.getByLabel('Wachtwoord', { exact: true }).fill(BROWSER_ADMIN.password);
      await page.getByRole('button', { name: 'Inloggen' }).click();
      await page.waitForURL((url) => url.pathname === '/');
      expect(await page.getByRole('heading', { level: 1 }).textContent()).toContain(
        BROWSER_ADMIN.displayName,
      );
      await expectNoAxeViolations(page);
    });

    it('shows the account page with no violations', async () => {
      await page.getByRole('link', { name: 'Mijn account' }).click();
      await page.waitForURL('**/account');
      expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Mijn account');
      await expect(page.getByText(BROWSER_ADMIN.email).count()).resolves.toBe(1);
      await expectNoAxeViolations(page);
      await screenshot(page, 'account-desktop');
    });

    it('logs out with the menu button and says so', async () => {
      await page.getByRole('button', { name: 'Uitloggen' }).click();
      await page.waitForURL('**/?done=logged-out');
      await expect(page.getByRole('status').textContent()).resolves.toContain('U bent uitgelogd');
      await expectNoAxeViolations(page);
      await page.goto('/account');
      await page.waitForURL('**/login?next=%2Faccount');
    });
  });

  describe('on a phone', () => {
    let context: BrowserContext;
    let page: Page;

    beforeAll(async () => {
      context = await newContext(browser, server.baseUrl, PHONE);
      page = await context.newPage();
    });

    afterAll(async () => {
      await context?.close();
    });

    it('fits the login page to the screen: no sideways scrolling, large enough tap targets', async () => {
      await page.goto('/login');
      await screenshot(page, 'login-phone');
      const width = await page.evaluate<number>('document.documentElement.scrollWidth');
      expect(width).toBeLessThanOrEqual(390);
      const button = await page.getByRole('button', { name: 'Inloggen' }).boundingBox();
      expect(button?.height).toBeGreaterThanOrEqual(44);
      expect(button?.width).toBeGreaterThan(300);
      await expectNoAxeViolations(page);
    });

    it('logs in and out on the phone', async () => {
      await page.getByLabel('E-mailadres', { exact: true }).fill(BROWSER_ADMIN.email);
      await page.getByLabel('Wachtwoord', { exact: true }).fill(BROWSER_ADMIN.password);
      await page.getByRole('button', { name: 'Inloggen' }).click();
      await page.waitForURL((url) => url.pathname === '/');
      await page.goto('/account');
      await screenshot(page, 'account-phone');
      await expectNoAxeViolations(page);
      await page.getByRole('button', { name: 'Uitloggen' }).click();
      await page.waitForURL('**/?done=logged-out');
    });
  });
});
