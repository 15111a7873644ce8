import { JwtService } from '@nestjs/jwt';
import { type AccessTokenClaims, TOKEN_ALGORITHM, TOKEN_AUDIENCE, TOKEN_ISSUER } from '@academy/platform';
import { describeDistributed } from '@academy/platform/testing/test-databases';
import { type BootedApp, bootApp } from '../support/apps';
import { BROWSER_ACCEPT } from '../web/support/academy-app';

describeDistributed('Bull Board in the notification service', () => {
  let service: BootedApp;
  let jwt: JwtService;

  beforeAll(async () => {
    service = await bootApp('notification', { MAIL_CONCURRENCY: '1' });
    jwt = new JwtService({ secret: service.config.jwtSecret });
  }, 60_000);
  afterAll(() => service?.close());

  const token = (admin: boolean, secret?: string) => {
    const claims: Omit<AccessTokenClaims, 'sub'> = {
      name: 'Test',
      loc: 'nl',
      adm: admin,
      mem: [],
      sid: 's1',
      sv: 0,
    };
    return jwt.sign(claims, {
      subject: '0b9f0d5e-7e4a-4f7e-9a53-5b3c1d2e3f40',
      algorithm: TOKEN_ALGORITHM,
      issuer: TOKEN_ISSUER,
      audience: TOKEN_AUDIENCE,
      expiresIn: 300,
      ...(secret ? { secret } : {}),
    });
  };
  const withCookie = (value: string) => ({ cookie: `academy_session=${value}`, accept: BROWSER_ACCEPT });

  it('shows the board and its queues to an administrator', async () => {
    const page = await service.call({
      method: 'GET',
      url: '/admin/queues',
      headers: withCookie(token(true)),
    });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toMatch(/text\/html/);
    const api = await service.call({
      method: 'GET',
      url: '/admin/queues/api/queues',
      headers: withCookie(token(true)),
    });
    expect(api.statusCode).toBe(200);
    const names = (api.json<{ queues: Array<{ name: string }> }>().queues ?? []).map((q) => q.name);
    expect(names).toEqual(expect.arrayContaining(['notification-mail', 'notification-events']));
  });

  it('never shows it to anyone else', async () => {
    const anonymous = await service.call({
      method: 'GET',
      url: '/admin/queues',
      headers: { accept: BROWSER_ACCEPT },
    });
    expect(anonymous.statusCode).toBe(303);
    expect(anonymous.headers.location).toMatch(/\/login\?next=%2Fadmin%2Fqueues/);
    const volunteer = await service.call({
      method: 'GET',
      url: '/admin/queues',
      headers: withCookie(token(false)),
    });
    expect(volunteer.statusCode).toBe(403);
    expect(volunteer.body).not.toContain('bull');
    const forged = await service.call({
      method: 'GET',
      url: '/admin/queues/api/queues',
      headers: { cookie: `academy_session=${token(true, 'not-the-service-secret-0123456789abcdef')}` },
    });
    expect(forged.statusCode).toBe(401);
    const bearer = await service.call({
      method: 'GET',
      url: '/admin/queues/api/queues',
      headers: { authorization: `Bearer ${token(false)}` },
    });
    expect(bearer.statusCode).toBe(403);
  });
});

describe('Bull Board in the all-in-one', () => {
  it('is not there (no Redis, no queues)', async () => {
    const { bootAcademy } = await import('../web/support/academy-app');
    const academy = await bootAcademy();
    try {
      const res = await academy.call({
        method: 'GET',
        url: '/admin/queues',
        headers: { accept: BROWSER_ACCEPT },
      });
      expect(res.statusCode).not.toBe(200);
    } finally {
      await academy.close();
    }
  });
});
