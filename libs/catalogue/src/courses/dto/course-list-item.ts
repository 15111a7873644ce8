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
  SESSION_STATUSES,
  type SessionStatus,
  THEMES,
  type Theme,
} from '../../catalogue.constants';
import { CategoryResponse } from '../../categories/dto/category.response';

export class ProviderSummary {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ example: 'Humanitas Friesland' })
  name!: string;
}

/** The first session still to start (matching the search filters, if any). */
export class NextSession {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ format: 'date-time', description: 'Start of its first meeting.' })
  startsAt!: string;

  @ApiProperty({ format: 'date-time', description: 'End of its last meeting.' })
  endsAt!: string;

  @ApiProperty({ type: String, nullable: true, example: 'Drachten' })
  place!: string | null;

  @ApiProperty({ description: 'Whether its first meeting is online.' })
  online!: boolean;

  @ApiProperty()
  capacity!: number;

  @ApiProperty({ description: 'Seats not taken by confirmed participants or held by an open offer.' })
  seatsLeft!: number;

  @ApiProperty({ enum: SESSION_STATUSES })
  status!: SessionStatus;
}

export class CourseListItem {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ enum: COURSE_KINDS })
  kind!: CourseKind;

  @ApiProperty()
  title!: string;

  @ApiProperty()
  summary!: string;

  @ApiProperty({ enum: COURSE_LANGUAGES })
  language!: CourseLanguage;

  @ApiProperty({ type: CategoryResponse })
  category!: CategoryResponse;

  @ApiProperty({ type: ProviderSummary, nullable: true })
  provider!: ProviderSummary | null;

  @ApiProperty({ enum: AUDIENCES, isArray: true })
  audiences!: Audience[];

  @ApiProperty({ enum: THEMES, isArray: true })
  themes!: Theme[];

  @ApiProperty({ enum: COURSE_STATUSES })
  status!: CourseStatus;

  @ApiProperty({ type: NextSession, nullable: true })
  nextSession!: NextSession | null;
}

export class CourseListPage {
  @ApiProperty({ type: [CourseListItem] })
  items!: CourseListItem[];

  @ApiProperty()
  total!: number;

  @ApiProperty()
  page!: number;

  @ApiProperty()
  pageSize!: number;
}
