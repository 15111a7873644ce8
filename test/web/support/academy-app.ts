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

export function form(fields: Record<string, string>): string {
  return new URLSearchParams(fields).toString();
}
