import type { ICalDayJsStub } from 'ical-generator';
import { wallClockFormatter } from '@academy/platform';

/** The zone of every time in the feed: meetings are at 19:30 in Friesland, summer or winter. */
export const FEED_TIME_ZONE = 'Europe/Amsterdam';

/**
 * VTIMEZONE for Europe/Amsterdam (RFC 5545 §3.6.5): a TZID needs its definition in the same file. The EU rule
 * (last Sunday of March and of October, 01:00 UTC) has held since 1996; should it change, change it here.
 */
export const AMSTERDAM_VTIMEZONE = [
  'BEGIN:VTIMEZONE',
  'TZID:Europe/Amsterdam',
  'X-LIC-LOCATION:Europe/Amsterdam',
  'BEGIN:DAYLIGHT',
  'TZOFFSETFROM:+0100',
  'TZOFFSETTO:+0200',
  'TZNAME:CEST',
  'DTSTART:19700329T020000',
  'RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU',
  'END:DAYLIGHT',
  'BEGIN:STANDARD',
  'TZOFFSETFROM:+0200',
  'TZOFFSETTO:+0100',
  'TZNAME:CET',
  'DTSTART:19701025T030000',
  'RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU',
  'END:STANDARD',
  'END:VTIMEZONE',
].join('\r\n');

export function vtimezone(zone: string): string | null {
  return zone === FEED_TIME_ZONE ? AMSTERDAM_VTIMEZONE : null;
}

const wallClock = wallClockFormatter(FEED_TIME_ZONE);

/**
 * An instant that ical-generator can write as Friesland wall-clock time. Given a plain Date and a TZID it
 * would write the server's own local time (wrong on any server not set to Amsterdam), so it gets this
 * Day.js-shaped stub, which answers in Amsterdam time when asked for that zone and in UTC otherwise.
 */
export class AmsterdamTime implements ICalDayJsStub {
  constructor(
    private readonly instant: Date,
    private readonly zoned = false,
  ) {}

  tz(zone?: string): AmsterdamTime {
    if (zone && zone !== FEED_TIME_ZONE) throw new Error(`AmsterdamTime cannot show ${zone}`);
    return new AmsterdamTime(this.instant, true);
  }

  utc(): AmsterdamTime {
    return new AmsterdamTime(this.instant, false);
  }

  /** The two formats ical-generator asks for: `YYYYMMDD` and `HHmmss`. */
  format(format = 'YYYYMMDDTHHmmss'): string {
    const parts = this.parts();
    return format
      .replace('YYYY', parts.year)
      .replace('MM', parts.month)
      .replace('DD', parts.day)
      .replace('HH', parts.hour)
      .replace('mm', parts.minute)
      .replace('ss', parts.second);
  }

  isValid(): boolean {
    return !Number.isNaN(this.instant.getTime());
  }

  toDate(): Date {
    return new Date(this.instant);
  }

  toJSON(): string {
    return this.instant.toISOString();
  }

  private parts(): Record<'year' | 'month' | 'day' | 'hour' | 'minute' | 'second', string> {
    if (!this.zoned) {
      const iso = this.instant.toISOString();
      return {
        year: iso.slice(0, 4),
        month: iso.slice(5, 7),
        day: iso.slice(8, 10),
        hour: iso.slice(11, 13),
        minute: iso.slice(14, 16),
        second: iso.slice(17, 19),
      };
    }
    const parts = Object.fromEntries(wallClock.formatToParts(this.instant).map((p) => [p.type, p.value]));
    return {
      year: parts.year,
      month: parts.month,
      day: parts.day,
      hour: parts.hour,
      minute: parts.minute,
      second: parts.second,
    };
  }
}
