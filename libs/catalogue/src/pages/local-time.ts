import { wallClock as wallClockIn, zoneOffsetMs } from '@academy/platform';
import type { Locale } from '@academy/web';

/** Every date and time on the pages is Friesland's, whatever the server's or the reader's clock says. */
export const PAGE_TIME_ZONE = 'Europe/Amsterdam';

const INTL_LOCALE: Record<Locale, string> = { nl: 'nl-NL', fy: 'fy-NL', en: 'en-GB' };

function formatter(locale: Locale, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  return new Intl.DateTimeFormat(INTL_LOCALE[locale], { timeZone: PAGE_TIME_ZONE, ...options });
}

const cache = new Map<string, Intl.DateTimeFormat>();
function cached(locale: Locale, style: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}:${style}`;
  let format = cache.get(key);
  if (!format) {
    format = formatter(locale, options);
    cache.set(key, format);
  }
  return format;
}

/**
 * ICU writes Frisian month names with a capital ("5 Maart"); Frisian spelling, like Dutch, writes them in
 * lower case.
 */
function format(format: Intl.DateTimeFormat, locale: Locale, at: Date): string {
  if (locale !== 'fy') return format.format(at);
  return format
    .formatToParts(at)
    .map((part) => (part.type === 'month' ? part.value.toLowerCase() : part.value))
    .join('');
}

/** "donderdag 5 maart 2026" / "tongersdei 5 maart 2026" / "Thursday 5 March 2026". */
export function longDate(iso: string, locale: Locale): string {
  const style = { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' } as const;
  return format(cached(locale, 'long', style), locale, new Date(iso)).replace(',', '');
}

/** "do 5 mrt 2026": for lists, where space is short. */
export function shortDate(iso: string, locale: Locale): string {
  const style = { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric' } as const;
  return format(cached(locale, 'short', style), locale, new Date(iso)).replace(',', '');
}

/** "19:30", on the 24-hour clock in every language (as the Dutch and the Frisians read it). */
export function clockTime(iso: string, locale: Locale): string {
  const style = { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' } as const;
  return cached(locale, 'time', style).format(new Date(iso));
}

interface WallClock {
  date: string;
  time: string;
}

const two = (n: number) => String(n).padStart(2, '0');

/** The day (YYYY-MM-DD) and time (HH:MM) in Friesland at an instant: what a form field shows. */
export function wallClock(iso: string | Date): WallClock {
  const w = wallClockIn(typeof iso === 'string' ? new Date(iso) : iso, PAGE_TIME_ZONE);
  return { date: `${w.year}-${two(w.month)}-${two(w.day)}`, time: `${two(w.hour)}:${two(w.minute)}` };
}

export function sameLocalDay(a: string, b: string): boolean {
  return wallClock(a).date === wallClock(b).date;
}

/** Minutes Friesland is ahead of UTC at an instant (60 in winter, 120 in summer). */
function offsetMinutes(instant: number): number {
  return Math.round(zoneOffsetMs(new Date(instant), PAGE_TIME_ZONE) / 60_000);
}

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME = /^([01]\d|2[0-3])[:.]([0-5]\d)$/;

/** A date typed or picked in a form (YYYY-MM-DD) that exists on the calendar. */
export function isDay(value: string): boolean {
  const match = DAY.exec(value);
  if (!match) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

/** A time of day from a form: "19:30" (a phone's time picker) or "19.30" (as the Dutch write it). */
export function parseTime(value: string): string | undefined {
  const match = TIME.exec(value.trim().padStart(5, '0'));
  return match ? `${match[1]}:${match[2]}` : undefined;
}

/**
 * The instant of a wall-clock time on a day in Friesland, as ISO 8601 with its offset
 * ("2026-03-05T19:30:00+01:00"). Undefined when the day or the time cannot be read.
 */
export function localInstant(day: string, time: string): string | undefined {
  const clock = parseTime(time);
  if (!isDay(day) || !clock) return undefined;
  const naive = Date.parse(`${day}T${clock}:00Z`);
  // Two passes settle the offset on either side of a daylight-saving switch.
  let offset = offsetMinutes(naive - offsetMinutes(naive) * 60_000);
  offset = offsetMinutes(naive - offset * 60_000);
  const sign = offset < 0 ? '-' : '+';
  const abs = Math.abs(offset);
  const hh = String(Math.floor(abs / 60)).padStart(2, '0');
  const mm = String(abs % 60).padStart(2, '0');
  return `${day}T${clock}:00${sign}${hh}:${mm}`;
}

/** "2026-03-05T19:30" from an `<input type="datetime-local">`, as an instant in Friesland. */
export function localDateTime(value: string): string | undefined {
  const [day = '', time = ''] = value.trim().split('T');
  return localInstant(day, time.slice(0, 5));
}
