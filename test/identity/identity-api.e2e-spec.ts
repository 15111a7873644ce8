import { randomUUID } from 'node:crypto';
import { JwtService } from '@nestjs/jwt';
import fc from 'fast-check';
import type { LightMyRequestResponse } from 'fastify';
import { USER_ERASED_V1, USER_UPDATED_V1 } from '@academy/contracts';
import { REFRESH_COOKIE } from '@academy/identity';
import { outboxSchema } from '@academy/messaging';
import { describeDistributed } from '@academy/platform/testing/test-databases';
import {
  bearer,
  bootApp,
  type BootedApp,
  randomIp,
  type TestAppKind as AppKind,
  uniqueEmail,
} from '../support/apps';

const ADMIN = { email: uniqueEmail('beheer'), password: 'Beheer fan de akademy yn Fryslân' };
const PASSWORD = 'Op de fiets naar het dorpshuis';

interface Me {
  id: string;
  email: string;
  displayName: string;
  locale: string;
  admin: boolean;
  memberships: Array<{ organisationId: string; role: string }>;
}
interface Login {
  accessToken: string;
  expiresIn: number;
  user: Me;
  refreshToken?: string;
}
interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: string;
  errors?: Array<{ field: string; messages: string[] }>;
}

function identityApi(kind: AppKind): void {
  let booted: BootedApp;

  beforeAll(async () => {
    booted = await bootApp(kind, {
      ACADEMY_ADMIN_EMAIL: ADMIN.email,
      ACADEMY_ADMIN_PASSWORD: ADMIN.password,
    });
  });
  afterAll(() => booted.close());

  const post = (url: string, payload: object, headers: Record<string, string> = {}, ip?: string) =>
    booted.call({ method: 'POST', url, payload, headers, ip });
  const login = (email: string, password: string, ip?: string) =>
    post('/api/auth/login', { email, password }, {}, ip);
  const problemOf = (res: LightMyRequestResponse) => {
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    return res.json<Problem>();
  };
  const refreshCookie = (res: LightMyRequestResponse) => res.cookies.find((c) => c.name === REFRESH_COOKIE);

  async function tokenOf(email: string, password: string): Promise<string> {
    const res = await login(email, password, randomIp());
    expect(res.statusCode).toBe(200);
    return res.json<Login>().accessToken;
  }

  /** Each test its own organisation and people. */
  async function organisation(): Promise<{ id: string; joinCode: string; admin: string }> {
    const admin = await tokenOf(ADMIN.email, ADMIN.password);
    const res = await post(
      '/api/organisations',
      { name: `Dorpshuis ${randomUUID().slice(0, 8)}` },
      bearer(admin),
    );
    expect(res.statusCode).toBe(201);
    return { ...res.json<{ id: string; joinCode: string }>(), admin };
  }

  async function person(
    organisationId: string,
    role: 'volunteer' | 'trainer' | 'coordinator',
    admin: string,
  ): Promise<{ id: string; email: string; token: string }> {
    const email = uniqueEmail(role);
    const res = await post(
      '/api/users',
      { email, password: PASSWORD, displayName: `Test ${role}`, memberships: [{ organisationId, role }] },
      bearer(admin),
    );
    expect(res.statusCode).toBe(201);
    return { id: res.json<Me>().id, email, token: await tokenOf(email, PASSWORD) };
  }

  describe('logging in', () => {
    it('answers a wrong password and an unknown email with the same 401 problem', async () => {
      const org = await organisation();
      const volunteer = await person(org.id, 'volunteer', org.admin);
      const wrong = await login(volunteer.email, 'Op de fiets naar het dorpshuiS', randomIp());
      const unknown = await login(uniqueEmail('nobody'), PASSWORD, randomIp());
      expect(wrong.statusCode).toBe(401);
      expect(unknown.statusCode).toBe(401);
      expect(problemOf(wrong)).toMatchObject({ status: 401, code: 'auth.invalid-credentials' });
      expect(problemOf(unknown).detail).toBe(problemOf(wrong).detail);
    });

    it('checks the password exactly as typed: a trailing space is a different password', async () => {
      const org = await organisation();
      const volunteer = await person(org.id, 'volunteer', org.admin);
      expect((await login(volunteer.email, `${PASSWORD} `, randomIp())).statusCode).toBe(401);
      const ok = await login(` ${volunteer.email.toUpperCase()} `, PASSWORD, randomIp());
      expect(ok.statusCode).toBe(200);
      const body = ok.json<Login>();
      expect(body).toMatchObject({ expiresIn: 900, user: { id: volunteer.id, email: volunteer.email } });
      expect(Object.keys(body).sort()).toEqual(['accessToken', 'expiresIn', 'user']);
      const cookie = refreshCookie(ok);
      expect(cookie).toMatchObject({ path: '/api/auth', httpOnly: true, sameSite: 'Lax' });
      // The app runs on http://localhost here; outside localhost the cookie is Secure.
      expect(cookie?.secure).toBeFalsy();
    });

    it('answers 429 with Retry-After after repeated failures, while others behind the same address log in', async () => {
      const org = await organisation();
      const target = await person(org.id, 'volunteer', org.admin);
      const neighbour = await person(org.id, 'volunteer', org.admin);
      const hall = randomIp();
      for (let i = 0; i < 5; i++)
        expect((await login(target.email, 'wrong password!!', hall)).statusCode).toBe(401);
      const blocked = await login(target.email, PASSWORD, hall);
      expect(blocked.statusCode).toBe(429);
      expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(60);
      expect(problemOf(blocked).code).toBe('rate.limited');
      // Even the right password from elsewhere: the account is what is being guessed.
      expect((await login(target.email, PASSWORD, randomIp())).statusCode).toBe(429);
      expect((await login(neighbour.email, PASSWORD, hall)).statusCode).toBe(200);
    });

    it('lets a hall full of volunteers log in from one address: successes do not count', async () => {
      const org = await organisation();
      const hall = randomIp();
      const volunteer = await person(org.id, 'volunteer', org.admin);
      const results = await Promise.all(
        Array.from({ length: 60 }, () => login(volunteer.email, PASSWORD, hall)),
      );
      expect(results.every((r) => r.statusCode === 200)).toBe(true);
    });
  });

  describe('bad input is a 4xx problem, never a 500', () => {
    it.each([
      ['malformed JSON', '{"email": "a@b.nl", "password": ', 'application/json', 400],
      ['a JSON array', '[]', 'application/json', 400],
      ['no body at all', '', undefined, 415],
      ['plain text', 'email=a&password=b', 'text/plain', 415],
      ['an XML body', '<login/>', 'application/xml', 415],
      // What a cross-site HTML form can send without a preflight: refused, so no login CSRF.
      ['a urlencoded form', 'email=a%40example.org&password=x', 'application/x-www-form-urlencoded', 415],
    ])('login with %s', async (_label, payload, contentType, status) => {
      const res = await booted.call({
        method: 'POST',
        url: '/api/auth/login',
        payload,
        headers: contentType ? { 'content-type': contentType } : {},
        ip: randomIp(),
      });
      expect(res.statusCode).toBe(status);
      expect(problemOf(res).status).toBe(status);
    });

    it('refuses unknown fields and wrong types with field errors', async () => {
      const extra = await login('a@example.org', PASSWORD, randomIp());
      expect(extra.statusCode).toBe(401);
      const unknown = await post('/api/auth/login', {
        email: 'a@example.org',
        password: PASSWORD,
        admin: true,
      });
      expect(unknown.statusCode).toBe(400);
      expect(problemOf(unknown)).toMatchObject({ code: 'validation.failed', errors: [{ field: 'admin' }] });
      const typed = await post('/api/auth/login', { email: 42, password: ['x'] });
      expect(typed.statusCode).toBe(400);
      expect(
        problemOf(typed)
          .errors?.map((e) => e.field)
          .sort(),
      ).toEqual(['email', 'password']);
    });

    it('refuses a 1 MB body with 413', async () => {
      const res = await post('/api/auth/login', {
        email: 'a@example.org',
        password: 'x'.repeat(1024 * 1024),
      });
      expect(res.statusCode).toBe(413);
      expect(problemOf(res).status).toBe(413);
    });

    it('does not let a volunteer give themselves a role or an organisation', async () => {
      const org = await organisation();
      const volunteer = await person(org.id, 'volunteer', org.admin);
      for (const payload of [
        { admin: true },
        { memberships: [{ organisationId: org.id, role: 'coordinator' }] },
      ]) {
        const res = await booted.call({
          method: 'PATCH',
          url: '/api/me',
          payload,
          headers: bearer(volunteer.token),
        });
        expect(res.statusCode).toBe(400);
      }
      const me = await booted.call({ method: 'GET', url: '/api/me', headers: bearer(volunteer.token) });
      expect(me.json<Me>()).toMatchObject({
        admin: false,
        memberships: [{ organisationId: org.id, role: 'volunteer' }],
      });
    });

    it('answers anything at all sent to any identity endpoint with less than 500', async () => {
      const org = await organisation();
      const volunteer = await person(org.id, 'volunteer', org.admin);
      const endpoints: Array<[string, string, string | undefined]> = [
        ['POST', '/api/auth/login', undefined],
        ['POST', '/api/auth/refresh', undefined],
        ['POST', '/api/auth/register', undefined],
        ['POST', '/api/auth/logout', volunteer.token],
        ['PATCH', '/api/me', volunteer.token],
        ['PUT', '/api/me/password', volunteer.token],
        ['DELETE', '/api/me', volunteer.token],
        ['POST', '/api/organisations', org.admin],
        ['POST', '/api/users', org.admin],
        ['PATCH', `/api/users/${volunteer.id}`, org.admin],
      ];
      const ip = randomIp();
      for (const [method, url, token] of endpoints) {
        await fc.assert(
          fc.asyncProperty(fc.anything({ withNullPrototype: true, maxDepth: 3 }), async (body) => {
            const res = await booted.call({
              method: method as 'POST',
              url,
              payload: JSON.stringify(body) ?? 'undefined',
              headers: { 'content-type': 'application/json', ...(token ? bearer(token) : {}) },
              ip,
            });
            expect([url, res.statusCode < 500]).toEqual([url, true]);
          }),
          { numRuns: 25 },
        );
      }
    });

    it('answers ids that are not ids with 404', async () => {
      const org = await organisation();
      const res = await booted.call({
        method: 'PATCH',
        url: '/api/users/not-a-uuid',
        payload: { displayName: 'x' },
        headers: bearer(org.admin),
      });
      expect(res.statusCode).toBe(404);
    });
  });

  describe('tokens', () => {
    it('refuses a request without a token with 401', async () => {
      const res = await booted.call({ method: 'GET', url: '/api/me' });
      expect(res.statusCode).toBe(401);
      expect(problemOf(res).code).toBe('auth.unauthenticated');
    });

    it('refuses expired, tampered, foreign, alg=none and HS512 tokens with 401', async () => {
      const org = await organisation();
      const volunteer = await person(org.id, 'volunteer', org.admin);
      const jwt = booted.app.get(JwtService);
      const [header, payload, signature] = volunteer.token.split('.');
      const claims = JSON.parse(Buffer.from(payload, 'base64url').toString()) as Record<string, unknown>;
      const { iat: _iat, exp: _exp, iss: _iss, aud: _aud, ...own } = claims;
      const b64 = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
      const tokens = {
        expired: jwt.sign(own, { expiresIn: -60 }),
        tampered: `${header}.${b64({ ...claims, adm: true })}.${signature}`,
        foreign: jwt.sign(own, { secret: 'someone else’s secret, 32 characters long' }),
        none: `${b64({ alg: 'none', typ: 'JWT' })}.${b64({ ...claims, adm: true })}.`,
        hs512: jwt.sign(own, { algorithm: 'HS512' }),
        wrongAudience: jwt.sign(own, { audience: 'another-api' }),
      };
      for (const [label, token] of Object.entries(tokens)) {
        const res = await booted.call({ method: 'GET', url: '/api/me', headers: bearer(token) });
        expect([label, res.statusCode]).toEqual([label, 401]);
        expect(problemOf(res).code).toBe('auth.token-invalid');
      }
      expect(
        (await booted.call({ method: 'GET', url: '/api/me', headers: bearer(volunteer.token) })).statusCode,
      ).toBe(200);
    });

    it('rotates the refresh token; reusing a spent one ends the whole session', async () => {
      const org = await organisation();
      const volunteer = await person(org.id, 'volunteer', org.admin);
      const first = await login(volunteer.email, PASSWORD, randomIp());
      const cookie1 = refreshCookie(first)!.value;
      const access1 = first.json<Login>().accessToken;

      const second = await post('/api/auth/refresh', {}, { cookie: `${REFRESH_COOKIE}=${cookie1}` });
      expect(second.statusCode).toBe(200);
      const cookie2 = refreshCookie(second)!.value;
      expect(cookie2).not.toBe(cookie1);
      expect(second.json<Login>().refreshToken).toBeUndefined();
      const access2 = second.json<Login>().accessToken;
      expect(
        (await booted.call({ method: 'GET', url: '/api/me', headers: bearer(access2) })).statusCode,
      ).toBe(200);

      // A thief replays the first token: the session ends for everyone holding any of its tokens.
      const replay = await post('/api/auth/refresh', {}, { cookie: `${REFRESH_COOKIE}=${cookie1}` });
      expect(replay.statusCode).toBe(401);
      expect(refreshCookie(replay)?.value).toBe('');
      expect(
        (await post('/api/auth/refresh', {}, { cookie: `${REFRESH_COOKIE}=${cookie2}` })).statusCode,
      ).toBe(401);
      for (const token of [access1, access2]) {
        expect(
          (await booted.call({ method: 'GET', url: '/api/me', headers: bearer(token) })).statusCode,
        ).toBe(401);
      }
      // Other sessions of the same person are untouched.
      expect(await tokenOf(volunteer.email, PASSWORD)).toBeTruthy();
    });

    it('gives clients without cookies the next refresh token in the body', async () => {
      const org = await organisation();
      const volunteer = await person(org.id, 'volunteer', org.admin);
      const first = refreshCookie(await login(volunteer.email, PASSWORD, randomIp()))!.value;
      const next = await post('/api/auth/refresh', { refreshToken: first });
      expect(next.statusCode).toBe(200);
      const { refreshToken } = next.json<Login>();
      expect(refreshToken).toBeTruthy();
      expect((await post('/api/auth/refresh', { refreshToken })).statusCode).toBe(200);
      expect((await post('/api/auth/refresh', {})).statusCode).toBe(401);
      expect((await post('/api/auth/refresh', { refreshToken: 'made-up' })).statusCode).toBe(401);
    });

    it('logout ends this session only; logout-all ends every session', async () => {
      const org = await organisation();
      const volunteer = await person(org.id, 'volunteer', org.admin);
      const phone = await tokenOf(volunteer.email, PASSWORD);
      const laptop = await tokenOf(volunteer.email, PASSWORD);
      const tablet = await login(volunteer.email, PASSWORD, randomIp());
      const me = (token: string) => booted.call({ method: 'GET', url: '/api/me', headers: bearer(token) });

      const out = await post('/api/auth/logout', {}, bearer(phone));
      expect(out.statusCode).toBe(204);
      expect(refreshCookie(out)?.value).toBe('');
      expect((await me(phone)).statusCode).toBe(401);
      expect((await me(laptop)).statusCode).toBe(200);

      expect((await post('/api/auth/logout-all', {}, bearer(laptop))).statusCode).toBe(204);
      expect((await me(laptop)).statusCode).toBe(401);
      expect((await me(tablet.json<Login>().accessToken)).statusCode).toBe(401);
      const cookie = `${REFRESH_COOKIE}=${refreshCookie(tablet)!.value}`;
      expect((await post('/api/auth/refresh', {}, { cookie })).statusCode).toBe(401);
    });
  });

  describe('registration', () => {
    it('makes a volunteer of the organisation with the join code', async () => {
      const org = await organisation();
      const email = uniqueEmail('nij');
      const res = await post(
        '/api/auth/register',
        { email, password: PASSWORD, displayName: 'Nije Frijwilliger', joinCode: org.joinCode, locale: 'fy' },
        {},
        randomIp(),
      );
      expect(res.statusCode).toBe(201);
      expect(res.json<Me>()).toEqual({
        id: expect.any(String),
        email,
        displayName: 'Nije Frijwilliger',
        locale: 'fy',
        admin: false,
        memberships: [{ organisationId: org.id, role: 'volunteer' }],
      });
      expect((await login(email, PASSWORD, randomIp())).statusCode).toBe(200);

      const again = await post(
        '/api/auth/register',
        { email: email.toUpperCase(), password: PASSWORD, displayName: 'Again', joinCode: org.joinCode },
        {},
        randomIp(),
      );
      expect(again.statusCode).toBe(409);
      expect(problemOf(again).code).toBe('identity.email-taken');
    });

    it('answers an unknown join code and a common password with 422', async () => {
      const org = await organisation();
      const unknown = await post(
        '/api/auth/register',
        { email: uniqueEmail('x'), password: PASSWORD, displayName: 'X', joinCode: 'ZZZZ2222' },
        {},
        randomIp(),
      );
      expect(unknown.statusCode).toBe(422);
      expect(problemOf(unknown).code).toBe('identity.join-code-unknown');
      const common = await post(
        '/api/auth/register',
        { email: uniqueEmail('x'), password: 'Welkom123456', displayName: 'X', joinCode: org.joinCode },
        {},
        randomIp(),
      );
      expect(common.statusCode).toBe(422);
      expect(problemOf(common)).toMatchObject({
        code: 'identity.password-rejected',
        errors: [{ field: 'password' }],
      });
    });

    it('bounds registration attempts per address', async () => {
      const ip = randomIp();
      const attempt = () =>
        post(
          '/api/auth/register',
          { email: uniqueEmail('bot'), password: PASSWORD, displayName: 'Bot', joinCode: 'ZZZZ2222' },
          {},
          ip,
        );
      for (let i = 0; i < 100; i++) expect((await attempt()).statusCode).toBe(422);
      const blocked = await attempt();
      expect(blocked.statusCode).toBe(429);
      expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
      // Another address is not affected.
      const org = await organisation();
      const other = await post(
        '/api/auth/register',
        { email: uniqueEmail('ok'), password: PASSWORD, displayName: 'Ok', joinCode: org.joinCode },
        {},
        randomIp(),
      );
      expect(other.statusCode).toBe(201);
    });
  });

  describe('roles and organisations', () => {
    it('refuses a volunteer on administrator endpoints with 403', async () => {
      const org = await organisation();
      const volunteer = await person(org.id, 'volunteer', org.admin);
      const create = await post('/api/organisations', { name: 'Mines' }, bearer(volunteer.token));
      expect(create.statusCode).toBe(403);
      expect(problemOf(create).code).toBe('auth.forbidden');
      const patch = await booted.call({
        method: 'PATCH',
        url: `/api/users/${volunteer.id}`,
        payload: { admin: true },
        headers: bearer(volunteer.token),
      });
      expect(patch.statusCode).toBe(403);
      const users = await post(
        '/api/users',
        {
          email: uniqueEmail('x'),
          password: PASSWORD,
          displayName: 'X',
          memberships: [{ organisationId: org.id, role: 'volunteer' }],
        },
        bearer(volunteer.token),
      );
      expect(users.statusCode).toBe(403);
    });

    it('lets a coordinator add volunteers to their own organisation only', async () => {
      const mine = await organisation();
      const theirs = await organisation();
      const coordinator = await person(mine.id, 'coordinator', mine.admin);
      const add = (organisationId: string, role: string) =>
        post(
          '/api/users',
          {
            email: uniqueEmail('added'),
            password: PASSWORD,
            displayName: 'Added',
            memberships: [{ organisationId, role }],
          },
          bearer(coordinator.token),
        );
      const ok = await add(mine.id, 'volunteer');
      expect(ok.statusCode).toBe(201);
      expect(ok.json<Me & { disabled: boolean }>()).toMatchObject({
        admin: false,
        disabled: false,
        memberships: [{ organisationId: mine.id, role: 'volunteer' }],
      });
      // Another organisation is not the coordinator's to see: 404, as if it did not exist.
      const elsewhere = await add(theirs.id, 'volunteer');
      expect(elsewhere.statusCode).toBe(404);
      expect((await add(randomUUID(), 'volunteer')).statusCode).toBe(404);
      expect((await add(mine.id, 'coordinator')).statusCode).toBe(403);
      expect((await add(mine.id, 'trainer')).statusCode).toBe(403);
    });

    it('creates organisations with a unique name and an 8-character join code, listed by who may see them', async () => {
      const org = await organisation();
      expect(org.joinCode).toMatch(/^[A-HJKMNP-Z2-9]{8}$/);
      const list = await booted.call({
        method: 'GET',
        url: '/api/organisations?pageSize=100',
        headers: bearer(org.admin),
      });
      const name = list
        .json<{ items: Array<{ id: string; name: string }> }>()
        .items.find((o) => o.id === org.id)?.name;
      const duplicate = await post('/api/organisations', { name: name!.toUpperCase() }, bearer(org.admin));
      expect(duplicate.statusCode).toBe(409);

      const volunteer = await person(org.id, 'volunteer', org.admin);
      const own = await booted.call({
        method: 'GET',
        url: '/api/organisations',
        headers: bearer(volunteer.token),
      });
      expect(own.json()).toEqual({ items: [{ id: org.id, name }], total: 1, page: 1, pageSize: 20 });
      const coordinator = await person(org.id, 'coordinator', org.admin);
      const coordinated = await booted.call({
        method: 'GET',
        url: '/api/organisations',
        headers: bearer(coordinator.token),
      });
      expect(coordinated.json()).toMatchObject({ items: [{ id: org.id, joinCode: org.joinCode }], total: 1 });
    });

    it('ends the sessions of someone an administrator disables', async () => {
      const org = await organisation();
      const volunteer = await person(org.id, 'volunteer', org.admin);
      const res = await booted.call({
        method: 'PATCH',
        url: `/api/users/${volunteer.id}`,
        payload: { disabled: true },
        headers: bearer(org.admin),
      });
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({ id: volunteer.id, disabled: true });
      expect(
        (await booted.call({ method: 'GET', url: '/api/me', headers: bearer(volunteer.token) })).statusCode,
      ).toBe(401);
      expect((await login(volunteer.email, PASSWORD, randomIp())).statusCode).toBe(401);
    });
  });

  describe('changing people (administrators)', () => {
    it('ends a coordinator’s sessions at once when their role is taken away, and announces the change', async () => {
      const org = await organisation();
      const coordinator = await person(org.id, 'coordinator', org.admin);
      const res = await booted.call({
        method: 'PATCH',
        url: `/api/users/${coordinator.id}`,
        payload: { memberships: [{ organisationId: org.id, role: 'volunteer' }] },
        headers: bearer(org.admin),
      });
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({ memberships: [{ organisationId: org.id, role: 'volunteer' }] });
      // The old token still says "coordinator"; it must not be honoured for its remaining minutes.
      const stale = await post(
        '/api/users',
        {
          email: uniqueEmail('x'),
          password: PASSWORD,
          displayName: 'X',
          memberships: [{ organisationId: org.id, role: 'volunteer' }],
        },
        bearer(coordinator.token),
      );
      expect(stale.statusCode).toBe(401);
      const fresh = await tokenOf(coordinator.email, PASSWORD);
      const me = await booted.call({ method: 'GET', url: '/api/me', headers: bearer(fresh) });
      expect(me.json<Me>().memberships).toEqual([{ organisationId: org.id, role: 'volunteer' }]);
      const events = await booted
        .dataSource('identity')
        .getRepository(outboxSchema('identity'))
        .findBy({ type: USER_UPDATED_V1.type });
      const payloads = events.map(
        (row) => (JSON.parse(row.payload) as { payload: Me & { userId: string } }).payload,
      );
      expect(payloads).toContainEqual(
        expect.objectContaining({
          userId: coordinator.id,
          memberships: [{ organisationId: org.id, role: 'volunteer' }],
        }),
      );
    });

    it('keeps an administrator from locking themselves out', async () => {
      const org = await organisation();
      const me = await booted.call({ method: 'GET', url: '/api/me', headers: bearer(org.admin) });
      const res = await booted.call({
        method: 'PATCH',
        url: `/api/users/${me.json<Me>().id}`,
        payload: { disabled: true },
        headers: bearer(org.admin),
      });
      expect(res.statusCode).toBe(422);
      expect(problemOf(res).code).toBe('rule.violated');
    });

    it('answers an unknown person or organisation with 404', async () => {
      const org = await organisation();
      const unknown = await booted.call({
        method: 'PATCH',
        url: `/api/users/${randomUUID()}`,
        payload: { displayName: 'Nobody' },
        headers: bearer(org.admin),
      });
      expect(unknown.statusCode).toBe(404);
      const volunteer = await person(org.id, 'volunteer', org.admin);
      const elsewhere = await booted.call({
        method: 'PATCH',
        url: `/api/users/${volunteer.id}`,
        payload: { memberships: [{ organisationId: randomUUID(), role: 'volunteer' }] },
        headers: bearer(org.admin),
      });
      expect(elsewhere.statusCode).toBe(404);
    });
  });

  describe('your own account', () => {
    it('shows and changes your name and language', async () => {
      const org = await organisation();
      const volunteer = await person(org.id, 'volunteer', org.admin);
      const res = await booted.call({
        method: 'PATCH',
        url: '/api/me',
        payload: { displayName: 'Sjoukje', locale: 'en' },
        headers: bearer(volunteer.token),
      });
      expect(res.statusCode).toBe(200);
      expect(res.json()).toEqual({
        id: volunteer.id,
        email: volunteer.email,
        displayName: 'Sjoukje',
        locale: 'en',
        admin: false,
        memberships: [{ organisationId: org.id, role: 'volunteer' }],
      });
    });

    it('refuses the old access token and the old password after a password change', async () => {
      const org = await organisation();
      const volunteer = await person(org.id, 'volunteer', org.admin);
      const change = (currentPassword: string, newPassword: string, token = volunteer.token) =>
        booted.call({
          method: 'PUT',
          url: '/api/me/password',
          payload: { currentPassword, newPassword },
          headers: bearer(token),
        });
      expect((await change('not the password', 'Een nieuw en lang wachtwoord')).statusCode).toBe(403);
      expect((await change(PASSWORD, 'wachtwoord123')).statusCode).toBe(422);
      expect((await change(PASSWORD, 'Een nieuw en lang wachtwoord')).statusCode).toBe(204);
      expect(
        (await booted.call({ method: 'GET', url: '/api/me', headers: bearer(volunteer.token) })).statusCode,
      ).toBe(401);
      expect((await login(volunteer.email, PASSWORD, randomIp())).statusCode).toBe(401);
      expect((await login(volunteer.email, 'Een nieuw en lang wachtwoord', randomIp())).statusCode).toBe(200);
    });

    it('erases you on request and tells the rest of the academy through the outbox', async () => {
      const org = await organisation();
      const volunteer = await person(org.id, 'volunteer', org.admin);
      const erase = (password: string) =>
        booted.call({
          method: 'DELETE',
          url: '/api/me',
          payload: { password },
          headers: bearer(volunteer.token),
        });
      expect((await erase('not my password')).statusCode).toBe(403);
      expect((await erase(PASSWORD)).statusCode).toBe(204);
      const rows = await booted
        .dataSource('identity')
        .getRepository(outboxSchema('identity'))
        .findBy({ type: USER_ERASED_V1.type });
      const payloads = rows.map(
        (row) => (JSON.parse(row.payload) as { payload: { userId: string } }).payload,
      );
      expect(payloads).toContainEqual({ userId: volunteer.id, erasedAt: expect.any(String) });
      expect(
        (await booted.call({ method: 'GET', url: '/api/me', headers: bearer(volunteer.token) })).statusCode,
      ).toBe(401);
      expect((await login(volunteer.email, PASSWORD, randomIp())).statusCode).toBe(401);
    });
  });

  it('documents the identity API in OpenAPI', async () => {
    const res = await booted.call({ method: 'GET', url: '/api/docs-json' });
    const paths = Object.keys(res.json<{ paths: Record<string, unknown> }>().paths);
    expect(paths).toEqual(
      expect.arrayContaining([
        '/api/auth/login',
        '/api/auth/refresh',
        '/api/auth/logout',
        '/api/auth/logout-all',
        '/api/auth/register',
        '/api/me',
        '/api/me/password',
        '/api/organisations',
        '/api/users',
        '/api/users/{id}',
      ]),
    );
  });
}

describe('identity API — all-in-one on SQLite', () => identityApi('academy'));
describeDistributed('identity API — enrolment service on MariaDB and Redis', () => identityApi('enrolment'));
