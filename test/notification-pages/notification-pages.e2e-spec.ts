import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { UnsubscribeTokens } from '@academy/notification';
import { PageRenderer } from '@academy/web';
import { CatalogueFixtures, type Person } from '../catalogue-pages/support/catalogue-fixtures';
import {
  bootAcademy,
  type BootedAcademy,
  CookieJar,
  csrfTokenOf,
  decodeEntities,
  PageClient,
} from '../web/support/academy-app';

const ADMIN = { email: 'beheer@academie.test', password: 'koffie in it doarpshûs om tsien oere' };
const DAY = 86_400_000;

describe('notification pages (all-in-one)', () => {
  let academy: BootedAcademy;
  let app: NestFastifyApplication;
  let pages: PageClient;
  let fixtures: CatalogueFixtures;
  let adminJar: CookieJar;

  beforeAll(async () => {
    academy = await bootAcademy({ ACADEMY_ADMIN_EMAIL: ADMIN.email, ACADEMY_ADMIN_PASSWORD: ADMIN.password });
    app = academy.app;
    pages = new PageClient(app);
    fixtures = new CatalogueFixtures(app, ADMIN);
    adminJar = await pages.logIn(ADMIN);
  });

  afterAll(async () => {
    expect(app.get(PageRenderer).messages.missingKeys()).toEqual([]);
    await academy.close();
  });

  const notificationDb = () => app.get<DataSource>(getDataSourceToken('notification'));

  /** A volunteer with `count` confirmation messages in their inbox (one per workshop they enrolled in). */
  async function volunteerWithMessages(count: number): Promise<{ person: Person; jar: CookieJar }> {
    const person = await fixtures.person('volunteer');
    for (let i = 0; i < count; i++) {
      const { session } = await fixtures.publishedWorkshop({
        title: `Grenzen stellen ${i} ${Math.random()}`,
      });
      for (let tries = 0; ; tries++) {
        const res = await app.inject({
          method: 'POST',
          url: '/api/enrolments',
          headers: { authorization: `Bearer ${person.token}` },
          payload: { sessionId: session.id },
        });
        if (res.statusCode === 201) break;
        if (tries > 200) throw new Error(`enrolment never worked: ${res.statusCode} ${res.body}`);
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
    }
    for (let tries = 0; ; tries++) {
      const res = await app.inject({
        method: 'GET',
        url: '/api/notifications/mine',
        headers: { authorization: `Bearer ${person.token}` },
      });
      if ((res.json<{ total: number }>().total ?? 0) >= count) break;
      if (tries > 400) throw new Error('the confirmations never reached the inbox');
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    return { person, jar: await pages.logIn(person) };
  }

  it('sends a visitor who is not logged in to the login page', async () => {
    for (const url of ['/notifications', '/notifications/preferences', '/admin/deliveries']) {
      const res = await pages.get(url);
      expect(res.statusCode).toBe(303);
      // Through a session renewal (the refresh cookie), then the login page, back to where they were.
      expect(res.headers.location).toMatch(/^\/(login|api\/auth\/renew)\?next=/);
    }
  });

  it('shows the inbox unread first, marks one read and then all, each with a form token', async () => {
    const { person, jar } = await volunteerWithMessages(2);
    const inbox = await pages.get('/notifications', jar);
    expect(inbox.statusCode).toBe(200);
    const ids = [...inbox.body.matchAll(/action="\/notifications\/([0-9a-f-]{36})\/read"/g)].map((m) => m[1]);
    expect(ids).toHaveLength(2);
    expect(decodeEntities(inbox.body)).toContain('Grenzen stellen');
    expect(inbox.body).toContain('href="/notifications/preferences"');
    expect(inbox.body).toContain('href="/notifications" aria-current="page"');

    // Without the form token nothing changes.
    const forged = await pages.post(`/notifications/${ids[0]}/read`, {}, jar);
    expect(forged.statusCode).toBe(403);

    const read = await pages.submit('/notifications', `/notifications/${ids[0]}/read`, {}, jar);
    expect(read.statusCode).toBe(303);
    expect(read.headers.location).toBe('/notifications?done=read');
    const after = await pages.get('/notifications?done=read', jar);
    expect(after.body).toContain('role="status"');
    const unreadNow = [...after.body.matchAll(/action="\/notifications\/([0-9a-f-]{36})\/read"/g)].map(
      (m) => m[1],
    );
    expect(unreadNow).toEqual([ids[1]]);
    // Unread first: the one still unread comes before the one just read.
    expect(after.body.indexOf(`notification-${ids[1]}`)).toBeLessThan(
      after.body.indexOf(`notification-${ids[0]}`),
    );

    // Someone else's item is not found.
    const stranger = await volunteerWithMessages(0);
    const theirs = await pages.submit('/notifications', `/notifications/${ids[1]}/read`, {}, stranger.jar);
    expect(theirs.statusCode).toBe(404);

    const all = await pages.submit('/notifications', '/notifications/read-all', {}, jar);
    expect(all.headers.location).toBe('/notifications?done=all-read');
    const done = await pages.get('/notifications', jar);
    expect(done.body).not.toMatch(/\/notifications\/[0-9a-f-]{36}\/read/);
    const api = await app.inject({
      method: 'GET',
      url: '/api/notifications/mine',
      headers: { authorization: `Bearer ${person.token}` },
    });
    expect(api.json<{ unread: number }>().unread).toBe(0);
  }, 60_000);

  it('saves preferences from the form and shows them again; bad values get the form back with errors', async () => {
    const { person, jar } = await volunteerWithMessages(0);
    const page = await pages.get('/notifications/preferences', jar);
    expect(page.statusCode).toBe(200);
    expect(page.body).toMatch(/id="field-reminders" name="reminders" value="on" checked/);
    // A volunteer has no digest to choose.
    expect(page.body).not.toContain('name="digest"');

    const saved = await pages.submit(
      '/notifications/preferences',
      '/notifications/preferences',
      { reminders: 'off', locale: 'fy' },
      jar,
    );
    expect(saved.statusCode).toBe(303);
    const again = await pages.get('/notifications/preferences', jar);
    expect(again.body).toMatch(/name="reminders" value="off" checked/);
    expect(again.body).toMatch(/name="locale" value="fy" checked/);
    const api = await app.inject({
      method: 'GET',
      url: '/api/notifications/preferences',
      headers: { authorization: `Bearer ${person.token}` },
    });
    expect(api.json()).toEqual({ reminders: false, digest: 'weekly', locale: 'fy', calendarFeedUrl: null });

    const bad = await pages.submit(
      '/notifications/preferences',
      '/notifications/preferences',
      { reminders: 'maybe', locale: 'de' },
      jar,
    );
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('class="error-summary"');
    expect(bad.body).toContain('href="#field-reminders"');
    expect(bad.body).toContain('href="#field-locale"');
    expect(
      (
        await app.inject({
          method: 'GET',
          url: '/api/notifications/preferences',
          headers: { authorization: `Bearer ${person.token}` },
        })
      ).json(),
    ).toMatchObject({ reminders: false, locale: 'fy' });
  });

  it('makes a calendar address on the preferences page; a new one ends the old one at once', async () => {
    const { jar } = await volunteerWithMessages(1);
    const made = await pages.submit(
      '/notifications/preferences',
      '/notifications/preferences/calendar',
      {},
      jar,
    );
    expect(made.statusCode).toBe(303);
    const page = await pages.get('/notifications/preferences', jar);
    const url = /id="calendar-url" type="text" readonly value="([^"]+)"/.exec(page.body)?.[1];
    expect(url).toMatch(/\/api\/calendar\/[A-Za-z0-9_-]{43}\.ics$/);
    const path = new URL(url!).pathname;
    const feed = await app.inject({ method: 'GET', url: path });
    expect(feed.statusCode).toBe(200);
    expect(feed.headers['content-type']).toMatch(/^text\/calendar/);
    expect(feed.headers['cache-control']).toBe('private, max-age=300');
    expect(feed.body).toContain('BEGIN:VEVENT');
    const cached = await app.inject({
      method: 'GET',
      url: path,
      headers: { 'if-none-match': String(feed.headers.etag) },
    });
    expect(cached.statusCode).toBe(304);

    await pages.submit('/notifications/preferences', '/notifications/preferences/calendar', {}, jar);
    const old = await app.inject({ method: 'GET', url: path });
    expect(old.statusCode).toBe(404);
    expect(old.headers['content-type']).toMatch(/^application\/problem\+json/);
  });

  it('unsubscribes without logging in from a signed link: asks first, then applies; a bad or old link gets a clear page', async () => {
    const { person } = await volunteerWithMessages(0);
    const tokens = app.get(UnsubscribeTokens);
    const token = tokens.sign(person.userId, 'reminder');
    const ask = await pages.get(`/notifications/unsubscribe?token=${encodeURIComponent(token)}`);
    expect(ask.statusCode).toBe(200);
    expect(ask.body).toContain('name="token"');
    const preferences = () =>
      app.inject({
        method: 'GET',
        url: '/api/notifications/preferences',
        headers: { authorization: `Bearer ${person.token}` },
      });
    // Looking is not unsubscribing (link previews, virus scanners).
    expect((await preferences()).json()).toMatchObject({ reminders: true });

    // RFC 8058 one-click, as a mail client sends it: no cookie, no form token.
    const oneClick = await app.inject({
      method: 'POST',
      url: `/notifications/unsubscribe?token=${encodeURIComponent(token)}`,
      payload: 'List-Unsubscribe=One-Click',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(oneClick.statusCode).toBe(200);
    expect((await preferences()).json()).toMatchObject({ reminders: false });

    const tampered = `${token.slice(0, -2)}xx`;
    const bad = await pages.get(`/notifications/unsubscribe?token=${encodeURIComponent(tampered)}`);
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('error-summary');
    const badPost = await pages.post('/notifications/unsubscribe', { token: tampered }, new CookieJar());
    expect(badPost.statusCode).toBe(400);
    const old = tokens.sign(person.userId, 'digest', new Date(Date.now() - 365 * DAY));
    const expired = await pages.get(`/notifications/unsubscribe?token=${encodeURIComponent(old)}`);
    expect(expired.statusCode).toBe(410);
    expect((await pages.get('/notifications/unsubscribe')).statusCode).toBe(400);
    expect((await preferences()).json()).toMatchObject({ digest: 'weekly' });
  });

  it('answers API mistakes with problem details and changes nothing', async () => {
    const { person } = await volunteerWithMessages(0);
    const auth = { authorization: `Bearer ${person.token}` };
    for (const payload of [{ reminders: 'yes' }, { digest: 'hourly' }, { locale: 'de' }, { role: 'admin' }]) {
      const res = await app.inject({
        method: 'PUT',
        url: '/api/notifications/preferences',
        headers: auth,
        payload,
      });
      expect(res.statusCode).toBe(400);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    }
    const ok = await app.inject({
      method: 'PUT',
      url: '/api/notifications/preferences',
      headers: auth,
      payload: { digest: 'daily', locale: null },
    });
    expect(ok.json()).toMatchObject({ reminders: true, digest: 'daily', locale: null });
    const token = await app.inject({ method: 'POST', url: '/api/calendar/token', headers: auth });
    expect(token.statusCode).toBe(200);
    expect(token.json<{ calendarFeedUrl: string }>().calendarFeedUrl).toMatch(/\/api\/calendar\/.+\.ics$/);
    expect((await app.inject({ method: 'POST', url: '/api/calendar/token' })).statusCode).toBe(401);
    for (const url of [
      '/api/calendar/nothing.ics',
      '/api/calendar/nothing',
      `/api/calendar/${'a'.repeat(43)}.ics`,
    ]) {
      const res = await app.inject({ method: 'GET', url });
      expect(res.statusCode).toBe(404);
    }
  });

  it('shows the delivery log to administrators only, filters it, and sends a dead message again', async () => {
    const { person, jar } = await volunteerWithMessages(1);
    const forbidden = await pages.get('/admin/deliveries', jar);
    expect(forbidden.statusCode).toBe(403);
    const volunteerMenu = await pages.get('/notifications', jar);
    expect(volunteerMenu.body).not.toContain('href="/admin/deliveries"');

    const log = await pages.get('/admin/deliveries', adminJar);
    expect(log.statusCode).toBe(200);
    expect(log.body).toContain('href="/admin/deliveries" aria-current="page"');
    const db = notificationDb();
    const [row] = await db.query<Array<{ id: string }>>(
      'SELECT id FROM notification_deliveries WHERE recipient_id = ? ORDER BY queued_at LIMIT 1',
      [person.userId],
    );
    // Wait until the pipeline is done with it, then let it have failed for good.
    for (let i = 0; i < 200; i++) {
      const [state] = await db.query<Array<{ status: string }>>(
        'SELECT status FROM notification_deliveries WHERE id = ?',
        [row.id],
      );
      if (state.status === 'sent') break;
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    const sentPage = await pages.get('/admin/deliveries?status=sent', adminJar);
    expect(sentPage.body).toContain(`id="delivery-${row.id}"`);
    const retrySent = await pages.submit(
      '/admin/deliveries',
      `/admin/deliveries/${row.id}/retry`,
      {},
      adminJar,
    );
    expect(retrySent.headers.location).toBe('/admin/deliveries?problem=not-retryable');

    await db.query(
      "UPDATE notification_deliveries SET status = 'dead', attempts = 8, last_error = ? WHERE id = ?",
      ['550 5.1.1 mailbox unavailable', row.id],
    );
    const dead = await pages.get('/admin/deliveries?status=dead', adminJar);
    expect(dead.body).toContain(`id="delivery-${row.id}"`);
    expect(dead.body).toContain('550 5.1.1 mailbox unavailable');
    expect(dead.body).toContain(`action="/admin/deliveries/${row.id}/retry"`);
    const csrf = csrfTokenOf(dead.body);
    const volunteerRetry = await pages.post(`/admin/deliveries/${row.id}/retry`, { _csrf: csrf }, jar);
    expect(volunteerRetry.statusCode).toBe(403);
    const retried = await pages.submit(
      '/admin/deliveries?status=dead',
      `/admin/deliveries/${row.id}/retry`,
      {},
      adminJar,
    );
    expect(retried.statusCode).toBe(303);
    expect(retried.headers.location).toBe('/admin/deliveries?done=retried');
    const [after] = await db.query<Array<{ status: string; retries: number }>>(
      'SELECT status, retries FROM notification_deliveries WHERE id = ?',
      [row.id],
    );
    expect(['queued', 'sending', 'sent']).toContain(after.status);
    expect(Number(after.retries)).toBe(1);
    expect(
      (await pages.submit('/admin/deliveries', '/admin/deliveries/not-an-id/retry', {}, adminJar)).statusCode,
    ).toBe(404);
    expect((await pages.get('/admin/deliveries?status=bogus&page=-3', adminJar)).statusCode).toBe(200);
  }, 60_000);
});
