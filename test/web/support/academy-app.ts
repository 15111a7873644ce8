import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { LightMyRequestResponse } from 'fastify';
import { bootApp, type BootedApp } from '../../support/apps';

/** What a browser sends: pages answer errors as HTML only to those asking for it. */
export const BROWSER_ACCEPT = 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8';

export type BootedAcademy = BootedApp;

/** The all-in-one, in process, with its own empty data directory. */
export const bootAcademy = (env: Record<string, string> = {}): Promise<BootedAcademy> =>
  bootApp('academy', env);

/** Carries cookies between `inject` calls the way a browser would (name=value only; expiry by Max-Age=0). */
export class CookieJar {
  private readonly cookies = new Map<string, string>();

  store(setCookie: string | string[] | undefined): void {
    for (const line of [setCookie ?? []].flat()) {
      const [pair = '', ...attributes] = line.split(';');
      const index = pair.indexOf('=');
      const name = pair.slice(0, index).trim();
      const value = pair.slice(index + 1).trim();
      const expired = attributes.some((a) => /^\s*max-age=0\s*$/i.test(a)) || value === '';
      if (expired) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }

  get(name: string): string | undefined {
    return this.cookies.get(name);
  }

  header(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  }
}

/** Handlebars escapes `=` and `&` in attributes; tests compare with the URL a browser would follow. */
export function decodeEntities(html: string): string {
  return html
    .replace(/&#x3D;/g, '=')
    .replace(/&#x27;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

/** The CSRF token of the first form on a page. */
export function csrfTokenOf(html: string): string {
  const token = /name="_csrf" value="([^"]+)"/.exec(html)?.[1];
  if (!token) throw new Error('The page has no CSRF field.');
  return token;
}

export type FormFields = Record<string, string | string[]>;

/** Encodes a form as a browser does: repeated names for list values. */
export function form(fields: FormFields): string {
  const body = new URLSearchParams();
  for (const [name, value] of Object.entries(fields)) for (const v of [value].flat()) body.append(name, v);
  return body.toString();
}

/**
 * Talks to the pages of an app the way a browser does: HTML accepted, cookies carried in a jar, forms posted
 * url-encoded with the token of the page they came from.
 */
export class PageClient {
  constructor(private readonly app: NestFastifyApplication) {}

  async get(url: string, jar?: CookieJar): Promise<LightMyRequestResponse> {
    const res = await this.app.inject({
      method: 'GET',
      url,
      headers: { accept: BROWSER_ACCEPT, ...(jar ? { cookie: jar.header() } : {}) },
    });
    jar?.store(res.headers['set-cookie']);
    return res;
  }

  async post(url: string, fields: FormFields, jar: CookieJar): Promise<LightMyRequestResponse> {
    const res = await this.app.inject({
      method: 'POST',
      url,
      payload: form(fields),
      headers: {
        accept: BROWSER_ACCEPT,
        'content-type': 'application/x-www-form-urlencoded',
        cookie: jar.header(),
      },
    });
    jar.store(res.headers['set-cookie']);
    return res;
  }

  /** Fetches the page for its form token, then posts the form as a browser would. */
  async submit(
    page: string,
    action: string,
    fields: FormFields,
    jar: CookieJar,
  ): Promise<LightMyRequestResponse> {
    const shown = await this.get(page, jar);
    return this.post(action, { ...fields, _csrf: csrfTokenOf(shown.body) }, jar);
  }

  /** Logs in through the login form; throws unless the page redirects as a successful login does. */
  async logIn(person: { email: string; password: string }): Promise<CookieJar> {
    const jar = new CookieJar();
    const res = await this.submit(
      '/login',
      '/login',
      { email: person.email, password: person.password },
      jar,
    );
    if (res.statusCode !== 303) throw new Error(`logging in as ${person.email} answered ${res.statusCode}`);
    return jar;
  }
}
