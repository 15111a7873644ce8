import { ApiProperty } from '@nestjs/swagger';
import { ATTENDANCE_STATUSES, type AttendanceStatus } from '@academy/contracts';

export class RecordedAttendanceResponse {
  @ApiProperty({ format: 'uuid' })
  meetingId!: string;

  @ApiProperty({ format: 'uuid' })
  sessionId!: string;

  @ApiProperty({ description: 'How many records were saved.' })
  saved!: number;

  @ApiProperty({
    type: [String],
    description: 'Enrolments (of this or another session of the course) that completed with this list.',
  })
  completedEnrolmentIds!: string[];
}

export class MeetingAttendance {
  @ApiProperty({ format: 'uuid' })
  meetingId!: string;

  @ApiProperty({ enum: ATTENDANCE_STATUSES, nullable: true, description: 'null: not taken yet.' })
  status!: AttendanceStatus | null;
}

export class RosterMeeting {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ description: '0 for the first meeting, in time order.' })
  index!: number;

  @ApiProperty({ format: 'date-time' })
  startsAt!: string;

  @ApiProperty({ format: 'date-time' })
  endsAt!: string;

  @ApiProperty({ example: 'Dorpshuis De Skalm, Drachten' })
  place!: string;
}

export class RosterParticipant {
  @ApiProperty({ format: 'uuid' })
  enrolmentId!: string;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  userId!: string | null;

  @ApiProperty({ type: String, nullable: true, description: 'null for someone who erased their account.' })
  displayName!: string | null;

  @ApiProperty({ enum: ['confirmed', 'offered', 'waitlisted'] })
  status!: string;

  @ApiProperty({ type: Number, nullable: true })
  waitlistPosition!: number | null;

  @ApiProperty({ type: [MeetingAttendance] })
  attendance!: MeetingAttendance[];

  @ApiProperty({ description: 'Meetings attended (present or late) in this session.' })
  attended!: number;

  @ApiProperty()
  completed!: boolean;
}

export class RosterResponse {
  @ApiProperty({ format: 'uuid' })
  sessionId!: string;

  @ApiProperty()
  courseTitle!: string;

  @ApiProperty({ description: 'Percent of the meetings to attend to complete.' })
  attendanceThreshold!: number;

  @ApiProperty({ description: 'Cancelled by the catalogue or for too few participants.' })
  cancelled!: boolean;

  @ApiProperty({ type: [RosterMeeting] })
  meetings!: RosterMeeting[];

  @ApiProperty({ type: [RosterParticipant], description: 'Confirmed participants, by name.' })
  participants!: RosterParticipant[];

  @ApiProperty({ type: [RosterParticipant], description: 'Open offers, then the waitlist in order.' })
  waitlist!: RosterParticipant[];
}
