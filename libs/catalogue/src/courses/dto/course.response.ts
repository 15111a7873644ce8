import { ApiProperty } from '@nestjs/swagger';
import {
  AUDIENCES,
  type Audience,
  COURSE_KINDS,
  COURSE_LANGUAGES,
  COURSE_STATUSES,
  type CourseKind,
  type CourseLanguage,
  type CourseStatus,
  THEMES,
  type Theme,
} from '../../catalogue.constants';
import { CategoryResponse } from '../../categories/dto/category.response';
import { ProviderResponse } from '../../providers/dto/provider.response';
import { SessionResponse } from '../../sessions/dto/session.response';

export class CourseResponse {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ enum: COURSE_KINDS })
  kind!: CourseKind;

  @ApiProperty({ example: 'Grenzen stellen als mantelzorger' })
  title!: string;

  @ApiProperty()
  summary!: string;

  @ApiProperty({ description: 'Markdown, as written.' })
  description!: string;

  @ApiProperty({ description: 'The description rendered to sanitised HTML.' })
  descriptionHtml!: string;

  @ApiProperty({ enum: COURSE_LANGUAGES })
  language!: CourseLanguage;

  @ApiProperty({ type: CategoryResponse })
  category!: CategoryResponse;

  @ApiProperty({ type: ProviderResponse, nullable: true })
  provider!: ProviderResponse | null;

  @ApiProperty({ enum: AUDIENCES, isArray: true })
  audiences!: Audience[];

  @ApiProperty({ enum: THEMES, isArray: true })
  themes!: Theme[];

  @ApiProperty({ example: 75 })
  attendanceThreshold!: number;

  @ApiProperty({ enum: COURSE_STATUSES })
  status!: CourseStatus;

  @ApiProperty({ type: [String], format: 'uuid' })
  trainerIds!: string[];

  @ApiProperty()
  version!: number;

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;

  @ApiProperty({ format: 'date-time' })
  updatedAt!: string;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  publishedAt!: string | null;
}

/** A course with its sessions: for the public the published ones that have not ended, for its managers all. */
export class CourseDetailResponse extends CourseResponse {
  @ApiProperty({ type: [SessionResponse] })
  sessions!: SessionResponse[];
}
