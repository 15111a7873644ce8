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
