import { ApiProperty } from '@nestjs/swagger';
import {
  SESSION_STATUSES,
  type SessionStatus,
  WAITLIST_MODES,
  type WaitlistMode,
} from '../../catalogue.constants';

export class LocationResponse {
  @ApiProperty({ example: 'Dorpshuis De Skalm' })
  name!: string;

  @ApiProperty({ type: String, nullable: true, example: 'Drachten' })
  place!: string | null;

  @ApiProperty({ type: String, nullable: true })
  address!: string | null;

  @ApiProperty()
  online!: boolean;

  @ApiProperty({ type: String, nullable: true })
  url!: string | null;
}

export class MeetingResponse {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ format: 'date-time' })
  startsAt!: string;

  @ApiProperty({ format: 'date-time' })
  endsAt!: string;

  @ApiProperty({ type: LocationResponse })
  location!: LocationResponse;
}

export class SeatsResponse {
  @ApiProperty()
  capacity!: number;

  @ApiProperty({ description: 'Confirmed participants, as the enrolment service last reported.' })
  confirmed!: number;

  @ApiProperty()
  waitlisted!: number;

  @ApiProperty({
    description:
      'Seats still free: capacity − confirmed − seats held by an open waitlist offer, never below 0.',
  })
  left!: number;
}

export class SessionResponse {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ format: 'uuid' })
  courseId!: string;

  @ApiProperty()
  capacity!: number;

  @ApiProperty()
  minimumParticipants!: number;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  goNoGoAt!: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  enrolmentOpensAt!: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  enrolmentClosesAt!: string | null;

  @ApiProperty()
  cancellationDeadlineHours!: number;

  @ApiProperty({ enum: WAITLIST_MODES })
  waitlistMode!: WaitlistMode;

  @ApiProperty()
  offerHours!: number;

  @ApiProperty({ enum: SESSION_STATUSES })
  status!: SessionStatus;

  @ApiProperty({ type: String, nullable: true })
  cancelReason!: string | null;

  @ApiProperty({ description: 'Visible in the public catalogue.' })
  published!: boolean;

  @ApiProperty({ description: 'Bumped on every change.' })
  version!: number;

  @ApiProperty({ type: [String], format: 'uuid' })
  trainerIds!: string[];

  @ApiProperty({ type: [MeetingResponse] })
  meetings!: MeetingResponse[];

  @ApiProperty({ type: SeatsResponse })
  seats!: SeatsResponse;
}
