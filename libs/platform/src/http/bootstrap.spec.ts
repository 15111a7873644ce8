import fastifyHelmet from '@fastify/helmet';
import Fastify from 'fastify';
import { helmetHeaders } from './bootstrap';

const OPTIONS = {
  contentSecurityPolicy: {
    directives: {
      defaultSrc: ["'self'"],
      styleSrc: ["'self'", "'unsafe-inline'"],
      frameAncestors: ["'none'"],
      upgradeInsecureRequests: [],
    },
  },
  hsts: { maxAge: 15552000, includeSubDomains: true },
};

/** What @fastify/helmet sends when registered on an app the usual way (a new middleware per request). */
async function sentByPlugin(
  options: typeof OPTIONS | Record<string, unknown>,
): Promise<Record<string, unknown>> {
  const app = Fastify({ logger: false });
  await app.register(fastifyHelmet, options);
  app.get('/', async () => ({ ok: true }));
  const response = await app.inject({ method: 'GET', url: '/' });
  await app.close();
  const headers = { ...response.headers };
  for (const name of ['content-type', 'content-length', 'date', 'connection', 'keep-alive'])
    delete headers[name];
  return headers;
}

describe('helmetHeaders', () => {
  it('are the headers the plugin sends per request, worked out once', async () => {
    const once = await helmetHeaders(OPTIONS);
    expect(once).toEqual(await sentByPlugin(OPTIONS));
    expect(once['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(once['content-security-policy']).toContain('upgrade-insecure-requests');
    expect(once['strict-transport-security']).toBe('max-age=15552000; includeSubDomains');
    expect(once['x-content-type-options']).toBe('nosniff');
  });

  it('follow the options: no HSTS and no upgrade on a local address', async () => {
    const local = {
      contentSecurityPolicy: { directives: { defaultSrc: ["'self'"], upgradeInsecureRequests: null } },
      hsts: false,
    };
    const once = await helmetHeaders(local);
    expect(once).toEqual(await sentByPlugin(local));
    expect(once['strict-transport-security']).toBeUndefined();
    expect(once['content-security-policy']).not.toContain('upgrade-insecure-requests');
  });
});
