import type { Browser } from 'playwright-core';
import { PageRenderer } from '@academy/web';
import { CatalogueFixtures, type Person } from '../catalogue-pages/support/catalogue-fixtures';
import { type AcademyServer, BROWSER_ADMIN, startAcademyServer } from './support/academy-server';
import { describeInBrowser, launchChromium, PHONE } from './support/browser';
import { loggedInAs, looksRight } from './support/pages';

const MINUTE = 60_000;

/** A full workshop: a volunteer joins its waitlist and leaves it; its trainer takes attendance on a phone. */
describeInBrowser('enrolment and attendance in Chromium (phone)', () => {
  let server: AcademyServer;
  let browser: Browser;
  let fixtures: CatalogueFixtures;
  let trainer: Person;
  let seated: Person;
  let waiting: Person;
  let courseId: string;
  let sessionId: string;
  let title: string;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startAcademyServer(), launchChromium()]);
    fixtures = new CatalogueFixtures(server.app, BROWSER_ADMIN);
    [trainer, seated, waiting] = [
      await fixtures.person('trainer'),
      await fixtures.person('volunteer'),
      await fixtures.person('volunteer'),
    ];
    const startsAt = new Date(Date.now() + 20 * MINUTE);
    title = 'Grenzen stellen als mantelzorger';
    const { course, session } = await fixtures.publishedWorkshop(
      { title },
      {
        capacity: 1,
        trainerIds: [trainer.userId],
        meetings: [
          {
            startsAt: startsAt.toISOString(),
            endsAt: new Date(startsAt.getTime() + 120 * MINUTE).toISOString(),
            location: { name: 'Dorpshuis De Skalm', place: 'Drachten', address: 'Moleneind 12' },
          },
        ],
      },
    );
    courseId = course.id;
    sessionId = session.id;
    // The one seat is taken before our volunteer comes along.
    for (let i = 0; ; i++) {
      const res = await server.app.inject({
        method: 'POST',
        url: '/api/enrolments',
        headers: { authorization: `Bearer ${seated.token}` },
        payload: { sessionId },
      });
      if (res.statusCode === 201) break;
      if (i > 200) throw new Error(`enrolment never worked: ${res.statusCode} ${res.body}`);
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

  const phoneLoggedIn = (person: Person) => loggedInAs(browser, server.baseUrl, person, PHONE);

  it('lets a volunteer join the waitlist of a full workshop, see the place, and leave it', async () => {
    const { context, page } = await phoneLoggedIn(waiting);
    try {
      await page.goto(`/catalogue/courses/${courseId}`);
      await page.getByRole('button', { name: 'Zet mij op de wachtlijst' }).click();
      await page.waitForURL(/\/my\/trainings\?enrolled=/);
      expect(await page.getByRole('status').textContent()).toContain('U staat op plaats 1 van de wachtlijst');
      const card = page.locator('article', { hasText: title });
      expect(await card.textContent()).toContain('Op de wachtlijst');
      await looksRight(page, 'enrolment-my-trainings-waitlist-phone');

      await card.getByRole('link', { name: 'Van de wachtlijst af' }).click();
      await page.waitForURL(/\/cancel$/);
      expect(await page.getByRole('heading', { level: 1 }).textContent()).toContain(
        'Wilt u van de wachtlijst af',
      );
      await looksRight(page, 'enrolment-leave-waitlist-phone');
      await page.getByRole('button', { name: 'Ja, haal mij van de wachtlijst' }).click();
      await page.waitForURL(/done=left-waitlist/);
      expect(await page.getByRole('status').textContent()).toContain('U staat niet meer op de wachtlijst.');
      expect(await page.locator('article', { hasText: title }).count()).toBe(0);
      await looksRight(page, 'enrolment-my-trainings-left-phone');
    } finally {
      await context.close();
    }
  });

  it('shows the seated volunteer the cancellation deadline in neutral words', async () => {
    const { context, page } = await phoneLoggedIn(seated);
    try {
      await page.goto('/my/trainings');
      const card = page.locator('article', { hasText: title });
      expect(await card.textContent()).toContain('Aangemeld');
      expect(await card.textContent()).toContain('als late afmelding');
      await looksRight(page, 'enrolment-my-trainings-confirmed-phone');
    } finally {
      await context.close();
    }
  });

  it('lets the trainer take attendance with one tap per person and one Save, on a phone', async () => {
    const { context, page } = await phoneLoggedIn(trainer);
    try {
      await page.goto('/trainer/sessions');
      await looksRight(page, 'enrolment-trainer-sessions-phone');
      await page.getByRole('link', { name: title }).click();
      await page.waitForURL(new RegExp(`/trainer/sessions/${sessionId}$`));
      await looksRight(page, 'enrolment-roster-phone');

      const meeting = page.locator('#meeting-1');
      const person = meeting.getByRole('group');
      expect(await person.count()).toBe(1);
      // The label is the tap target: large, the whole word.
      await person.getByText('Te laat', { exact: true }).click();
      expect(await person.getByLabel('Te laat', { exact: true }).isChecked()).toBe(true);
      await meeting.getByRole('button', { name: /Opslaan/ }).click();
      await page.waitForURL(/saved=1/);
      expect(await page.getByRole('status').textContent()).toContain(
        'De aanwezigheid van bijeenkomst 1 is opgeslagen.',
      );
      expect(await page.locator('#meeting-1').getByLabel('Te laat', { exact: true }).isChecked()).toBe(true);
      await looksRight(page, 'enrolment-roster-saved-phone');

      await page
        .locator('#meeting-1')
        .getByRole('link', { name: /QR-code/ })
        .click();
      await page.waitForURL(/\/checkin$/);
      expect(await page.locator('.qr svg').count()).toBe(1);
      await looksRight(page, 'enrolment-qr-phone');
    } finally {
      await context.close();
    }
  });
});
