import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
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

/** A new course; it starts as a draft that only its trainers and administrators see. */
export class CreateCourseRequest {
  @ApiProperty({ enum: COURSE_KINDS, description: 'A workshop has one meeting; a training several.' })
  @IsIn(COURSE_KINDS)
  kind!: CourseKind;

  @ApiProperty({ example: 'Grenzen stellen als mantelzorger', minLength: 3, maxLength: 150 })
  @IsString()
  @Length(3, 150)
  title!: string;

  @ApiProperty({ example: 'Leer nee zeggen zonder schuldgevoel.', minLength: 3, maxLength: 500 })
  @IsString()
  @Length(3, 500)
  summary!: string;

  @ApiPropertyOptional({ description: 'Markdown; shown as sanitised HTML.', maxLength: 20000 })
  @IsOptional()
  @IsString()
  @MaxLength(20000)
  description?: string;

  @ApiProperty({ example: 'mantelzorg', description: 'The slug of a category.' })
  @IsString()
  @Length(1, 60)
  category!: string;

  @ApiProperty({ enum: COURSE_LANGUAGES })
  @IsIn(COURSE_LANGUAGES)
  language!: CourseLanguage;

  @ApiPropertyOptional({ enum: AUDIENCES, isArray: true })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(AUDIENCES.length)
  @IsIn(AUDIENCES, { each: true })
  audiences?: Audience[];

  @ApiPropertyOptional({ enum: THEMES, isArray: true })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(THEMES.length)
  @IsIn(THEMES, { each: true })
  themes?: Theme[];

  @ApiPropertyOptional({ format: 'uuid', description: 'The partner organisation offering the course.' })
  @IsOptional()
  @IsUUID()
  providerId?: string;

  @ApiPropertyOptional({
    minimum: 1,
    maximum: 100,
    default: 75,
    description: 'Percentage of meetings attended to complete the course.',
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(100)
  attendanceThreshold?: number;

  @ApiPropertyOptional({
    type: [String],
    format: 'uuid',
    description:
      'Users who teach and manage the course. A trainer who creates a course is always one of them.',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsUUID(undefined, { each: true })
  trainerIds?: string[];
}
