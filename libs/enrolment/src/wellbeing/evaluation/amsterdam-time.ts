import { zoneOffsetMs } from '@academy/platform';

/**
 * Europe/Amsterdam instants for the SQL that buckets activities into local weeks. The database stores UTC and
 * neither SQLite nor a MariaDB without time-zone tables knows Amsterdam, so the offsets are computed here and
 * handed to the query as a CASE over the daylight-saving periods of the window.
 */
const HOUR_MS = 3_600_000;

/** The Amsterdam offset from UTC at an instant, in milliseconds (1 h in winter, 2 h in summer). */
export function amsterdamOffsetMs(at: Date): number {
  return zoneOffsetMs(at, 'Europe/Amsterdam');
}

/** The instant a local Amsterdam time (`YYYY-MM-DD`, `HH:MM`) names. */
export function amsterdamInstant(day: string, time = '00:00'): Date {
  const naive = Date.parse(`${day}T${time}:00Z`);
  let at = naive - amsterdamOffsetMs(new Date(naive));
  // Near a daylight-saving switch the first guess used the wrong side's offset.
  at = naive - amsterdamOffsetMs(new Date(at));
  return new Date(at);
}

/**
 * Summer-time periods (UTC instants, start inclusive, end exclusive) of the given years: from the last Sunday of
 * March 01:00 UTC to the last Sunday of October 01:00 UTC (EU rule).
 */
export function summerPeriods(fromYear: number, toYear: number): Array<{ from: Date; to: Date }> {
  const lastSunday = (year: number, month: number) => {
    const last = new Date(Date.UTC(year, month + 1, 0, 1));
    return new Date(last.getTime() - last.getUTCDay() * 24 * HOUR_MS);
  };
  const periods: Array<{ from: Date; to: Date }> = [];
  for (let year = fromYear; year <= toYear; year++) {
    periods.push({ from: lastSunday(year, 2), to: lastSunday(year, 9) });
  }
  return periods;
}

/** `YYYY-MM-DD HH:MM:SS.mmm` in UTC: how both engines store (and compare) the `datetime(3)` columns. */
export const dbTime = (at: Date): string => at.toISOString().replace('T', ' ').replace('Z', '');

/** A stored datetime read back from either engine as a Date. */
export function readTime(value: Date | string): Date {
  if (value instanceof Date) return value;
  return new Date(value.includes('T') ? value : `${value.replace(' ', 'T')}Z`);
}
