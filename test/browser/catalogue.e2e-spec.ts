import type { Browser, BrowserContext, Page } from 'playwright-core';
import { PageRenderer } from '@academy/web';
import { type AcademyServer, BROWSER_ADMIN, startAcademyServer } from './support/academy-server';
import { expectNoAxeViolations } from './support/axe';
import {
  describeInBrowser,
  expectNoSidewaysScroll,
  launchChromium,
  newContext,
  PHONE,
  screenshot,
} from './support/browser';

/** The demo academy: about 40 courses in Friesland, so the pages are seen as a volunteer sees them. */
describeInBrowser('the catalogue in Chromium (demo academy)', () => {
  let server: AcademyServer;
  let browser: Browser;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startAcademyServer({ DEMO_DATA: 'on' }), launchChromium()]);
  });

  afterAll(async () => {
    await browser?.close();
    if (server) {
      expect(server.app.get(PageRenderer).messages.missingKeys()).toEqual([]);
      await server.close();
    }
  });

  const heading = (page: Page) => page.getByRole('heading', { level: 1 }).textContent();
  const resultTitles = (page: Page) => page.locator('.card__title a').allTextContents();

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

    it('shows the catalogue with results and no WCAG 2.1 AA violations', async () => {
      await page.goto('/catalogue');
      expect(await heading(page)).toBe('Trainingen en workshops');
      expect(await page.locator('#results-heading').textContent()).toMatch(
        /^\d+ trainingen en workshops gevonden$/,
      );
      expect((await resultTitles(page)).length).toBe(10);
      await expectNoAxeViolations(page);
      await screenshot(page, 'catalogue-desktop');
    });

    it('searches with the form; the words end up in the URL', async () => {
      await page.getByLabel('Zoeken op woorden').fill('dementie');
      await page.getByRole('button', { name: 'Zoeken', exact: true }).click();
      await page.waitForURL(/\/catalogue\?q=dementie/);
      const titles = await resultTitles(page);
      expect(titles.length).toBeGreaterThan(0);
      expect(titles.some((title) => /dementie/i.test(title))).toBe(true);
      await expectNoAxeViolations(page);
    });

    it('narrows down with the filters, which combine and stay chosen', async () => {
      await page.goto('/catalogue');
      await page.getByText('Meer keuzes: plaats, datum, onderwerp').click();
      const place = page.getByLabel('Plaats', { exact: true });
      const chosen = (await place.locator('option').nth(1).textContent())!.trim();
      await place.selectOption({ label: chosen });
      await page.getByLabel('Alleen met vrije plekken').check();
      await page.getByRole('button', { name: 'Toon de resultaten' }).click();
      await page.waitForURL(/place=.*hasSeats=true/);
      const url = new URL(page.url());
      expect(url.searchParams.get('place')).toBe(chosen);
      const places = await page.locator('.card__facts dd:nth-of-type(2)').allTextContents();
      expect(places.length).toBeGreaterThan(0);
      expect(new Set(places)).toEqual(new Set([chosen]));
      expect(await page.locator('.filters__chosen').textContent()).toContain(
        `${chosen} · Alleen met vrije plekken`,
      );
      await page.getByText('Meer keuzes: plaats, datum, onderwerp').click();
      expect(await page.getByLabel('Alleen met vrije plekken').isChecked()).toBe(true);
      await expectNoAxeViolations(page);
      await screenshot(page, 'catalogue-filtered-desktop');
    });

    it('opens a course with its sessions, meetings, place and seats', async () => {
      const link = page.locator('.card__title a').first();
      const title = (await link.textContent())!.trim();
      await link.click();
      await page.waitForURL(/\/catalogue\/courses\/[0-9a-f-]{36}$/);
      expect(await heading(page)).toBe(title);
      expect(await page.getByRole('heading', { name: 'Data en plaatsen' }).count()).toBe(1);
      expect(await page.locator('.session').count()).toBeGreaterThan(0);
      expect(await page.locator('.session__seats').first().textContent()).toMatch(
        /plek|wachtlijst|niet door/,
      );
      expect(await page.getByRole('link', { name: 'Log in om u aan te melden' }).count()).toBeGreaterThan(0);
      await expectNoAxeViolations(page);
      await screenshot(page, 'course-desktop');
    });

    it('switches the course page from Dutch to Frisian to English', async () => {
      const languages = page.getByRole('navigation', { name: 'Taal' });
      await languages.getByRole('link', { name: 'Frysk' }).click();
      await page.waitForURL(/lang=fy/);
      expect(await page.getAttribute('html', 'lang')).toBe('fy');
      expect(await page.getByRole('heading', { name: 'Datums en plakken' }).count()).toBe(1);
      expect(await page.locator('.meeting__when').first().textContent()).toMatch(
        /(moandei|tiisdei|woansdei|tongersdei|freed|sneon|snein) \d{1,2} [a-z]+ \d{4}/,
      );
      await expectNoAxeViolations(page);

      await page.getByRole('navigation', { name: 'Taal' }).getByRole('link', { name: 'English' }).click();
      await page.waitForURL(/lang=en/);
      expect(await page.getAttribute('html', 'lang')).toBe('en');
      expect(await page.getByRole('heading', { name: 'Dates and places' }).count()).toBe(1);
      expect(await page.getByRole('link', { name: 'Log in to sign up' }).count()).toBeGreaterThan(0);
      await expectNoAxeViolations(page);

      // The choice is remembered: the catalogue stays in English without ?lang=.
      await page.goto('/catalogue');
      expect(await heading(page)).toBe('Trainings and workshops');
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

    it('searches, filters and opens a course without sideways scrolling or violations', async () => {
      await page.goto('/catalogue');
      await expectNoSidewaysScroll(page);
      await screenshot(page, 'catalogue-phone');
      await page.getByLabel('Zoeken op woorden').fill('mantelzorger');
      await page.getByRole('button', { name: 'Zoeken', exact: true }).click();
      await page.waitForURL(/q=mantelzorger/);
      await page.getByText('Meer keuzes: plaats, datum, onderwerp').click();
      await page.getByLabel('Soort').selectOption('workshop');
      await page.getByRole('button', { name: 'Toon de resultaten' }).click();
      await page.waitForURL(/kind=workshop/);
      await expectNoSidewaysScroll(page);
      await expectNoAxeViolations(page);
      await screenshot(page, 'catalogue-filtered-phone');

      await page.goto('/catalogue');
      await page.locator('.card__title a').first().click();
      await page.waitForURL(/\/catalogue\/courses\//);
      await expectNoSidewaysScroll(page);
      await expectNoAxeViolations(page);
      await screenshot(page, 'course-phone');
      const enrol = await page.getByRole('link', { name: 'Log in om u aan te melden' }).first().boundingBox();
      expect(enrol?.height).toBeGreaterThanOrEqual(44);
    });

    it('lets an administrator plan a course on the phone, with errors next to the fields', async () => {
      await page.goto('/login?next=%2Fcatalogue%2Fmanage');
      await page.getByLabel('E-mailadres', { exact: true }).fill(BROWSER_ADMIN.email);
      await page.getByLabel('Wachtwoord', { exact: true }).fill(BROWSER_ADMIN.password);
      await page.getByRole('button', { name: 'Inloggen' }).click();
      await page.waitForURL(/\/catalogue\/manage$/);
      await expectNoAxeViolations(page);
      await screenshot(page, 'manage-phone');

      await page.getByRole('link', { name: 'Nieuwe cursus' }).click();
      await page.getByRole('button', { name: 'Cursus opslaan' }).click();
      await page.getByRole('alert').waitFor();
      await expectNoSidewaysScroll(page);
      await expectNoAxeViolations(page);
      await screenshot(page, 'course-form-errors-phone');

      await page.getByLabel('Workshop').check();
      await page.getByLabel('Titel', { exact: true }).fill('Vergadertechniek voor dorpsbelangen');
      await page.getByLabel('Samenvatting').fill('Korter en prettiger vergaderen in het dorpshuis.');
      await page.getByLabel('Onderwerp').selectOption('organisatie-en-bestuur');
      await page.getByLabel('Bestuursleden').check();
      await page.getByRole('button', { name: 'Cursus opslaan' }).click();
      await page.waitForURL(/done=created/);
      await expect(page.getByRole('status').textContent()).resolves.toContain('opgeslagen als concept');
      await expectNoAxeViolations(page);

      await page.getByRole('link', { name: 'Nieuwe groep plannen' }).click();
      await page.getByLabel('Datum', { exact: true }).fill('2020-01-01');
      await page.getByLabel('Begintijd').fill('19:30');
      await page.getByLabel('Eindtijd').fill('21:30');
      await page.getByLabel('Locatie', { exact: true }).fill('Dorpshuis De Skalm');
      await page.getByLabel('Plaats').fill('Drachten');
      await page.getByLabel('Aantal plekken').fill('12');
      await page.getByLabel('Aantal plekken').press('Enter');
      await page.getByRole('alert').waitFor();
      expect(await page.getByRole('alert').textContent()).toContain(
        'Bijeenkomst 1: deze datum en tijd zijn al voorbij',
      );
      await expectNoSidewaysScroll(page);
      await expectNoAxeViolations(page);
      await screenshot(page, 'session-form-errors-phone');
    });
  });
});
