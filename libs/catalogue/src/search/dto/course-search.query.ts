import { ApiPropertyOptional } from '@nestjs/swagger';
import { PageQuery } from '@academy/platform';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import {
  AUDIENCES,
  type Audience,
  COURSE_KINDS,
  COURSE_LANGUAGES,
  type CourseKind,
  type CourseLanguage,
  THEMES,
  type Theme,
} from '../../catalogue.constants';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Query strings say "true"/"false"; the service is also called with real booleans (pages). */
const toBoolean = ({ value }: { value: unknown }): unknown =>
  value === 'true' || value === '1' ? true : value === 'false' || value === '0' ? false : value;
/** An empty form field means "no filter". */
const emptyToUndefined = ({ value }: { value: unknown }): unknown => (value === '' ? undefined : value);

/**
 * The catalogue's search: free text and filters that combine. Session filters (place, online, from, to,
 * hasSeats) keep the courses with an upcoming session matching all of them, and that session is `nextSession`.
 */
export class CourseSearchQuery extends PageQuery {
  @ApiPropertyOptional({ description: 'Words from the title, summary or description.', maxLength: 200 })
  @IsOptional()
  @Transform(emptyToUndefined)
  @IsString()
  @MaxLength(200)
  q?: string;

  @ApiPropertyOptional({ description: 'A category slug', example: 'mantelzorg' })
  @IsOptional()
  @Transform(emptyToUndefined)
  @IsString()
  @MaxLength(60)
  category?: string;

  @ApiPropertyOptional({ enum: COURSE_KINDS })
  @IsOptional()
  @Transform(emptyToUndefined)
  @IsIn(COURSE_KINDS)
  kind?: CourseKind;

  @ApiPropertyOptional({ enum: COURSE_LANGUAGES })
  @IsOptional()
  @Transform(emptyToUndefined)
  @IsIn(COURSE_LANGUAGES)
  language?: CourseLanguage;

  @ApiPropertyOptional({ enum: AUDIENCES })
  @IsOptional()
  @Transform(emptyToUndefined)
  @IsIn(AUDIENCES)
  audience?: Audience;

  @ApiPropertyOptional({ enum: THEMES })
  @IsOptional()
  @Transform(emptyToUndefined)
  @IsIn(THEMES)
  theme?: Theme;

  @ApiPropertyOptional({
    description: 'Village or town of the venue (case and accents do not matter).',
    example: 'Drachten',
  })
  @IsOptional()
  @Transform(emptyToUndefined)
  @IsString()
  @MaxLength(100)
  place?: string;

  @ApiPropertyOptional({ description: 'true: online sessions only; false: sessions at a venue only.' })
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean()
  online?: boolean;

  @ApiPropertyOptional({
    format: 'date',
    description: 'Sessions starting on or after this day (Friesland time).',
  })
  @IsOptional()
  @Transform(emptyToUndefined)
  @Matches(DATE, { message: 'from must be a date such as 2026-03-01' })
  from?: string;

  @ApiPropertyOptional({
    format: 'date',
    description: 'Sessions starting on or before this day (Friesland time).',
  })
  @IsOptional()
  @Transform(emptyToUndefined)
  @Matches(DATE, { message: 'to must be a date such as 2026-03-31' })
  to?: string;

  @ApiPropertyOptional({ description: 'true: only sessions with seats left.' })
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean()
  hasSeats?: boolean;
}

// Maps, not objects: a field named "constructor" must not find Object's.
const TEXT_LIMITS = new Map<string, number>([
  ['q', 200],
  ['category', 60],
  ['place', 100],
]);
const CHOICES = new Map<string, readonly string[]>([
  ['kind', COURSE_KINDS],
  ['language', COURSE_LANGUAGES],
  ['audience', AUDIENCES],
  ['theme', THEMES],
]);
const PAGE_LIMITS = new Map<string, number>([
  ['page', 100_000],
  ['pageSize', 100],
]);
const FLAGS = new Set<string>(['online', 'hasSeats']);
const DAYS = new Set<string>(['from', 'to']);
const WHOLE_NUMBER = /^[1-9]\d{0,5}$/;

/**
 * The common, plain forms of a listing's query string read without class-transformer and class-validator
 * (a third of the listing's CPU): every value as the validation pipe would make it, or undefined when
 * anything is unusual — an unknown or repeated field, a value out of range, a number written otherwise than
 * plainly — and the pipe must decide (it also writes the field errors). The spec checks that whatever this
 * accepts, the pipe accepts and turns into the same query.
 */
export function readPlainQuery(raw: Record<string, unknown>): CourseSearchQuery | undefined {
  const query = new CourseSearchQuery();
  const fields = query as unknown as Record<string, unknown>;
  for (const name in raw) {
    const value = raw[name];
    if (typeof value !== 'string' || !Object.hasOwn(raw, name)) return undefined;
    const textLimit = TEXT_LIMITS.get(name);
    const choices = CHOICES.get(name);
    const pageLimit = PAGE_LIMITS.get(name);
    if (textLimit !== undefined) {
      if (value.length > textLimit) return undefined;
      fields[name] = value === '' ? undefined : value;
    } else if (choices !== undefined) {
      if (value !== '' && !choices.includes(value)) return undefined;
      fields[name] = value === '' ? undefined : value;
    } else if (pageLimit !== undefined) {
      if (!WHOLE_NUMBER.test(value) || Number(value) > pageLimit) return undefined;
      fields[name] = Number(value);
    } else if (FLAGS.has(name)) {
      if (value === 'true' || value === '1') fields[name] = true;
      else if (value === 'false' || value === '0') fields[name] = false;
      else return undefined;
    } else if (DAYS.has(name)) {
      if (value !== '' && !DATE.test(value)) return undefined;
      fields[name] = value === '' ? undefined : value;
    } else {
      return undefined;
    }
  }
  return query;
}
