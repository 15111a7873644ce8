import { randomUUID } from 'node:crypto';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { ACCESS_TOKEN_COOKIE } from '@academy/platform';
import { PageRenderer } from '@academy/web';
import {
  bootAcademy,
  type BootedAcademy,
  CookieJar,
  csrfTokenOf,
  decodeEntities,
  PageClient,
} from './support/academy-app';

const ADMIN = { email: 'beheer@academie.test', password: 'koffie in it doarpshûs om tsien oere' };

describe('identity pages (all-in-one)', () => {
  let academy: BootedAcademy;
  let app: NestFastifyApplication;
  let pages: PageClient;

  beforeAll(async () => {
    academy = await bootAcademy({
      ACADEMY_ADMIN_EMAIL: ADMIN.email,
      ACADEMY_ADMIN_PASSWORD: ADMIN.password,
    });
    app = academy.app;
    pages = new PageClient(app);
  });

  afterAll(async () => {
    expect(app.get(PageRenderer).messages.missingKeys()).toEqual([]);
    await academy.close();
  });

  /** A fresh organisation per test, made by the admin through the API. */
  async function newOrganisation(): Promise<string> {
    const login = await app.inject({ method: 'POST', url: '/api/auth/login', payload: ADMIN });
    const { accessToken } = login.json<{ accessToken: string }>();
    const created = await app.inject({
      method: 'POST',
      url: '/api/organisations',
      headers: { authorization: `Bearer ${accessToken}` },
      payload: { name: `Dorpshuis ${randomUUID().slice(0, 8)}` },
    });
    expect(created.statusCode).toBe(201);
    return created.json<{ joinCode: string }>().joinCode;
  }

  const uniqueEmail = () => `vrijwilliger-${randomUUID().slice(0, 8)}@academie.test`;

  it.each([
    ['nl', 'Inloggen', 'Wachtwoord'],
    ['fy', 'Ynlogge', 'Wachtwurd'],
    ['en', 'Log in', 'Password'],
  ])('shows the login page in %s with a CSRF field', async (lang, heading, password) => {
    const res = await pages.get(`/login?lang=${lang}`);
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain(`<html lang="${lang}">`);
    expect(res.body).toContain(`<h1>${heading}</h1>`);
    expect(res.body).toContain(`>${password}</label>`);
    expect(res.body).toMatch(/<input type="hidden" name="_csrf" value="[^"]+">/);
    expect(res.body).toMatch(/id="field-email"[^>]*autocomplete="username"/);
  });

  it('refuses a login form without a CSRF token with the 403 page', async () => {
    const jar = new CookieJar();
    await pages.get('/login', jar);
    const res = await pages.post('/login', { email: ADMIN.email, password: ADMIN.password }, jar);
    expect(res.statusCode).toBe(403);
    expect(res.headers['content-type']).toContain('text/html');
    expect(res.body).toContain('Formulier verlopen');
    expect(jar.get(ACCESS_TOKEN_COOKIE)).toBeUndefined();
  });

  it('refuses a CSRF token from another browser', async () => {
    const mine = new CookieJar();
    const theirs = new CookieJar();
    await pages.get('/login', mine);
    const token = csrfTokenOf((await pages.get('/login', theirs)).body);
    const res = await pages.post(
      '/login',
      { email: ADMIN.email, password: ADMIN.password, _csrf: token },
      mine,
    );
    expect(res.statusCode).toBe(403);
  });

  it('answers a wrong password with the form again, an error summary and status 401', async () => {
    const jar = new CookieJar();
    const res = await pages.submit(
      '/login',
      '/login',
      { email: ADMIN.email, password: 'niet het goede wachtwoord' },
      jar,
    );
    expect(res.statusCode).toBe(401);
    expect(res.body).toContain('<title>Fout: Inloggen – Vrijwilligersacademie</title>');
    expect(res.body).toMatch(/class="error-summary" role="alert"/);
    expect(res.body).toContain('<a href="#field-email">Het e-mailadres of het wachtwoord klopt niet.');
    expect(res.body).toMatch(/id="field-email"[^>]*aria-invalid="true"/);
    expect(res.body).toContain(`value="${ADMIN.email}"`);
    expect(res.body).not.toContain('niet het goede wachtwoord');
    expect(jar.get(ACCESS_TOKEN_COOKIE)).toBeUndefined();
  });

  it('asks for both fields when they are left empty, without calling it a failed login', async () => {
    const res = await pages.submit('/login', '/login', { email: '', password: '' }, new CookieJar());
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('href="#field-email">Vul uw e-mailadres in');
    expect(res.body).toContain('href="#field-password">Vul uw wachtwoord in');
  });

  it('logs the admin in with an HttpOnly session cookie, shows the account, and logs out', async () => {
    const jar = new CookieJar();
    const res = await pages.submit('/login', '/login', { ...ADMIN, next: '/account' }, jar);
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe('/account');
    const session = [res.headers['set-cookie']].flat().find((c) => c?.startsWith(`${ACCESS_TOKEN_COOKIE}=`));
    expect(session).toMatch(/HttpOnly/i);
    expect(session).toMatch(/SameSite=Lax/i);
    expect(session).toMatch(/Max-Age=900/i);
    expect(session).toMatch(/Path=\//i);
    expect(session).not.toMatch(/Secure/i);

    const account = await pages.get('/account', jar);
    expect(account.statusCode).toBe(200);
    expect(account.body).toContain(ADMIN.email);
    expect(account.body).toContain('href="/catalogue/manage"');
    expect(account.body).toContain('href="/account" aria-current="page"');

    const out = await pages.post('/logout', { _csrf: csrfTokenOf(account.body) }, jar);
    expect(out.statusCode).toBe(303);
    expect(out.headers.location).toBe('/?done=logged-out');
    expect(jar.get(ACCESS_TOKEN_COOKIE)).toBeUndefined();
    const after = await pages.get('/account', jar);
    expect(after.statusCode).toBe(303);
  });

  it('sends a visitor without a login from /account through renewal to the login page and back', async () => {
    const jar = new CookieJar();
    const first = await pages.get('/account', jar);
    expect(first.statusCode).toBe(303);
    expect(first.headers.location).toBe('/api/auth/renew?next=%2Faccount');
    const renew = await pages.get(String(first.headers.location), jar);
    expect(renew.statusCode).toBe(303);
    expect(renew.headers.location).toBe('/login?next=%2Faccount');
    const login = await pages.get(String(renew.headers.location), jar);
    expect(login.body).toContain('Log in om deze pagina te zien.');
    expect(login.body).toContain('name="next" value="/account"');
    const done = await pages.post(
      '/login',
      { ...ADMIN, next: '/account', _csrf: csrfTokenOf(login.body) },
      jar,
    );
    expect(done.headers.location).toBe('/account');
  });

  it('renews a page session whose access token is gone, using the refresh cookie', async () => {
    const jar = await pages.logIn(ADMIN);
    jar.store(`${ACCESS_TOKEN_COOKIE}=; Max-Age=0`);
    const first = await pages.get('/account', jar);
    expect(first.headers.location).toBe('/api/auth/renew?next=%2Faccount');
    const renew = await pages.get(String(first.headers.location), jar);
    expect(renew.headers.location).toBe('/account');
    expect(jar.get(ACCESS_TOKEN_COOKIE)).toBeDefined();
    expect((await pages.get('/account', jar)).statusCode).toBe(200);
  });

  it('slows down guessing: after five wrong passwords the page says how long to wait, with status 429', async () => {
    const email = uniqueEmail();
    for (let i = 0; i < 5; i++) {
      const res = await pages.submit(
        '/login',
        '/login',
        { email, password: `geraden wachtwoord ${i}` },
        new CookieJar(),
      );
      expect(res.statusCode).toBe(401);
    }
    const blocked = await pages.submit(
      '/login?lang=en',
      '/login',
      { email, password: 'nog een gok' },
      new CookieJar(),
    );
    expect(blocked.statusCode).toBe(429);
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
    expect(blocked.body).toMatch(/You have tried too often\. Wait \d+ minutes/);
  });

  it('only follows a next that stays on this site', async () => {
    const jar = new CookieJar();
    const res = await pages.submit('/login', '/login', { ...ADMIN, next: '//evil.example/steal' }, jar);
    expect(res.headers.location).toBe('/');
  });

  it('registers a volunteer with a join code, logs them in, and escapes their name everywhere', async () => {
    const joinCode = await newOrganisation();
    const jar = new CookieJar();
    const name = '<script>alert("hoi")</script> Sjoukje';
    const email = uniqueEmail();
    const res = await pages.submit(
      '/register',
      '/register',
      { displayName: name, email, password: 'fytse op it iis by de mar', joinCode },
      jar,
    );
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe('/?done=welcome');

    const home = await pages.get('/?done=welcome', jar);
    expect(home.body).toContain('Welkom! Uw account is klaar.');
    expect(home.body).toContain('href="/my/trainings"');
    expect(home.body).not.toContain('<script>alert');
    expect(home.body).toContain('&lt;script&gt;alert(&quot;hoi&quot;)&lt;/script&gt; Sjoukje');

    const account = await pages.get('/account', jar);
    expect(account.body).toContain(email);
    expect(account.body).not.toContain('<script>alert');
    expect(account.body).toContain('<dd>&lt;script&gt;alert(&quot;hoi&quot;)&lt;/script&gt; Sjoukje</dd>');
  });

  it('shows every problem of a registration form next to its field and in the summary', async () => {
    const res = await pages.submit(
      '/register?lang=fy',
      '/register',
      { displayName: '', email: 'gjin-adres', password: 'koart', joinCode: '' },
      new CookieJar(),
    );
    expect(res.statusCode).toBe(400);
    const summary = [...res.body.matchAll(/<li><a href="#field-(\w+)">/g)].map((m) => m[1]);
    expect(summary).toEqual(['displayName', 'email', 'password', 'joinCode']);
    expect(res.body).toContain('Folje jo namme yn');
    expect(res.body).toMatch(
      /id="field-joinCode"[^>]*aria-describedby="field-joinCode-hint field-joinCode-error"/,
    );
    expect(decodeEntities(res.body)).toContain('value="gjin-adres"');
  });

  it('tells a volunteer with an unknown join code what to do', async () => {
    const res = await pages.submit(
      '/register',
      '/register',
      {
        displayName: 'Durk',
        email: uniqueEmail(),
        password: 'fytse op it iis by de mar',
        joinCode: 'ONBEKEND1',
      },
      new CookieJar(),
    );
    expect(res.statusCode).toBe(422);
    expect(res.body).toContain('Deze aanmeldcode kennen we niet.');
  });

  it('saves the language preference and shows the account in it', async () => {
    const joinCode = await newOrganisation();
    const email = uniqueEmail();
    const jar = new CookieJar();
    const password = 'de skûtsjes farre op it mar';
    await pages.submit('/register', '/register', { displayName: 'Aukje', email, password, joinCode }, jar);
    const res = await pages.submit('/account', '/account/language', { locale: 'fy' }, jar);
    expect(res.statusCode).toBe(303);
    expect(jar.get('lang')).toBe('fy');
    const account = await pages.get(String(res.headers.location), jar);
    expect(account.body).toContain('<html lang="fy">');
    expect(account.body).toContain('Jo taal is bewarre.');
    expect(account.body).toMatch(/value="fy" checked/);
  });

  it('changes the password and keeps the volunteer logged in; a wrong current password is shown', async () => {
    const joinCode = await newOrganisation();
    const email = uniqueEmail();
    const jar = new CookieJar();
    const password = 'de skûtsjes farre op it mar';
    await pages.submit('/register', '/register', { displayName: 'Aukje', email, password, joinCode }, jar);

    const wrong = await pages.submit(
      '/account',
      '/account/password',
      {
        currentPassword: 'dit is it net hielendal',
        newPassword: 'in nij lang wachtwurd',
        confirmPassword: 'in nij lang wachtwurd',
      },
      jar,
    );
    expect(wrong.body).toContain('href="#field-currentPassword">Uw huidige wachtwoord klopt niet');

    const changed = await pages.submit(
      '/account',
      '/account/password',
      {
        currentPassword: password,
        newPassword: 'in nij lang wachtwurd',
        confirmPassword: 'in nij lang wachtwurd',
      },
      jar,
    );
    expect(changed.statusCode).toBe(303);
    expect(changed.headers.location).toBe('/account?done=password');
    const account = await pages.get('/account?done=password', jar);
    expect(account.statusCode).toBe(200);
    expect(account.body).toContain('Uw wachtwoord is gewijzigd.');
  });

  it('deletes the account only with the right password, then logs out', async () => {
    const joinCode = await newOrganisation();
    const email = uniqueEmail();
    const jar = new CookieJar();
    const password = 'de skûtsjes farre op it mar';
    await pages.submit('/register', '/register', { displayName: 'Aukje', email, password, joinCode }, jar);

    const page = await pages.get('/account', jar);
    expect(page.body).toContain('Dit kunt u niet ongedaan maken.');
    const wrong = await pages.post(
      '/account/delete',
      { erasePassword: 'verkeerd', _csrf: csrfTokenOf(page.body) },
      jar,
    );
    expect(wrong.body).toContain('href="#field-erasePassword">Dit wachtwoord klopt niet');

    const gone = await pages.submit('/account', '/account/delete', { erasePassword: password }, jar);
    expect(gone.statusCode).toBe(303);
    expect(gone.headers.location).toBe('/?done=erased');
    expect(jar.get(ACCESS_TOKEN_COOKIE)).toBeUndefined();
    const again = await pages.submit('/login', '/login', { email, password }, new CookieJar());
    expect(again.statusCode).toBe(401);
  });
});
