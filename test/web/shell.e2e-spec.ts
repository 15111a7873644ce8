import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { PageRenderer } from '@academy/web';
import {
  bootAcademy,
  type BootedAcademy,
  BROWSER_ACCEPT as HTML,
  decodeEntities,
} from './support/academy-app';

describe('page shell (all-in-one)', () => {
  let academy: BootedAcademy;
  let app: NestFastifyApplication;

  beforeAll(async () => {
    academy = await bootAcademy();
    app = academy.app;
  });

  afterAll(async () => {
    expect(app.get(PageRenderer).messages.missingKeys()).toEqual([]);
    await academy.close();
  });

  it('shows the home page in Dutch by default, with the skip link, landmarks and one h1', async () => {
    const res = await app.inject({ method: 'GET', url: '/', headers: { accept: HTML } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/html');
    expect(res.body).toContain('<html lang="nl">');
    expect(res.body).toContain('Welkom bij de Vrijwilligersacademie');
    expect(res.body).toContain('href="#main"');
    expect(res.body).toMatch(/<main[^>]*id="main"/);
    expect(res.body.match(/<h1[\s>]/g)).toHaveLength(1);
    expect(res.body).toContain('href="/login"');
    expect(res.body).toContain('href="/register"');
  });

  it('switches language with ?lang= and remembers it in a cookie', async () => {
    const fy = await app.inject({ method: 'GET', url: '/?lang=fy', headers: { accept: HTML } });
    expect(fy.body).toContain('<html lang="fy">');
    expect(fy.body).toContain('Wolkom by de Vrijwilligersacademie');
    const cookie = [fy.headers['set-cookie']].flat().find((c) => c?.startsWith('lang='));
    expect(cookie).toMatch(/^lang=fy;.*HttpOnly/i);
    const again = await app.inject({ method: 'GET', url: '/', headers: { accept: HTML, cookie: 'lang=fy' } });
    expect(again.body).toContain('<html lang="fy">');
  });

  it('follows Accept-Language when nothing else says', async () => {
    const res = await app.inject({
      method: 'GET',
      url: '/',
      headers: { accept: HTML, 'accept-language': 'de-DE, en-GB;q=0.8, nl;q=0.5' },
    });
    expect(res.body).toContain('<html lang="en">');
    expect(res.body).toContain('Welcome to the Vrijwilligersacademie');
  });

  it('offers the language switch as plain links to the same page', async () => {
    const res = await app.inject({ method: 'GET', url: '/?done=welcome', headers: { accept: HTML } });
    expect(decodeEntities(res.body)).toContain('href="/?done=welcome&lang=fy"');
    expect(res.body).toContain('lang="en"');
  });

  it('answers an unknown page with a friendly 404 page for browsers and problem+json for others', async () => {
    const page = await app.inject({ method: 'GET', url: '/nergens', headers: { accept: HTML } });
    expect(page.statusCode).toBe(404);
    expect(page.headers['content-type']).toContain('text/html');
    expect(page.body).toContain('Pagina niet gevonden');
    const api = await app.inject({ method: 'GET', url: '/api/nergens', headers: { accept: HTML } });
    expect(api.statusCode).toBe(404);
    expect(api.headers['content-type']).toContain('application/problem+json');
    const json = await app.inject({ method: 'GET', url: '/nergens' });
    expect(json.headers['content-type']).toContain('application/problem+json');
  });

  it('serves the stylesheet with long caching for the versioned URL', async () => {
    const home = await app.inject({ method: 'GET', url: '/', headers: { accept: HTML } });
    const href = /href="(\/assets\/academy\.css\?v=[^"]+)"/.exec(home.body)?.[1];
    expect(href).toBeDefined();
    const css = await app.inject({ method: 'GET', url: href! });
    expect(css.statusCode).toBe(200);
    expect(css.headers['content-type']).toContain('text/css');
    expect(css.headers['cache-control']).toContain('immutable');
    const again = await app.inject({
      method: 'GET',
      url: href!,
      headers: { 'if-none-match': String(css.headers.etag) },
    });
    expect(again.statusCode).toBe(304);
    const missing = await app.inject({ method: 'GET', url: '/assets/..%2Fweb.module.ts' });
    expect(missing.statusCode).toBe(404);
  });
});
