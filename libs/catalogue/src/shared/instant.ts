import { applyDecorators } from '@nestjs/common';
import { IsISO8601, Matches } from 'class-validator';

/** An ISO 8601 date-time with an explicit offset: a time without one means something else in each browser. */
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/;

export const IsInstant = () =>
  applyDecorators(
    IsISO8601(
      { strict: true },
      { message: '$property must be a date and time, such as 2026-03-05T19:30:00+01:00' },
    ),
    Matches(INSTANT, { message: '$property must include its offset, such as +01:00 or Z' }),
  );

/** Parses what IsInstant accepted; undefined and null pass through. */
export function toDate(value: string): Date;
export function toDate(value: string | null | undefined): Date | null | undefined;
export function toDate(value: string | null | undefined): Date | null | undefined {
  if (value === undefined || value === null) return value;
  return new Date(value);
}

/** ISO 8601 with offset (UTC), as the API answers every time. */
export const iso = (date: Date): string => date.toISOString();
export const isoOrNull = (date: Date | null | undefined): string | null => (date ? date.toISOString() : null);
