import { ApiProperty } from '@nestjs/swagger';
import { ENROLMENT_STATUSES, type EnrolmentStatus } from '../../enrolment.constants';

export class EnrolmentSessionSummary {
  @ApiProperty({ format: 'uuid' })
  courseId!: string;

  @ApiProperty({ example: 'Grenzen stellen als mantelzorger' })
  courseTitle!: string;

  @ApiProperty({ format: 'date-time' })
  firstStartsAt!: string;

  @ApiProperty({ format: 'date-time' })
  lastEndsAt!: string;

  @ApiProperty({
    format: 'date-time',
    description: 'Cancelling a confirmed seat after this is a late cancellation.',
  })
  cancellationDeadline!: string;

  @ApiProperty({ description: 'Cancelled by the catalogue or for too few participants.' })
  cancelled!: boolean;
}

export class EnrolmentResponse {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ format: 'uuid' })
  sessionId!: string;

  @ApiProperty({
    format: 'uuid',
    type: String,
    nullable: true,
    description: 'Null once the person erased their account.',
  })
  userId!: string | null;

  @ApiProperty({ enum: ENROLMENT_STATUSES })
  status!: EnrolmentStatus;

  @ApiProperty({ type: Number, nullable: true, description: '1 is next in line; only while waitlisted.' })
  waitlistPosition!: number | null;

  @ApiProperty({
    type: String,
    format: 'date-time',
    nullable: true,
    description: 'While offered: accept before this (POST /api/enrolments/:id/accept).',
  })
  offerExpiresAt!: string | null;

  @ApiProperty({ description: 'A confirmed seat given up after the cancellation deadline.' })
  late!: boolean;

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  cancelledAt!: string | null;

  @ApiProperty({
    type: String,
    format: 'date-time',
    nullable: true,
    description: 'Attended enough meetings.',
  })
  completedAt!: string | null;

  @ApiProperty({ type: EnrolmentSessionSummary })
  session!: EnrolmentSessionSummary;
}
