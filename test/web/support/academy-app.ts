import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { AcademyModule } from '../../../apps/academy/src/academy.module';
import { createApplication, loadConfig } from '@academy/platform';

/** What a browser sends: pages answer errors as HTML only to those asking for it. */
export const BROWSER_ACCEPT = 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8';

export interface BootedAcademy {
  app: NestFastifyApplication;
  close(): Promise<void>;
}

/** The all-in-one, in process, with its own empty data directory. */
export async function bootAcademy(env: Record<string, string> = {}): Promise<BootedAcademy> {
  const dataDir = mkdtempSync(join(tmpdir(), 'academy-web-'));
  const config = loadConfig('academy', { DATA_DIR: dataDir, DEMO_DATA: 'off', LOG_LEVEL: 'silent', ...env });
  const app = await createApplication(AcademyModule.forConfig(config), config, {
    title: 't',
    description: 'd',
  });
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  return {
    app,
    close: async () => {
      await app.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

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
