import type { Locale } from '@academy/web';

/** Every date and time on the pages is Friesland's, whatever the server's or the reader's clock says. */
const TIME_ZONE = 'Europe/Amsterdam';
const INTL_LOCALE: Record<Locale, string> = { nl: 'nl-NL', fy: 'fy-NL', en: 'en-GB' };

const cache = new Map<string, Intl.DateTimeFormat>();
function formatted(locale: Locale, style: string, options: Intl.DateTimeFormatOptions, at: Date): string {
  const key = `${locale}:${style}`;
  let format = cache.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(INTL_LOCALE[locale], { timeZone: TIME_ZONE, ...options });
    cache.set(key, format);
  }
  // ICU capitalises Frisian month names ("5 Maart"); Frisian spelling, like Dutch, writes them in lower case.
  if (locale !== 'fy') return format.format(at);
  return format
    .formatToParts(at)
    .map((part) => (part.type === 'month' ? part.value.toLowerCase() : part.value))
    .join('');
}

const asDate = (at: Date | string) => (typeof at === 'string' ? new Date(at) : at);

/** "donderdag 5 maart 2026". */
export const longDate = (at: Date | string, locale: Locale): string =>
  formatted(
    locale,
    'long',
    { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' },
    asDate(at),
  ).replace(',', '');

/** "do 5 mrt 2026". */
export const shortDate = (at: Date | string, locale: Locale): string =>
  formatted(
    locale,
    'short',
    { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric' },
    asDate(at),
  ).replace(',', '');

/** "19:30", on the 24-hour clock in every language. */
export const clockTime = (at: Date | string, locale: Locale): string =>
  formatted(locale, 'time', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }, asDate(at));

/** "do 5 mrt 2026, 19:30". */
export const shortDateTime = (at: Date | string, locale: Locale): string =>
  `${shortDate(at, locale)}, ${clockTime(at, locale)}`;

/** Word joiners around the dash of "19:30–21:30": a narrow screen breaks the line elsewhere. */
export const timeRange = (from: Date | string, to: Date | string, locale: Locale): string =>
  `${clockTime(from, locale)}\u2060–\u2060${clockTime(to, locale)}`;
