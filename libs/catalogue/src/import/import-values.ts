import { amsterdamTime } from '../demo/amsterdam-time';

/**
 * Spreadsheet spellings turned into what the JSON API accepts. These helpers only translate formats
 * (a Dutch date, "ja", a list in one cell) and say so when they cannot; the rules themselves (ranges,
 * allowed values, what must come before what) are the API's, applied by its DTOs and services.
 */

const ISO_WITH_OFFSET = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:?\d{2})$/i;
const ISO_LOCAL = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{1,2}):(\d{2})(?::\d{2})?)?$/;
const DUTCH = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})(?:[ T]+(\d{1,2})[:.](\d{2})(?::\d{2})?)?$/;
const TIME = /^(\d{1,2})[:.](\d{2})(?::\d{2})?$/;

const DAY_MS = 86_400_000;

function civilDay(year: number, month: number, day: number): number | undefined {
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) {
    return undefined;
  }
  return date.getTime() / DAY_MS;
}

function clock(hour: number, minute: number): string | undefined {
  if (hour > 23 || minute > 59) return undefined;
  return `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`;
}

export interface ParsedMoment {
  /** Civil day (days since the epoch) when the text named a date. */
  day?: number;
  /** "HH:MM" when the text named a time. */
  time?: string;
  /** An exact instant, when the text carried its own UTC offset. */
  instant?: Date;
}

/**
 * Reads "28-11-2026 19:30", "28/11/2026", "2026-11-28T19:30", "2026-11-28T19:30:00+01:00" or just "19:30".
 * Times without an offset are Dutch wall-clock time (Europe/Amsterdam), as a spreadsheet in Friesland means them.
 */
export function parseMoment(text: string): ParsedMoment | undefined {
  const value = text.trim();
  if (ISO_WITH_OFFSET.test(value)) {
    const instant = new Date(value.replace(' ', 'T'));
    return Number.isNaN(instant.getTime()) ? undefined : { instant };
  }
  let match = ISO_LOCAL.exec(value);
  let parts: number[] | undefined;
  if (match) parts = [Number(match[1]), Number(match[2]), Number(match[3])];
  else if ((match = DUTCH.exec(value))) parts = [Number(match[3]), Number(match[2]), Number(match[1])];
  if (match && parts) {
    const day = civilDay(parts[0], parts[1], parts[2]);
    if (day === undefined) return undefined;
    if (match[4] === undefined) return { day };
    const time = clock(Number(match[4]), Number(match[5]));
    return time ? { day, time } : undefined;
  }
  const timeMatch = TIME.exec(value);
  if (timeMatch) {
    const time = clock(Number(timeMatch[1]), Number(timeMatch[2]));
    return time ? { time } : undefined;
  }
  return undefined;
}

/**
 * A date and time for the API (ISO 8601 with offset), or a reason it cannot be read. `fallbackDay` supplies
 * the date when the cell holds only a time (a `date` column beside `start` and `end`); `defaultTime` the time
 * when it holds only a date (a go/no-go date is at noon).
 */
export function toIsoDateTime(
  text: string,
  options: { fallbackDay?: number; defaultTime?: string } = {},
): { value: string } | { problem: string } {
  const moment = parseMoment(text);
  if (!moment) {
    return {
      problem: `“${text}” is not a date and time: write it as 28-11-2026 19:30 (Dutch time) or in ISO 8601.`,
    };
  }
  if (moment.instant) return { value: moment.instant.toISOString() };
  const day = moment.day ?? options.fallbackDay;
  const time = moment.time ?? options.defaultTime;
  if (day === undefined)
    return { problem: `“${text}” has no date: fill in the date column, or write 28-11-2026 ${text}.` };
  if (time === undefined) return { problem: `“${text}” has no time: write it as ${text} 19:30.` };
  return { value: amsterdamTime(day, time).toISOString() };
}

/** Numbers as numbers ("12", "1,5"); undefined when the cell holds something else. */
export function toNumber(text: string): number | undefined {
  const value = text.trim().replace(',', '.');
  return /^-?\d+(\.\d+)?$/.test(value) ? Number(value) : undefined;
}

const YES = new Set(['ja', 'j', 'yes', 'y', 'true', 'waar', '1', 'x', 'online']);
const NO = new Set(['nee', 'n', 'no', 'false', 'onwaar', '0', '']);

/** "ja"/"nee" and their English and spreadsheet spellings; undefined for anything else. */
export function toBoolean(text: string): boolean | undefined {
  const value = text.trim().toLowerCase();
  if (YES.has(value)) return true;
  if (NO.has(value)) return false;
  return undefined;
}

/** Several values in one cell: "volunteers|carers", "volunteers, carers" or one per line. */
export function toList(text: string): string[] {
  return text
    .split(/[|,\n]/)
    .map((item) => item.trim())
    .filter(Boolean);
}
