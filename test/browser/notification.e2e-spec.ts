import type { Browser } from 'playwright-core';
import { PageRenderer } from '@academy/web';
import { CatalogueFixtures, type Person } from '../catalogue-pages/support/catalogue-fixtures';
import { type AcademyServer, BROWSER_ADMIN, startAcademyServer } from './support/academy-server';
import { DESKTOP, describeInBrowser, launchChromium, PHONE } from './support/browser';
import { loggedInAs, looksRight } from './support/pages';

/** The inbox and the message settings on a phone and a desktop, checked with axe (WCAG 2.1 AA). */
describeInBrowser('notification pages in Chromium', () => {
  let server: AcademyServer;
  let browser: Browser;
  let fixtures: CatalogueFixtures;
  let volunteer: Person;
  let coordinator: Person;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startAcademyServer(), launchChromium()]);
    fixtures = new CatalogueFixtures(server.app, BROWSER_ADMIN);
    [volunteer, coordinator] = [await fixtures.person('volunteer'), await fixtures.person('coordinator')];
    for (const title of ['Grenzen stellen als mantelzorger', 'Omgaan met stress']) {
      const { session } = await fixtures.publishedWorkshop({ title });
      for (let i = 0; ; i++) {
        const res = await server.app.inject({
          method: 'POST',
          url: '/api/enrolments',
          headers: { authorization: `Bearer ${volunteer.token}` },
          payload: { sessionId: session.id },
        });
        if (res.statusCode === 201) break;
        if (i > 200) throw new Error(`enrolment never worked: ${res.statusCode} ${res.body}`);
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
    }
    for (let i = 0; ; i++) {
      const res = await server.app.inject({
        method: 'GET',
        url: '/api/notifications/mine',
        headers: { authorization: `Bearer ${volunteer.token}` },
      });
      if (res.json<{ total: number }>().total >= 2) break;
      if (i > 400) throw new Error('the confirmations never reached the inbox');
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  });

  afterAll(async () => {
    await browser?.close();
    if (server) {
      expect(server.app.get(PageRenderer).messages.missingKeys()).toEqual([]);
      await server.close();
    }
  });

  const loggedIn = (person: Person, device = PHONE) => loggedInAs(browser, server.baseUrl, person, device);

  it('shows the inbox unread first and marks messages read, on a phone', async () => {
    const { context, page } = await loggedIn(volunteer);
    try {
      await page.getByRole('link', { name: 'Berichten' }).first().click();
      await page.waitForURL(/\/notifications$/);
      expect(await page.getByRole('heading', { level: 1 }).textContent()).toContain('berichten');
      await looksRight(page, 'notification-inbox-phone');
      const marks = page.getByRole('button', { name: /Markeer als gelezen/ });
      expect(await marks.count()).toBe(2);
      await marks.first().click();
      await page.waitForURL(/done=read/);
      expect(await page.getByRole('status').textContent()).toContain('gelezen');
      expect(await page.getByRole('button', { name: /Markeer als gelezen/ }).count()).toBe(1);
      await looksRight(page, 'notification-inbox-one-read-phone');
      await page.getByRole('button', { name: 'Alles als gelezen markeren' }).click();
      await page.waitForURL(/done=all-read/);
      expect(await page.getByRole('button', { name: /Markeer als gelezen/ }).count()).toBe(0);
      await looksRight(page, 'notification-inbox-all-read-phone');
    } finally {
      await context.close();
    }
  });

  it('saves message settings and makes a calendar address, on a phone', async () => {
    const { context, page } = await loggedIn(volunteer);
    try {
      await page.goto('/notifications/preferences');
      await looksRight(page, 'notification-preferences-phone');
      await page.getByLabel('Nee, geen herinneringen').check();
      await page.getByLabel('English').check();
      await page.getByRole('button', { name: 'Opslaan' }).click();
      await page.waitForURL(/done=saved/);
      expect(await page.getByRole('status').textContent()).toContain('opgeslagen');
      expect(await page.getByLabel('Nee, geen herinneringen').isChecked()).toBe(true);
      await page.getByRole('button', { name: 'Maak mijn agenda-adres' }).click();
      await page.waitForURL(/done=calendar/);
      expect(await page.getByLabel('Uw agenda-adres').inputValue()).toMatch(/\/api\/calendar\/.+\.ics$/);
      await looksRight(page, 'notification-preferences-calendar-phone');
    } finally {
      await context.close();
    }
  });

  it('gives a coordinator the digest choice and an empty inbox, on a desktop', async () => {
    const { context, page } = await loggedIn(coordinator, DESKTOP);
    try {
      await page.goto('/notifications/preferences');
      await page.getByLabel('Elke ochtend').check();
      await looksRight(page, 'notification-preferences-coordinator-desktop');
      await page.getByRole('button', { name: 'Opslaan' }).click();
      await page.waitForURL(/done=saved/);
      expect(await page.getByLabel('Elke ochtend').isChecked()).toBe(true);
      await page.goto('/notifications');
      await looksRight(page, 'notification-inbox-empty-desktop');
    } finally {
      await context.close();
    }
  });
});
