import { join } from 'node:path';
import type { Locale, MessageParams, PageRenderer } from '@academy/web';

const NOTIFICATION_DIR = join(__dirname, '..');

/** Makes the notification pages' views and texts known to the renderer; each page controller calls it. */
export function registerNotificationPages(pages: PageRenderer): void {
  pages.registerViews('notification', join(NOTIFICATION_DIR, 'pages', 'views'));
  pages.registerMessages('notification', join(NOTIFICATION_DIR, 'messages'));
}

export type Translate = (key: string, params?: MessageParams) => string;

/** A form field as a string, or undefined: bodies of page forms are whatever a browser (or anyone) sends. */
export function formField(body: unknown, name: string): string | undefined {
  if (typeof body !== 'object' || body === null) return undefined;
  const value = (body as Record<string, unknown>)[name];
  return typeof value === 'string' ? value : undefined;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isUuid = (value: string | undefined): value is string => !!value && UUID.test(value);

const INTL_LOCALE: Record<Locale, string> = { nl: 'nl-NL', fy: 'fy-NL', en: 'en-GB' };

/** "do 5 mrt 2026, 19:30" in Friesland's time zone. */
export function shortDateTime(at: Date, locale: Locale): string {
  const text = new Intl.DateTimeFormat(INTL_LOCALE[locale], {
    timeZone: 'Europe/Amsterdam',
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(at);
  // Frisian, like Dutch, writes month names in lower case (ICU capitalises them).
  return locale === 'fy' ? text.toLowerCase() : text;
}

/** A page number from the query string: 1 for anything that is not a sensible whole number. */
export function pageNumber(value: unknown): number {
  const page = typeof value === 'string' && /^\d{1,6}$/.test(value) ? Number(value) : 1;
  return Math.max(1, page);
}
