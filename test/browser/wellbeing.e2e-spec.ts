import { randomUUID } from 'node:crypto';
import type { Browser } from 'playwright-core';
import { PageRenderer } from '@academy/web';
import { addWeeks, weekStartOf } from '../../libs/enrolment/src/wellbeing/rules';
import { type AcademyServer, BROWSER_ADMIN, startAcademyServer } from './support/academy-server';
import { describeInBrowser, DESKTOP, launchChromium, PHONE } from './support/browser';
import { loggedInAs, looksRight } from './support/pages';

interface Member {
  email: string;
  password: string;
  userId: string;
  name: string;
}

const PASSWORD = 'in it doarpshûs is altyd kofje';

/** A volunteer files the weekly check-in on a phone; their coordinator follows up a flag. */
describeInBrowser('load signals in Chromium', () => {
  let server: AcademyServer;
  let browser: Browser;
  let adminToken: string;
  let organisationId: string;
  let coordinator: Member;
  let anna: Member;
  let sjoukje: Member;

  const api = async <T>(method: string, url: string, token: string, payload?: object): Promise<T> => {
    const res = await server.app.inject({
      method: method as 'GET',
      url,
      headers: { authorization: `Bearer ${token}` },
      payload,
    });
    if (res.statusCode >= 300) throw new Error(`${method} ${url}: ${res.statusCode} ${res.body}`);
    return res.json<T>();
  };

  const login = async (email: string, password: string): Promise<string> => {
    const res = await server.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email, password },
    });
    return res.json<{ accessToken: string }>().accessToken;
  };

  async function member(role: 'volunteer' | 'coordinator', name: string): Promise<Member> {
    const email = `${role}-${randomUUID().slice(0, 8)}@academie.test`;
    const user = await api<{ id: string }>('POST', '/api/users', adminToken, {
      email,
      password: PASSWORD,
      displayName: name,
      memberships: [{ organisationId, role }],
    });
    return { email, password: PASSWORD, userId: user.id, name };
  }

  beforeAll(async () => {
    [server, browser] = await Promise.all([startAcademyServer(), launchChromium()]);
    adminToken = await login(BROWSER_ADMIN.email, BROWSER_ADMIN.password);
    organisationId = (
      await api<{ id: string }>('POST', '/api/organisations', adminToken, { name: 'Doarpshûs' })
    ).id;
    coordinator = await member('coordinator', 'Geert Coördinator');
    anna = await member('volunteer', 'Anna de Vries');
    sjoukje = await member('volunteer', 'Sjoukje Hoekstra');
    // Sjoukje volunteered 20 hours a week for four weeks: red, and a flag for the coordinator.
    const token = await login(sjoukje.email, sjoukje.password);
    const thisWeek = weekStartOf(new Date());
    for (let back = 3; back >= 0; back--) {
      await api('POST', '/api/wellbeing/check-ins', token, {
        weekStart: addWeeks(thisWeek, -back),
        volunteerHours: 20,
      });
    }
  });

  afterAll(async () => {
    await browser?.close();
    if (server) {
      expect(server.app.get(PageRenderer).messages.missingKeys()).toEqual([]);
      await server.close();
    }
  });

  const loggedIn = (person: Member, options = PHONE) => loggedInAs(browser, server.baseUrl, person, options);

  it('lets a volunteer file the weekly check-in on a phone and read the explanation', async () => {
    const { context, page } = await loggedIn(anna);
    try {
      await page.goto('/');
      await page.getByRole('link', { name: 'Hoe gaat het met mij?' }).first().click();
      await page.waitForURL(/\/my\/wellbeing$/);
      await looksRight(page, 'wellbeing-me-empty-phone');

      await page.getByRole('link', { name: 'Weekcheck invullen' }).click();
      await page.waitForURL(/\/my\/wellbeing\/check-in$/);
      await looksRight(page, 'wellbeing-check-in-phone');

      // A slip first: the problem is named at the top and at the field.
      await page.getByRole('button', { name: 'Opslaan en uitkomst bekijken' }).click();
      await page.waitForURL(/\/my\/wellbeing\/check-in$/);
      const summary = page.getByRole('alert');
      expect(await summary.textContent()).toContain('Vul in hoeveel uur u vrijwilliger was');
      await looksRight(page, 'wellbeing-check-in-error-phone');

      await page.getByLabel('Hoeveel uur was u deze week vrijwilliger?').fill('25');
      await page.getByText('Hoe voelt u zich bij uw vrijwilligerswerk?').click();
      await page.getByLabel('Ik merk dat ik moe word en soms uitgeput raak.').check();
      await page.getByRole('button', { name: 'Opslaan en uitkomst bekijken' }).click();
      await page.waitForURL(/\/my\/wellbeing\/check-in\/result$/);

      expect(await page.getByRole('status').textContent()).toContain('uw weekcheck is opgeslagen');
      const signal = page.locator('article', { hasText: 'Veel inzet' });
      const text = (await signal.textContent()) ?? '';
      expect(text).toContain('Wat we zien');
      expect(text).toContain('Waarom we hiernaar kijken');
      expect(text).toContain('Wat het niet is');
      expect(text).toContain('Wat u kunt doen');
      expect(await page.getByRole('heading', { name: /Uw antwoord op de vraag: let op/ }).count()).toBe(1);
      await looksRight(page, 'wellbeing-check-in-result-phone');

      await page.getByRole('link', { name: 'Meer over hoe het met u gaat' }).click();
      await page.waitForURL(/\/my\/wellbeing$/);
      await looksRight(page, 'wellbeing-me-phone');
    } finally {
      await context.close();
    }
  });

  it('lets a coordinator see the volunteers and acknowledge a flag', async () => {
    const { context, page } = await loggedIn(coordinator, DESKTOP);
    try {
      await page.goto('/');
      await page.getByRole('link', { name: 'Mijn vrijwilligers' }).first().click();
      await page.waitForURL(/\/coordinator\/volunteers/);
      const card = page.locator('article', { hasText: sjoukje.name });
      await card.waitFor();
      expect(await card.getByRole('img').count()).toBe(1);
      await looksRight(page, 'wellbeing-coordinator-volunteers');

      await card.getByRole('link', { name: /Melding/ }).click();
      await page.waitForURL(/\/coordinator\/flags\//);
      expect(await page.getByRole('heading', { level: 1 }).textContent()).toContain(sjoukje.name);
      await looksRight(page, 'wellbeing-flag');

      await page.locator('#field-acknowledgeNote').fill('Kort gebeld; ze kijkt haar rooster na.');
      await page.getByRole('button', { name: 'Markeren als gezien' }).click();
      await page.waitForURL(/done=acknowledged/);
      expect(await page.getByRole('status').textContent()).toContain('u hebt de melding gezien');
      expect(await page.locator('ol').textContent()).toContain('Kort gebeld; ze kijkt haar rooster na.');
      await looksRight(page, 'wellbeing-flag-acknowledged');
    } finally {
      await context.close();
    }
  });
});
